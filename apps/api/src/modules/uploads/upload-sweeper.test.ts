// The sweeper against the real local S3 server: our idle uploads and orphans left by other
// tools are aborted (their parts are gone), fresh and live ones are kept, and it reports the bytes.
import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { MiB, SweepReport, UploadView } from '@s3am/contracts';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  manualClock,
  type TestContext,
} from '../../../test/test-app.js';
import { parseKeyring, seal } from '../../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD, s3NetworkFrom } from '../connections/s3-client.js';
import { sweepStaleUploads } from './upload-sweeper.service.js';

const bucket = `sweep-${Date.now()}`;
const s3 = localS3Client();
const clock = manualClock(new Date().toISOString());
let ctx: TestContext;
let connectionId: string;
let admin: string;

beforeAll(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  ctx = await createTestApp({
    clock: clock.now,
    env: { UPLOAD_STALE_AFTER_HOURS: '24', SESSION_IDLE_TIMEOUT_SECONDS: '604800' },
  });
  connectionId = await createLocalConnection(ctx.db, { buckets: [bucket] });
  admin = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(() => ctx.close());

async function startUpload(key: string): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: bearer(admin),
    payload: { connectionId, bucket, key, size: 100 * MiB },
  });
  const upload = UploadView.parse(response.json());
  return (await ctx.db.upload.findUniqueOrThrow({ where: { id: upload.id } })).s3UploadId!;
}

// The sweeper keeps its S3 clients like the worker does; closed when the file ends.
let network: ReturnType<typeof s3NetworkFrom> | undefined;
const sweeperNetwork = () => (network ??= s3NetworkFrom(ctx.config));
afterAll(() => network?.clients.close());

const sweep = () =>
  sweepStaleUploads(
    {
      db: ctx.db,
      keyring: TEST_KEYRING,
      s3Network: sweeperNetwork(),
      clock: clock.now,
      staleAfterHours: 24,
    },
    { connectionIds: [connectionId] },
  );

async function exists(key: string, uploadId: string): Promise<boolean> {
  try {
    await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchUpload') return false;
    throw error;
  }
}

it('reports a connection whose secret no key opens, and sweeps the others', async () => {
  const broken = await ctx.db.s3Connection.create({
    data: {
      name: `broken-${Date.now()}`,
      authMode: 'static_keys',
      accessKeyId: 'AKIAEXAMPLE',
      secretCiphertext: seal(
        parseKeyring(`old:${Buffer.alloc(32, 9).toString('base64')}`),
        'x',
        CONNECTION_SECRET_AAD,
      ),
      buckets: [bucket],
    },
  });
  const report = await sweepStaleUploads(
    {
      db: ctx.db,
      keyring: TEST_KEYRING,
      s3Network: sweeperNetwork(),
      clock: clock.now,
      staleAfterHours: 24,
    },
    { connectionIds: [broken.id, connectionId] },
  );
  expect(report.errors).toEqual([
    `${broken.name}: its credentials cannot be opened with the current master keys`,
  ]);
  await ctx.db.s3Connection.delete({ where: { id: broken.id } });
});

// First, while the clock is real: a sweep over every connection must not touch other tests' uploads.
it('can be run by an admin from the API', async () => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/uploads/sweep',
    headers: bearer(admin),
  });
  expect(response.statusCode).toBe(200);
  // Nothing is idle yet by the real clock; other connections in this database may report errors.
  expect(SweepReport.parse(response.json())).toMatchObject({
    abortedTracked: 0,
    abortedOrphans: 0,
  });
});

it('aborts idle uploads and orphans, keeps the rest, and reports the bytes freed', async () => {
  const idle = await startUpload('idle.bin');
  const orphan = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'orphan.bin' }),
  );
  await s3.send(
    new UploadPartCommand({
      Bucket: bucket,
      Key: 'orphan.bin',
      UploadId: orphan.UploadId,
      PartNumber: 1,
      Body: randomBytes(1000),
    }),
  );
  expect(await sweep()).toEqual({
    abortedTracked: 0,
    abortedOrphans: 0,
    freedBytes: 0,
    errors: [],
  });

  clock.advance(25 * 3600 * 1000);
  const fresh = await startUpload('fresh.bin');
  const report = await sweep();
  expect(report).toEqual({ abortedTracked: 1, abortedOrphans: 1, freedBytes: 1000, errors: [] });
  expect(await exists('idle.bin', idle)).toBe(false);
  expect(await exists('orphan.bin', orphan.UploadId!)).toBe(false);
  expect(await exists('fresh.bin', fresh)).toBe(true);
  const row = await ctx.db.upload.findFirstOrThrow({ where: { s3UploadId: idle } });
  expect(row.state).toBe('aborted');
  const audit = await ctx.db.auditEvent.findFirst({
    where: { action: 'upload.sweep' },
    orderBy: { seq: 'desc' },
  });
  expect(audit?.details).toMatchObject({ abortedTracked: 1, abortedOrphans: 1, freedBytes: 1000 });
});
