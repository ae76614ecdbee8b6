import { createFetchUploadApi } from './transport.js';
import { uploadViewFixture } from './test-fakes.js';
import { NetworkError, UploadApiError } from './upload-errors.js';

const UPLOAD = uploadViewFixture({ state: 'in_progress', completedAt: null });

function recordingFetch(respond: () => Response) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

const json = (body: unknown, status = 200, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('createFetchUploadApi', () => {
  it('sends the auth headers and JSON body, and parses the answer with the contracts', async () => {
    const { requests, fetchImpl } = recordingFetch(() => json(UPLOAD, 201));
    const api = createFetchUploadApi({
      baseUrl: 'http://api.test/',
      getAuthHeaders: async () => ({ authorization: 'Bearer t0k' }),
      fetch: fetchImpl,
    });
    const view = await api.create({
      connectionId: UPLOAD.connectionId,
      bucket: 'uploads',
      key: 'a.bin',
      size: 10,
    });
    expect(view.id).toBe(UPLOAD.id);
    const [request] = requests;
    expect(request?.url).toBe('http://api.test/api/uploads');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.headers).toMatchObject({
      authorization: 'Bearer t0k',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request?.init.body as string)).toMatchObject({ key: 'a.bin', size: 10 });
  });

  it('builds the part and list URLs', async () => {
    const { requests, fetchImpl } = recordingFetch(() => json({ parts: [], nextMarker: null }));
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl });
    await api.listParts(UPLOAD.id, 42);
    await api.listParts(UPLOAD.id);
    expect(requests.map((request) => request.url)).toEqual([
      `/api/uploads/${UPLOAD.id}/parts?marker=42`,
      `/api/uploads/${UPLOAD.id}/parts`,
    ]);
  });

  it('throws UploadApiError with the problem code and status', async () => {
    const problem = {
      type: 'about:blank',
      title: 'No grant allows this',
      status: 403,
      code: 'GRANT_DENIED',
      detail: 'No write grant on uploads/x',
    };
    const { fetchImpl } = recordingFetch(() => json(problem, 403, 'application/problem+json'));
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl });
    const failure = api.get(UPLOAD.id);
    await expect(failure).rejects.toBeInstanceOf(UploadApiError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      code: 'GRANT_DENIED',
      detail: 'No write grant on uploads/x',
    });
  });

  it('keeps the status of an answer that is not problem+json', async () => {
    const { fetchImpl } = recordingFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
    );
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl });
    await expect(api.abort(UPLOAD.id)).rejects.toMatchObject({ status: 502, code: undefined });
  });

  it('turns a failed connection into a NetworkError', async () => {
    const api = createFetchUploadApi({
      baseUrl: '',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(api.get(UPLOAD.id)).rejects.toBeInstanceOf(NetworkError);
  });

  it("learns the server's clock from the Date header of its answers", async () => {
    const local = Date.parse('2026-11-29T12:00:00.000Z');
    const server = new Date(local - 2 * 3_600_000); // this client's clock runs 2 h ahead
    const { fetchImpl } = recordingFetch(
      () =>
        new Response(JSON.stringify(UPLOAD), {
          status: 200,
          headers: { 'content-type': 'application/json', date: server.toUTCString() },
        }),
    );
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl, now: () => local });
    expect(api.serverNow!()).toBe(local); // nothing heard yet: the local clock
    await api.get(UPLOAD.id);
    expect(Math.abs(api.serverNow!() - server.getTime())).toBeLessThanOrEqual(1000);
  });

  it("reads an HTTP-date Retry-After against the server's Date, not the local clock", async () => {
    const serverDate = new Date(Date.now() - 2 * 3_600_000);
    const { fetchImpl } = recordingFetch(
      () =>
        new Response('', {
          status: 503,
          headers: {
            date: serverDate.toUTCString(),
            'retry-after': new Date(serverDate.getTime() + 30_000).toUTCString(),
          },
        }),
    );
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl });
    await expect(api.get(UPLOAD.id)).rejects.toMatchObject({ status: 503, retryAfterMs: 30_000 });
  });

  it('calls the batch routes and the limits route, parsing them with the contracts', async () => {
    const { requests, fetchImpl } = recordingFetch(() =>
      json({
        items: [{ ok: false, id: UPLOAD.id, error: { status: 404, code: 'UPLOAD_NOT_FOUND' } }],
      }),
    );
    const api = createFetchUploadApi({ baseUrl: '', fetch: fetchImpl });
    const done = await api.completeBatch!([{ id: UPLOAD.id, etag: '"e"' }]);
    expect(done.items[0]).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_FOUND' } });
    expect(requests[0]?.url).toBe('/api/uploads/batch/complete');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual({
      items: [{ id: UPLOAD.id, etag: '"e"' }],
    });
  });
});
