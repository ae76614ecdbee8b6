// The client's own behaviour against a real HTTP server on an ephemeral port: retries on 429/503
// honouring Retry-After, one shared refresh for concurrent 401s, problem+json → ApiError, and
// answers checked against the contracts. Waits are recorded instead of slept (no timing).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, NetworkError, ResponseShapeError } from './api-error.js';
import { hasCode } from './caller.js';
import { createApiClient } from './client.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: { method: string; url: string; authorization?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body,
      });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen.length = 0;
});

function send(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  const json = status >= 400 && typeof body === 'object';
  response.writeHead(status, {
    'content-type': json ? 'application/problem+json' : 'application/json',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function problem(status: number, code: string, detail: string, extra = {}) {
  return { type: 'about:blank', title: 'Problem', status, code, detail, ...extra };
}

/** A client whose waits are recorded and return at once. */
function recordingClient(options: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  const waits: number[] = [];
  const client = createApiClient({
    baseUrl,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return { client, waits };
}

describe('retries', () => {
  test('a 429 with Retry-After in seconds is retried after that long, then succeeds', async () => {
    let calls = 0;
    handler = (_request, response) => {
      calls++;
      if (calls < 3)
        send(response, 429, problem(429, 'RATE_LIMITED', 'Slow down'), { 'retry-after': '7' });
      else send(response, 200, { status: 'ok' });
    };
    const { client, waits } = recordingClient();
    await expect(client.health()).resolves.toEqual({ status: 'ok' });
    expect(waits).toEqual([7000, 7000]);
    expect(seen).toHaveLength(3);
  });

  test('a 503 with Retry-After as an HTTP date waits until that date by the server clock', async () => {
    let calls = 0;
    const serverNow = new Date('2030-01-01T00:00:00Z');
    handler = (_request, response) => {
      calls++;
      if (calls === 1)
        send(response, 503, problem(503, 'NOT_READY', 'Starting'), {
          date: serverNow.toUTCString(),
          'retry-after': new Date(serverNow.getTime() + 12_000).toUTCString(),
        });
      else send(response, 200, { status: 'ok' });
    };
    const { client, waits } = recordingClient();
    await client.health();
    expect(waits).toEqual([12_000]);
  });

  test('without Retry-After the waits grow exponentially, and the last error reaches the caller', async () => {
    handler = (_request, response) =>
      send(response, 503, problem(503, 'NOT_READY', 'Database away'));
    const { client, waits } = recordingClient({ retry: { retries: 3, baseDelayMs: 100 } });
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(waits).toEqual([100, 200, 400]);
    expect(seen).toHaveLength(4);
  });

  test('a Retry-After longer than the policy allows is not waited for', async () => {
    handler = (_request, response) =>
      send(response, 429, problem(429, 'RATE_LIMITED', 'Slow down'), { 'retry-after': '3600' });
    const { client, waits } = recordingClient({ retry: { maxDelayMs: 60_000 } });
    const error = (await client.health().catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.extra.retryAfterMs).toBe(3_600_000);
    expect(waits).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  test('other failures (400, 404, 500) are not retried', async () => {
    for (const status of [400, 404, 500]) {
      seen.length = 0;
      handler = (_request, response) => send(response, status, problem(status, 'NOT_FOUND', 'x'));
      const { client, waits } = recordingClient();
      await expect(client.health()).rejects.toBeInstanceOf(ApiError);
      expect(waits).toEqual([]);
      expect(seen).toHaveLength(1);
    }
  });
});

describe('token refresh', () => {
  test('concurrent 401s share one refresh, and each call is retried with the new token', async () => {
    let token = 'old';
    let refreshes = 0;
    let release: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => (release = resolve));
    handler = (request, response) => {
      if (request.headers.authorization === 'Bearer new') send(response, 200, { status: 'ok' });
      else send(response, 401, problem(401, 'UNAUTHENTICATED', 'Token expired'));
    };
    const { client } = recordingClient({
      auth: {
        token: () => token,
        refresh: async () => {
          refreshes++;
          await refreshGate; // every 401 arrives while this refresh is still running
          token = 'new';
        },
      },
    });
    const calls = Array.from({ length: 5 }, () => client.health());
    // Wait (by polling the server's log, not the clock) until all five have been refused once.
    while (seen.filter((request) => request.authorization === 'Bearer old').length < 5)
      await new Promise((resolve) => setImmediate(resolve));
    release();
    await expect(Promise.all(calls)).resolves.toEqual(Array(5).fill({ status: 'ok' }));
    expect(refreshes).toBe(1);
    expect(seen.filter((request) => request.authorization === 'Bearer new')).toHaveLength(5);
  });

  test('a failed refresh gives the caller the original 401', async () => {
    handler = (_request, response) =>
      send(response, 401, problem(401, 'UNAUTHENTICATED', 'Token expired'));
    const { client } = recordingClient({
      auth: { token: () => 'old', refresh: () => Promise.reject(new Error('session over')) },
    });
    const error = (await client.me().catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(seen).toHaveLength(1);
  });

  test('the auth routes themselves never trigger a refresh', async () => {
    let refreshes = 0;
    handler = (_request, response) =>
      send(response, 401, problem(401, 'INVALID_CREDENTIALS', 'Wrong email or password'));
    const { client } = recordingClient({
      auth: { token: () => null, refresh: async () => void refreshes++ },
    });
    await expect(
      client.login({ body: { email: 'a@example.com', password: 'wrong-password' } }),
    ).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(refreshes).toBe(0);
  });
});

describe('answers and errors', () => {
  test('problem+json becomes an ApiError with code, detail, field errors and request id', async () => {
    handler = (_request, response) =>
      send(
        response,
        400,
        problem(400, 'VALIDATION', 'Check the fields', {
          errors: [{ path: 'email', message: 'Not an email' }],
          requestId: 'req-12345678',
        }),
      );
    const { client } = recordingClient();
    const error = (await client
      .createGroup({ body: { name: 'ops' } })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION');
    expect(error.detail).toBe('Check the fields');
    expect(error.message).toBe('Check the fields');
    expect(error.errors).toEqual([{ path: 'email', message: 'Not an email' }]);
    expect(error.extra.requestId).toBe('req-12345678');
    expect(hasCode(error, 'VALIDATION')).toBe(true);
    expect(hasCode(error, 'NOT_FOUND')).toBe(false);
  });

  test("a proxy's HTML error page becomes an ApiError without a code, saying the status", async () => {
    handler = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'proxy-1' });
      response.end('<html><body>Bad gateway</body></html>');
    };
    const { client } = recordingClient();
    const error = (await client.health().catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBeUndefined();
    expect(error.detail).toBe('The server answered 502 Bad Gateway.');
    expect(error.extra.requestId).toBe('proxy-1');
    expect(error.extra.body).toContain('Bad gateway');
  });

  test('a 2xx answer the contract rejects is a ResponseShapeError, not data', async () => {
    handler = (_request, response) => send(response, 200, { status: 'maybe' });
    const { client } = recordingClient();
    await expect(client.health()).rejects.toBeInstanceOf(ResponseShapeError);
  });

  test('path parameters are encoded, queries repeat arrays, bodies go as JSON', async () => {
    handler = (_request, response) => {
      response.writeHead(204);
      response.end();
    };
    const { client } = recordingClient({ auth: { token: () => 's3am_token' } });
    await client.deleteUser({ params: { id: 'a b/c' } });
    expect(seen[0]).toMatchObject({
      method: 'DELETE',
      url: '/api/users/a%20b%2Fc',
      authorization: 'Bearer s3am_token',
    });
    handler = (_request, response) => send(response, 200, { items: [] });
    await client.listGrants({ query: { userId: '6f1c6f7e-8a9b-4c1d-9e2f-0a1b2c3d4e5f' } });
    expect(seen[1]?.url).toBe('/api/grants?userId=6f1c6f7e-8a9b-4c1d-9e2f-0a1b2c3d4e5f');
  });

  test('no answer in time is a NetworkError; the caller cancelling stays an abort', async () => {
    const held: ServerResponse[] = [];
    handler = (_request, response) => held.push(response); // never answers
    const { client } = recordingClient();
    const late = await client
      .health({ signal: AbortSignal.timeout(50) })
      .catch((caught: unknown) => caught);
    expect(late).toBeInstanceOf(NetworkError);
    const cancel = new AbortController();
    const cancelled = client.health({ signal: cancel.signal }).catch((caught: unknown) => caught);
    cancel.abort();
    const error = await cancelled;
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as Error).name).toBe('AbortError');
    for (const response of held) response.destroy();
  });
});
