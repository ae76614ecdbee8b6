import { FetchPartSender, XhrPartSender } from './part-sender.js';
import { EtagNotExposedError, HttpError } from './upload-errors.js';

describe('FetchPartSender', () => {
  it('PUTs the body with the signed headers and no credentials, and returns the ETag', async () => {
    const seen: RequestInit[] = [];
    const sender = new FetchPartSender({
      fetch: (async (_url: string, init: RequestInit) => {
        seen.push(init);
        return new Response(null, { status: 200, headers: { ETag: '"abc"' } });
      }) as unknown as typeof fetch,
    });
    const progress: number[] = [];
    const result = await sender.send({
      url: 'http://s3.test/b/k?X-Amz-Signature=1',
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: new Uint8Array(7),
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(result).toEqual({ etag: '"abc"' });
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      credentials: 'omit',
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
    });
    expect(progress).toEqual([7]);
  });

  it('reports an unreadable ETag as a CORS problem', async () => {
    const sender = new FetchPartSender({
      fetch: (async () => new Response(null, { status: 200 })) as unknown as typeof fetch,
    });
    const failure = sender.send({ url: 'http://s3.test/x', headers: {}, body: new Uint8Array(1) });
    await expect(failure).rejects.toBeInstanceOf(EtagNotExposedError);
    await expect(failure).rejects.toThrow(/ExposeHeaders/);
  });

  it('keeps the status and S3 error body of a refused PUT', async () => {
    const sender = new FetchPartSender({
      fetch: (async () =>
        new Response('<Error><Message>Request has expired</Message></Error>', {
          status: 403,
        })) as unknown as typeof fetch,
    });
    const failure = sender.send({ url: 'http://s3.test/x', headers: {}, body: new Uint8Array(1) });
    await expect(failure).rejects.toBeInstanceOf(HttpError);
    const error = (await failure.catch((caught: unknown) => caught)) as HttpError;
    expect(error.status).toBe(403);
    expect(error.body).toContain('Request has expired');
  });
});

/** Just enough of XMLHttpRequest for the sender; the test drives its events. */
class FakeXhr {
  status = 0;
  responseText = '';
  withCredentials = true;
  responseHeaders: Record<string, string> = {};
  sentHeaders: Record<string, string> = {};
  method = '';
  url = '';
  sent: unknown = undefined;
  aborted = false;
  upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.sentHeaders[name] = value;
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: unknown): void {
    this.sent = body;
  }
  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }
  finish(status: number, headers: Record<string, string> = {}): void {
    this.status = status;
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function xhrSender(): { sender: XhrPartSender; xhr: FakeXhr } {
  const xhr = new FakeXhr();
  const sender = new XhrPartSender({ createXhr: () => xhr as unknown as XMLHttpRequest });
  return { sender, xhr };
}

describe('XhrPartSender', () => {
  it('reports upload progress, sends without credentials and returns the ETag', async () => {
    const { sender, xhr } = xhrSender();
    const progress: number[] = [];
    const result = sender.send({
      url: 'http://s3.test/x',
      headers: { 'x-amz-acl': 'private' },
      body: new Blob(['hello']),
      onProgress: (loaded) => progress.push(loaded),
    });
    xhr.upload.onprogress?.({ loaded: 3 });
    xhr.finish(200, { etag: '"e1"' });
    await expect(result).resolves.toEqual({ etag: '"e1"' });
    expect(progress).toEqual([3, 5]);
    expect(xhr.withCredentials).toBe(false);
    expect(xhr.method).toBe('PUT');
    expect(xhr.sentHeaders).toEqual({ 'x-amz-acl': 'private' });
    expect(xhr.onload).toBeNull(); // handlers are released
  });

  it('throws EtagNotExposedError when CORS hides the ETag header', async () => {
    const { sender, xhr } = xhrSender();
    const result = sender.send({ url: 'http://s3.test/x', headers: {}, body: new Blob(['a']) });
    xhr.finish(200);
    await expect(result).rejects.toBeInstanceOf(EtagNotExposedError);
  });

  it('aborts the request when the signal fires', async () => {
    const { sender, xhr } = xhrSender();
    const controller = new AbortController();
    const result = sender.send({
      url: 'http://s3.test/x',
      headers: {},
      body: new Blob(['a']),
      signal: controller.signal,
    });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.aborted).toBe(true);
  });
});
