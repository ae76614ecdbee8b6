// The heartbeat's stop does not wait out the pause between beats: a finished job is reported as
// finished at once, not up to a second later (the database is never touched before a first beat).
import type { EngineDeps, RunControl } from './migration-engine.js';
import { startHeartbeat } from './migration-heartbeat.js';

function quietDeps(queries: string[]): EngineDeps {
  return {
    settings: { leaseSeconds: 30, partSize: 0, multipartThreshold: 0, maxAttempts: 1 },
    db: {
      $queryRaw: (strings: TemplateStringsArray) => {
        queries.push(strings.join('?'));
        return Promise.resolve([{ state: 'running' }]);
      },
    },
  } as unknown as EngineDeps;
}

describe('migration heartbeat', () => {
  it('stops before the next turn of the event loop, without a beat', async () => {
    const queries: string[] = [];
    const control: RunControl = { jobId: 'job', state: 'running', abort: new AbortController() };
    const stop = startHeartbeat(quietDeps(queries), 'job', control, () => ({
      throttledUntil: 0,
      speed: 0,
    }));
    // Ordering, not time: an immediate callback runs after every promise already settled.
    const stopped = stop().then(() => 'stopped');
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('next turn')));
    await expect(Promise.race([stopped, nextTurn])).resolves.toBe('stopped');
    expect(queries).toEqual([]);
    expect(control.state).toBe('running');
  });
});
