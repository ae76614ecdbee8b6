// The API's side of the job queue: it only sends jobs (workers run them), so its pg-boss instance
// starts on first use, supervises nothing and runs no schedule.
import { PgBoss } from 'pg-boss';
import { ensureFolderOperationsQueue, sendFolderOperation } from './folder-operations.job.js';

export interface JobSender {
  sendFolderOperation(operationId: string): Promise<void>;
  close(): Promise<void>;
}

export function createJobSender(databaseUrl: string, onError: (error: Error) => void): JobSender {
  let started: Promise<PgBoss> | undefined;
  const boss = () => {
    started ??= (async () => {
      const instance = new PgBoss({
        connectionString: databaseUrl,
        schema: 'pgboss',
        max: 2,
        supervise: false,
        schedule: false,
      });
      instance.on('error', onError);
      await instance.start();
      await ensureFolderOperationsQueue(instance);
      return instance;
    })().catch((error: unknown) => {
      started = undefined; // try again on the next send
      throw error;
    });
    return started;
  };
  return {
    sendFolderOperation: async (operationId) => sendFolderOperation(await boss(), operationId),
    close: async () => {
      if (!started) return;
      const instance = await started.catch(() => undefined);
      await instance?.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
