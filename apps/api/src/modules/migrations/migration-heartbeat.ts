// The lease of a running job: renewed once a second (or a third of the lease, if shorter), and
// each renewal reads the state people set (pause, cancel) and tells the runner.
import { setTimeout as sleep } from 'node:timers/promises';
import { RUNNER_ID, type EngineDeps, type RunControl } from './migration-engine.js';

/** Renews the lease and reads the state the people set (pause, cancel) once a second. */
export function startHeartbeat(
  deps: EngineDeps,
  jobId: string,
  control: RunControl,
  report: () => { throttledUntil: number; speed: number },
) {
  // Stopping ends the wait between beats at once: the job's end is not held up by a second.
  const stop = new AbortController();
  const beat = async () => {
    for (;;) {
      const waited = await sleep(Math.min(1000, (deps.settings.leaseSeconds * 1000) / 3), true, {
        signal: stop.signal,
      }).catch(() => false);
      if (!waited) return;
      const { throttledUntil, speed } = report();
      try {
        const rows = await deps.db.$queryRaw<{ state: string }[]>`
          UPDATE migration_jobs SET heartbeat_at = now(), speed_bytes_per_second = ${speed},
            throttled_until = ${throttledUntil > Date.now() ? new Date(throttledUntil) : null}
          WHERE id = ${jobId}::uuid AND runner_id = ${RUNNER_ID} RETURNING state`;
        if (control.state === 'released') return;
        const state = rows[0]?.state;
        if (state === undefined) control.state = 'lost';
        else if (state === 'paused' || state === 'cancelled') control.state = state;
        if (control.state === 'cancelled' || control.state === 'lost') control.abort.abort();
      } catch (error) {
        deps.log.warn({ err: error, migrationId: jobId }, 'migration heartbeat failed');
      }
    }
  };
  const running = beat();
  return async () => {
    stop.abort();
    await running;
  };
}
