// Folder moves, copies and deletes: requested over HTTP (grants checked, audited), run in slices
// by the job code against the real local S3 server, resumable from the saved cursor, and run end
// to end by a real pg-boss worker.
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { FileOperation, FolderSummary, MoveResult } from '@s3am/contracts';
import { startJobQueue, type JobQueue } from '../../jobs/job-queue.js';
import { scheduleFolderOperations } from '../../jobs/folder-operations.job.js';
import {
  bearer,
  databaseUrl,
  TEST_KEYRING,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';
import { s3NetworkFrom } from '../connections/s3-client.js';
import { runFolderOperationSlice, type RunnerDeps } from './folder-operation.runner.js';

const run = `folder-ops-${Date.now()}`;
const direct = localS3Client();
let ctx: TestContext;
let connectionId: string;
let owner: { token: string; userId: string };
let reader: { token: string; userId: string };
let deps: RunnerDeps;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const all = await signedInGrantee(ctx, {
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read', 'write', 'delete'],
  });
  owner = { token: all.token, userId: all.user.id };
  const onlyRead = await signedInGrantee(ctx, {
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read'],
  });
  reader = { token: onlyRead.token, userId: onlyRead.user.id };
  deps = {
    db: ctx.db,
    keyring: TEST_KEYRING,
    s3Network: s3NetworkFrom(ctx.config),
    clock: () => new Date(),
    downloadTtlSeconds: 60,
  };
});
afterAll(async () => {
  direct.destroy();
  deps.s3Network.clients.close();
  await ctx.close();
});

async function seed(folder: string, names: string[]) {
  for (const name of names)
    await direct.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/${folder}/${name}`, Body: name }),
    );
}
async function keysUnder(folder: string): Promise<string[]> {
  const page = await direct.send(
    new ListObjectsV2Command({ Bucket: 'uploads', Prefix: `${run}/${folder}/` }),
  );
  return (page.Contents ?? []).map((o) => o.Key!.slice(`${run}/${folder}/`.length)).sort();
}
const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const operation = async (id: string, token = owner.token) =>
  FileOperation.parse((await call('GET', `/api/files/operations/${id}`, token)).json());

it('moves a folder in resumable slices: progress is saved, the next slice carries on', async () => {
  await seed('src', ['a.txt', 'b.txt', 'sub/c.txt', 'sub/d.txt', 'e.txt']);
  const response = await call('POST', '/api/files/move', owner.token, {
    connectionId,
    bucket: 'uploads',
    from: `${run}/src/`,
    to: `${run}/dst/`,
  });
  expect(response.statusCode).toBe(202);
  const result = MoveResult.parse(response.json());
  if (result.kind !== 'folder') throw new Error('expected a folder operation');
  expect(result.operation.status).toBe('queued');
  const id = result.operation.id;

  // A slice cut short (as when its worker dies) leaves exact progress behind.
  expect(await runFolderOperationSlice(deps, id, { maxObjects: 2 })).toBe('more');
  const halfway = await operation(id);
  expect(halfway).toMatchObject({
    status: 'running',
    totalObjects: 5,
    totalBytes: 33,
    doneObjects: 2,
  });
  expect(await keysUnder('dst')).toHaveLength(2);

  expect(await runFolderOperationSlice(deps, id)).toBe('done');
  const done = await operation(id);
  expect(done).toMatchObject({
    status: 'succeeded',
    doneObjects: 5,
    doneBytes: 33,
    failedObjects: 0,
  });
  expect(await keysUnder('dst')).toEqual(['a.txt', 'b.txt', 'e.txt', 'sub/c.txt', 'sub/d.txt']);
  expect(await keysUnder('src')).toEqual([]);
  const events = await ctx.db.auditEvent.findMany({
    where: { actorId: owner.userId, action: { startsWith: 'files.move_folder' } },
    orderBy: { seq: 'asc' },
  });
  expect(events.map((e) => e.action)).toEqual(['files.move_folder.start', 'files.move_folder']);
  expect(events[1]?.details).toMatchObject({ operationId: id, objects: 5, status: 'succeeded' });
});

it('lists what it left alone: an existing target is a failure, its source stays', async () => {
  await seed('clash', ['one.txt', 'two.txt']);
  await seed('there', ['two.txt']);
  const result = MoveResult.parse(
    (
      await call('POST', '/api/files/move', owner.token, {
        connectionId,
        bucket: 'uploads',
        from: `${run}/clash/`,
        to: `${run}/there/`,
      })
    ).json(),
  );
  if (result.kind !== 'folder') throw new Error('expected a folder operation');
  expect(await runFolderOperationSlice(deps, result.operation.id)).toBe('done');
  const done = await operation(result.operation.id);
  expect(done.status).toBe('partial');
  expect(done.failures.map((f) => f.key)).toEqual([`${run}/clash/two.txt`]);
  expect(done.failures[0]?.message).toContain('already exists');
  expect(await keysUnder('clash')).toEqual(['two.txt']);
});

it('counts a folder, then deletes it in batches; only the one who started it sees it', async () => {
  await seed('old', ['x.txt', 'y.txt', 'deeper/z.txt']);
  const query = new URLSearchParams({ connectionId, bucket: 'uploads', prefix: `${run}/old/` });
  const summary = FolderSummary.parse(
    (await call('GET', `/api/files/folder-summary?${query}`, owner.token)).json(),
  );
  expect(summary).toEqual({ prefix: `${run}/old/`, objects: 3, bytes: 22, complete: true });

  const response = await call('POST', '/api/files/delete-folder', owner.token, {
    connectionId,
    bucket: 'uploads',
    prefix: `${run}/old/`,
  });
  expect(response.statusCode).toBe(202);
  const { id } = FileOperation.parse(response.json());
  expect((await call('GET', `/api/files/operations/${id}`, reader.token)).statusCode).toBe(404);
  expect(await runFolderOperationSlice(deps, id)).toBe('done');
  expect(await operation(id)).toMatchObject({ status: 'succeeded', doneObjects: 3, doneBytes: 22 });
  expect(await keysUnder('old')).toEqual([]);
});

it('refuses folder deletes and moves without the grants, and audits the refusal', async () => {
  await seed('guarded', ['keep.txt']);
  const denied = await call('POST', '/api/files/delete-folder', reader.token, {
    connectionId,
    bucket: 'uploads',
    prefix: `${run}/guarded/`,
  });
  expect(denied.statusCode).toBe(403);
  expect(problemOf(denied).code).toBe('GRANT_DENIED');
  const move = await call('POST', '/api/files/move', reader.token, {
    connectionId,
    bucket: 'uploads',
    from: `${run}/guarded/`,
    to: `${run}/moved/`,
    copy: true,
  });
  expect(move.statusCode).toBe(403);
  expect(
    await ctx.db.auditEvent.count({ where: { actorId: reader.userId, outcome: 'denied' } }),
  ).toBe(2);
  expect(await keysUnder('guarded')).toEqual(['keep.txt']);
  expect(await ctx.db.fileOperation.count({ where: { actorId: reader.userId } })).toBe(0);
});

it('stops an operation whose grant was withdrawn before its next slice', async () => {
  await seed('revoked', ['r1.txt', 'r2.txt']);
  const { id } = FileOperation.parse(
    (
      await call('POST', '/api/files/delete-folder', owner.token, {
        connectionId,
        bucket: 'uploads',
        prefix: `${run}/revoked/`,
      })
    ).json(),
  );
  await ctx.db.grant.updateMany({ where: { userId: owner.userId }, data: { actions: ['list'] } });
  try {
    expect(await runFolderOperationSlice(deps, id)).toBe('done');
    const stopped = await operation(id);
    expect(stopped.status).toBe('failed');
    expect(stopped.error).toContain('delete');
    expect(await keysUnder('revoked')).toEqual(['r1.txt', 'r2.txt']);
  } finally {
    await ctx.db.grant.updateMany({
      where: { userId: owner.userId },
      data: { actions: ['list', 'read', 'write', 'delete'] },
    });
  }
});

describe('on the real job queue', () => {
  let queue: JobQueue;
  beforeAll(async () => {
    queue = await startJobQueue(databaseUrl(), () => undefined);
    await scheduleFolderOperations(queue, deps, ctx.app.log);
  });
  afterAll(() => queue.stop());

  it('a worker runs a queued folder copy to the end', async () => {
    await seed('queued', ['q1.txt', 'q2.txt', 'q3.txt']);
    const result = MoveResult.parse(
      (
        await call('POST', '/api/files/move', owner.token, {
          connectionId,
          bucket: 'uploads',
          from: `${run}/queued/`,
          to: `${run}/copied/`,
          copy: true,
        })
      ).json(),
    );
    if (result.kind !== 'folder') throw new Error('expected a folder operation');
    const deadline = Date.now() + 20_000;
    let current = await operation(result.operation.id);
    while (!current.finishedAt && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await operation(result.operation.id);
    }
    expect(current).toMatchObject({ status: 'succeeded', doneObjects: 3 });
    expect(await keysUnder('copied')).toEqual(['q1.txt', 'q2.txt', 'q3.txt']);
    expect(await keysUnder('queued')).toEqual(['q1.txt', 'q2.txt', 'q3.txt']);
  });
});
