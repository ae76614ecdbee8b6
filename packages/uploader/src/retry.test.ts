import {
  backoffDelay,
  classifyFailure,
  classifyStatus,
  parseRetryAfter,
  retryDelay,
  withRetry,
  type BackoffOptions,
} from './retry.js';
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  UploadApiError,
  abortError,
} from './upload-errors.js';

const options = (random: () => number, maxAttempts = 6): BackoffOptions => ({
  baseMs: 100,
  capMs: 1_000,
  maxAttempts,
  random,
});

describe('backoffDelay', () => {
  it('doubles the ceiling each retry up to the cap (random just below 1)', () => {
    const schedule = [0, 1, 2, 3, 4, 5].map((retry) =>
      backoffDelay(
        retry,
        options(() => 0.999999),
      ),
    );
    expect(schedule).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(
      backoffDelay(
        2,
        options(() => 0.5),
      ),
    ).toBe(200);
    expect(
      backoffDelay(
        2,
        options(() => 0),
      ),
    ).toBe(0);
  });
});

describe('classifyFailure', () => {
  it('retries network errors, 5xx, 429 and 408', () => {
    expect(classifyFailure(new NetworkError('reset'))).toBe('retry');
    for (const status of [500, 502, 503, 504, 429, 408]) {
      expect(classifyFailure(new HttpError(status, ''))).toBe('retry');
    }
    expect(classifyFailure(new UploadApiError(503, 'NOT_READY', undefined, ''))).toBe('retry');
  });

  it('re-signs a 403 whose body says the request has expired', () => {
    const body = '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    expect(classifyFailure(new HttpError(403, body))).toBe('resign');
  });

  it('gives up on other 4xx, a missing ETag, aborts and unknown errors', () => {
    expect(classifyFailure(new HttpError(403, '<Code>SignatureDoesNotMatch</Code>'))).toBe('fatal');
    expect(classifyFailure(new HttpError(400, ''))).toBe('fatal');
    expect(classifyFailure(new HttpError(404, ''))).toBe('fatal');
    expect(classifyFailure(new UploadApiError(403, 'GRANT_DENIED', undefined, ''))).toBe('fatal');
    expect(classifyFailure(new EtagNotExposedError())).toBe('fatal');
    expect(classifyFailure(abortError())).toBe('fatal');
    expect(classifyFailure(new Error('bug'))).toBe('fatal');
    expect(classifyStatus(401)).toBe('fatal');
  });
});

describe('withRetry', () => {
  it('retries a retryable failure until it succeeds, reporting each delay', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new HttpError(503, '');
        return 'ok';
      },
      options(() => 0),
      { onRetry: (_error, _retry, delay) => delays.push(delay) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([0, 0]);
  });

  it('stops after maxAttempts', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new NetworkError('down');
      },
      options(() => 0, 3),
    );
    await expect(failing).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(3);
  });

  it('does not retry a final failure', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new HttpError(400, '');
      },
      options(() => 0),
    );
    await expect(failing).rejects.toBeInstanceOf(HttpError);
    expect(calls).toBe(1);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('waits at least what the server asked, up to the cap', () => {
    const tooFast = new HttpError(429, '');
    tooFast.retryAfterMs = 700;
    expect(
      retryDelay(
        tooFast,
        0,
        options(() => 0),
      ),
    ).toBe(700);
    tooFast.retryAfterMs = 60_000;
    expect(
      retryDelay(
        tooFast,
        0,
        options(() => 0),
      ),
    ).toBe(1_000);
    expect(
      retryDelay(
        new HttpError(503, ''),
        1,
        options(() => 0.5),
      ),
    ).toBe(100);
  });
});
