// Background jobs on pg-boss: a queue in the same PostgreSQL, so any number of API instances
// share one schedule and each job runs once.
import { PgBoss } from 'pg-boss';

export interface JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobQueue(databaseUrl: string, onError: (error: Error) => void) {
  // LISTEN/NOTIFY wakes a worker the moment a job is filed on a queue created with `notify`
  // (migrations), instead of at its next poll; polling stays on as the fallback.
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    useListenNotify: true,
  });
  boss.on('error', onError);
  await boss.start();
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) } satisfies JobQueue;
}

/** A cron expression for "every N minutes" (N ≥ 1). */
export function everyMinutes(minutes: number): string {
  if (minutes < 60) return `*/${minutes} * * * *`;
  return `0 */${Math.max(1, Math.round(minutes / 60))} * * *`;
}
