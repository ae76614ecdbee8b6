import {
  FailureStreak,
  backoffDelay,
  classifyFailure,
  classifyStatus,
  parseRetryAfter,
  retryDelay,
  withRetry,
  type BackoffOptions,
  type Connectivity,
  type RetryWait,
} from './retry.js';
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  UploadApiError,
  abortError,
} from './upload-errors.js';

const options = (random: () => number, maxAttempts = 6, budgetMs = 60_000): BackoffOptions => ({
  baseMs: 100,
  capMs: 1_000,
  budgetMs,
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
    const delays: (number | null)[] = [];
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

  it('waits at least what the server asked, in full even beyond the backoff cap', () => {
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
    ).toBe(60_000);
    expect(
      retryDelay(
        new HttpError(503, ''),
        1,
        options(() => 0.5),
      ),
    ).toBe(100);
  });
});

/** A clock the test moves: sleeps are real but 0 ms long (random 0), time passes by hand. */
function manualTime(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('FailureStreak', () => {
  it('keeps retrying transient failures until the time budget is spent, then gives up', async () => {
    const time = manualTime();
    const streak = new FailureStreak({
      backoff: options(() => 0, Infinity, 10_000),
      now: time.now,
    });
    const error = new NetworkError('refused');
    let retries = 0;
    for (; retries < 1000; retries++) {
      const waited = streak.wait(error, undefined).then(
        () => true,
        () => false,
      );
      if (!(await waited)) break;
      time.advance(1_000);
    }
    // Failing since t0, retried at t0, t0+1s, … t0+9s; at t0+10s the budget is spent.
    expect(retries).toBe(10);
  });

  it('clamps the last backoff to what is left of the budget; a success starts a new streak', async () => {
    const time = manualTime();
    const backoff = { ...options(() => 0.999, Infinity, 5_000), baseMs: 4_000, capMs: 20_000 };
    const streak = new FailureStreak({
      backoff,
      now: time.now,
      sleep: async (ms) => void time.advance(ms),
    });
    const waits: (number | null)[] = [];
    const error = new HttpError(503, '');
    const onWait = (wait: RetryWait) => waits.push(wait.delayMs);
    await streak.wait(error, undefined, onWait); // 3,996 ms of the 5 s
    await streak.wait(error, undefined, onWait); // the next draw (7,992) is cut to the 1,004 left
    await expect(streak.wait(error, undefined, onWait)).rejects.toBe(error);
    streak.reset();
    await streak.wait(error, undefined, onWait);
    expect(waits).toEqual([3_996, 1_004, 3_996]);
  });

  it('gives up at once when Retry-After asks for more than the budget has left', async () => {
    const streak = new FailureStreak({ backoff: options(() => 0, Infinity, 10_000) });
    const busy = new HttpError(429, '');
    busy.retryAfterMs = 30_000;
    await expect(streak.wait(busy, undefined)).rejects.toBe(busy);
  });

  it('fails at once on a definite error', async () => {
    const streak = new FailureStreak({ backoff: options(() => 0) });
    const refused = new UploadApiError(403, 'GRANT_DENIED', undefined, '');
    await expect(streak.wait(refused, undefined)).rejects.toBe(refused);
  });

  it('waits for the connection while offline without spending the budget', async () => {
    let online = false;
    let wake: () => void = () => undefined;
    const connectivity: Connectivity = {
      online: () => online,
      whenOnline: () => new Promise<void>((resolve) => (wake = resolve)),
    };
    const time = manualTime();
    const waits: RetryWait[] = [];
    const streak = new FailureStreak({
      backoff: options(() => 0, Infinity, 1_000),
      connectivity,
      now: time.now,
    });
    const error = new NetworkError('offline');
    let settled = false;
    const waiting = streak
      .wait(error, undefined, (wait) => waits.push(wait))
      .then(() => {
        settled = true;
      });
    time.advance(60 * 60_000); // an hour offline
    await Promise.resolve();
    expect(settled).toBe(false);
    online = true;
    wake();
    await waiting;
    expect(waits).toEqual([{ retry: 0, delayMs: null, offline: true }]);
    // Back online the budget is whole again: the next failure is retried.
    await expect(streak.wait(error, undefined)).resolves.toBeUndefined();
  });
});
