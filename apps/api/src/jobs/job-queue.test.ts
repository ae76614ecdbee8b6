// Queues people wait on (a migration they started, a folder they moved) are filed with NOTIFY, so a
// worker starts the job the moment it is filed instead of at its next poll; queues created by an
// earlier version (without the option) are brought up to date when a process starts.
import { databaseUrl } from '../../test/test-app.js';
import { ensureFolderOperationsQueue, FOLDER_OPERATIONS_QUEUE } from './folder-operations.job.js';
import { startJobQueue, type JobQueue } from './job-queue.js';
import { ensureMigrationQueue, MIGRATION_QUEUE } from './migration-run.job.js';

describe('job queues people wait on', () => {
  let queue: JobQueue;
  beforeAll(async () => {
    queue = await startJobQueue(databaseUrl(), () => undefined);
  });
  afterAll(() => queue.stop());

  it.each([
    [MIGRATION_QUEUE, ensureMigrationQueue],
    [FOLDER_OPERATIONS_QUEUE, ensureFolderOperationsQueue],
  ])('%s wakes workers through NOTIFY, also when it existed without it', async (name, ensure) => {
    const { boss } = queue;
    if (await boss.getQueue(name)) await boss.updateQueue(name, { notify: false });
    else await boss.createQueue(name, { notify: false });
    expect((await boss.getQueue(name))?.notify).toBe(false);
    await ensure(boss);
    expect((await boss.getQueue(name))?.notify).toBe(true);
  });
});
