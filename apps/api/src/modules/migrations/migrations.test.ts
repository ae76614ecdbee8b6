// Migration jobs end to end: the API defines jobs, the engine (pg-boss, in this process) copies
// between two real local S3 server processes standing for two accounts.
import { randomBytes, randomUUID } from 'node:crypto';
import { GetObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import type {
  BatchOperationsPlan,
  MigrationItemPage,
  MigrationReport,
  MigrationView,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';
import {
  clientFor,
  countingProxy,
  createConnectionTo,
  describeObject,
  finished,
  listAll,
  seed,
  startEngine,
  startSecondS3,
  waitForMigration,
  type CountingProxy,
  type S3Endpoint,
  type SeedObject,
} from '../../../test/migrations-kit.js';
import { problemOf } from '../../../test/uploads-kit.js';

let ctx: TestContext;
let token: string;
let second: S3Endpoint;
let proxy: CountingProxy;
let engine: { stop(): Promise<void> };
let sourceConnection: string;
let destConnection: string;
const source = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp();
  second = await startSecondS3();
  proxy = await countingProxy(second.endpoint);
  const admin = await createUser(ctx.db, { role: 'admin' });
  token = await accessTokenFor(ctx, admin);
  sourceConnection = await createLocalConnection(ctx.db);
  destConnection = await createConnectionTo(ctx.db, { ...second, endpoint: proxy.endpoint });
  engine = await startEngine(ctx);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await proxy?.close();
  await second?.stop();
  await ctx?.close();
  source.destroy();
});

function create(body: object, query = '') {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/migrations${query}`,
    headers: bearer(token),
    payload: body,
  });
}

function definition(srcPrefix: string, dstPrefix: string, options: Record<string, unknown> = {}) {
  return {
    source: { connectionId: sourceConnection, bucket: 'uploads', prefix: srcPrefix },
    destination: { connectionId: destConnection, bucket: 'uploads', prefix: dstPrefix },
    options: { concurrency: 8, ...options },
  };
}

const ODD_TREE = (): SeedObject[] => [
  { key: 'a.txt', body: Buffer.from('hello') },
  { key: 'empty', body: Buffer.alloc(0) },
  { key: 'nested/deeper/leaf.bin', body: randomBytes(70_000) },
  { key: 'nested/with space & plus+sign.txt', body: Buffer.from('odd') },
  { key: 'unicode/grüße 日本.txt', body: Buffer.from('unicode') },
  {
    key: 'meta/tagged.json',
    body: Buffer.from('{"a":1}'),
    contentType: 'application/json',
    metadata: { owner: 'team-a', purpose: 'test' },
    tags: { project: 'apollo', stage: 'prod' },
  },
  // Above the 5 MiB part size the test engine uses: streamed as a multipart upload.
  { key: 'big/multipart.bin', body: randomBytes(12 * 1024 * 1024 + 123) },
];

describe('migration jobs between two S3 servers', () => {
  const srcPrefix = `mig-${randomUUID()}/src/`;
  const dstPrefix = `mig-${randomUUID()}/dst/`;
  const tree = ODD_TREE();

  beforeAll(
    () =>
      seed(
        source,
        'uploads',
        tree.map((o) => ({ ...o, key: srcPrefix + o.key })),
      ),
    60_000,
  );

  it('copies a tree with odd keys, empty and multipart objects, metadata and tags; the destination equals the source', async () => {
    const response = await create(definition(srcPrefix, dstPrefix));
    expect(response.statusCode).toBe(201);
    const created = response.json<MigrationView>();
    const view = await waitForMigration(ctx, token, created.id, finished);
    expect(view.state).toBe('completed');
    expect(view.counts.copied.objects).toBe(tree.length);
    expect(view.counts.failed.objects).toBe(0);
    const destination = clientFor(second);
    try {
      const sourceKeys = (await listAll(source, 'uploads', srcPrefix)).map((o) => [o.key, o.size]);
      const destKeys = (await listAll(destination, 'uploads', dstPrefix)).map((o) => [
        o.key,
        o.size,
      ]);
      expect(destKeys).toEqual(sourceKeys);
      for (const object of tree) {
        const want = await describeObject(source, 'uploads', srcPrefix + object.key);
        // The source holds what was seeded: otherwise an S3 server that drops tags or metadata
        // would make both sides equally empty and this comparison prove nothing.
        expect({ metadata: want.metadata, tags: want.tags }).toEqual({
          metadata: object.metadata ?? {},
          tags: object.tags ?? {},
        });
        const got = await describeObject(destination, 'uploads', dstPrefix + object.key);
        expect({ key: object.key, ...got }).toEqual({ key: object.key, ...want });
      }
      const open = await destination.send(
        new ListMultipartUploadsCommand({ Bucket: 'uploads', Prefix: dstPrefix }),
      );
      expect(open.Uploads ?? []).toEqual([]);
    } finally {
      destination.destroy();
    }
    for (const object of tree) expect(proxy.writes.get(dstPrefix + object.key)).toBe(1);
  }, 120_000);

  it('a re-run skips everything that is already there', async () => {
    const [first] = (
      await ctx.app.inject({ method: 'GET', url: '/api/migrations', headers: bearer(token) })
    ).json<{ items: MigrationView[] }>().items;
    const writesBefore = [...proxy.writes.values()].reduce((a, b) => a + b, 0);
    const rerun = await ctx.app.inject({
      method: 'POST',
      url: `/api/migrations/${first!.id}/rerun`,
      headers: bearer(token),
    });
    expect(rerun.statusCode).toBe(201);
    const view = await waitForMigration(ctx, token, rerun.json<MigrationView>().id, finished);
    expect(view).toMatchObject({ state: 'completed', rerunOf: first!.id });
    expect(view.counts.skipped.objects).toBe(tree.length);
    expect(view.counts.copied.objects).toBe(0);
    expect([...proxy.writes.values()].reduce((a, b) => a + b, 0)).toBe(writesBefore);
  }, 60_000);

  it('a dry run counts objects and bytes and writes nothing', async () => {
    const target = `mig-${randomUUID()}/dry/`;
    const response = await create(definition(srcPrefix, target), '?dryRun=true');
    expect(response.statusCode).toBe(201);
    const view = await waitForMigration(ctx, token, response.json<MigrationView>().id, finished);
    expect(view.state).toBe('completed');
    expect(view.options.dryRun).toBe(true);
    expect(view.counts.pending.objects).toBe(tree.length);
    expect(view.counts.pending.bytes).toBe(tree.reduce((sum, o) => sum + o.body.length, 0));
    expect([...proxy.writes.keys()].filter((key) => key.startsWith(target))).toEqual([]);
    const report = await ctx.app.inject({
      method: 'GET',
      url: `/api/migrations/${view.id}/report`,
      headers: bearer(token),
    });
    expect(report.json<MigrationReport>().planned.objects).toBe(tree.length);
    const plan = await ctx.app.inject({
      method: 'POST',
      url: `/api/migrations/${view.id}/batch-operations`,
      headers: bearer(token),
      payload: { roleArn: 'arn:aws:iam::123456789012:role/batch', accountId: '123456789012' },
    });
    expect(plan.statusCode).toBe(200);
    const body = plan.json<BatchOperationsPlan>();
    expect(body.objects).toBe(tree.length);
    expect(body.createJobRequest).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/batch',
    });
    const destination = clientFor(second);
    try {
      const manifest = await destination.send(
        new GetObjectCommand({ Bucket: 'uploads', Key: body.manifest.key }),
      );
      const lines = (await manifest.Body!.transformToString()).trim().split('\n');
      expect(lines).toHaveLength(tree.length);
      expect(lines).toContain(
        `uploads,${encodeURIComponent(`${srcPrefix}unicode/grüße 日本.txt`)}`,
      );
    } finally {
      destination.destroy();
    }
  }, 60_000);

  it('reports per-object state, JSON and formula-safe CSV', async () => {
    const [latest] = (
      await ctx.app.inject({ method: 'GET', url: '/api/migrations', headers: bearer(token) })
    ).json<{ items: MigrationView[] }>().items;
    const items = await ctx.app.inject({
      method: 'GET',
      url: `/api/migrations/${latest!.id}/items?limit=3`,
      headers: bearer(token),
    });
    const page = items.json<MigrationItemPage>();
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).not.toBeNull();
    const csv = await ctx.app.inject({
      method: 'GET',
      url: `/api/migrations/${latest!.id}/report?format=csv`,
      headers: bearer(token),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('key,size,state,reason,attempts,updated_at');
    expect(csv.body).toContain('nested/with space & plus+sign.txt');
  });
});

describe('validation', () => {
  it('refuses overlapping source and destination with 400', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/migrations',
      headers: bearer(token),
      payload: {
        source: { connectionId: sourceConnection, bucket: 'uploads', prefix: 'data' },
        destination: { connectionId: sourceConnection, bucket: 'uploads', prefix: 'data/copy/' },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).code).toBe('MIGRATION_OVERLAP');
  });

  it('explains a location it cannot reach, and starts nothing', async () => {
    const wrong = await createConnectionTo(ctx.db, {
      ...localS3(),
      secretAccessKey: 'not-the-secret',
    });
    const response = await create({
      ...definition('x/', 'y/'),
      source: { connectionId: wrong, bucket: 'uploads', prefix: 'x/' },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('MIGRATION_LOCATION_UNAVAILABLE');
    expect(problem.detail).toMatch(/source: HeadBucket failed/);
  });

  it('only admins define migrations', async () => {
    const user = await createUser(ctx.db, { role: 'uploader' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/migrations',
      headers: bearer(await accessTokenFor(ctx, user)),
      payload: definition('a/', 'b/'),
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows the policies a cross-account job needs', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/migrations/policies',
      headers: bearer(token),
      payload: definition('reports/2024', 'archive/'),
    });
    expect(response.statusCode).toBe(200);
    const policies = response.json<{
      crossAccount: boolean;
      destinationIdentityPolicy: { Statement: { Sid: string; Condition?: unknown }[] };
      sourceBucketPolicy: unknown;
    }>();
    expect(policies.crossAccount).toBe(true);
    const list = policies.destinationIdentityPolicy.Statement.find(
      (s) => s.Sid === 'ListSourcePrefix',
    );
    expect(list?.Condition).toEqual({
      StringLike: { 's3:prefix': ['reports/2024/', 'reports/2024/*'] },
    });
    expect(policies.sourceBucketPolicy).not.toBeNull();
  });
});
