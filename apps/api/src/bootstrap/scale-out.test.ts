// Scale-out with real processes: two API instances (A, B) and one worker on one database, one
// local S3 server process (the global setup's) and Redis. A person's session, an upload, rate
// limits and connection edits behave as on one instance; the sweeper runs once per occurrence;
// instances with other master keys or without secrets refuse to start; and the managed
// "Local storage" stays with its owner until the owner is gone.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { MiB, ProblemSchema, REFRESH_COOKIE } from '@s3am/contracts';
import {
  freePort,
  spawnApiProcess,
  startProcess,
  stopProcess,
  type ApiProcess,
} from '../../test/api-process.js';
import {
  TEST_KEYRING,
  WORKER_ID,
  createLocalConnection,
  createUser,
  databaseUrl,
  grantOnUploads,
  localS3,
  localS3Client,
  redisUrl,
  templateDatabase,
  type UserFixture,
} from '../../test/test-app.js';
import { sha256, storedSha256 } from '../../test/upload-engine-kit.js';
import { createPrisma, type Db } from '../db/prisma.js';
import { open, seal } from '../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from '../modules/connections/s3-client.js';

const scaleDb = `s3am_scale_${process.pid}_w${WORKER_ID}`;
const withDatabase = (name: string) => {
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
const OTHER_MASTER_KEYS = `other1:${randomBytes(32).toString('base64')}`;
const RATE_LIMIT_MAX = 25;
/** UPLOAD_SWEEPER_QUEUE (jobs/upload-sweeper.job.ts pulls in pg-boss, which jest cannot load). */
const UPLOAD_SWEEPER_QUEUE = 'upload-sweeper';

let admin: pg.Client;
let db: Db;
let env: Record<string, string>;
let a: { base: string; process: ApiProcess };
let b: { base: string; process: ApiProcess };
let worker: ApiProcess;
const started: ApiProcess[] = [];
let uploader: UserFixture;
let adminUser: UserFixture;
let connectionId: string;
let managedId: string;
let managedBefore: Awaited<ReturnType<typeof managedRow>>;
const run = `scale-${Date.now()}`;

async function startServer(extra: Record<string, string> = {}) {
  const port = await freePort();
  const server = await startProcess('server', { ...env, PORT: String(port), ...extra });
  started.push(server);
  return { base: `http://127.0.0.1:${port}`, process: server };
}

/** Polls until `done` holds (a deadline, never a fixed wait). */
async function until(what: string, done: () => Promise<boolean> | boolean, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; cookie?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

function refreshCookie(answer: Answer): string {
  const cookie = answer.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie in the answer');
  return cookie.split(';')[0] ?? '';
}

async function signIn(base: string, user: UserFixture) {
  const answer = await call(base, '/api/auth/login', {
    method: 'POST',
    body: { email: user.email, password: user.password },
  });
  expect(answer.status).toBe(200);
  return {
    token: (answer.body as { accessToken: string }).accessToken,
    cookie: refreshCookie(answer),
  };
}

async function managedRow() {
  return db.s3Connection.findUniqueOrThrow({ where: { id: managedId } });
}

/** A URL where nothing listens: an owner that is gone. */
async function deadEndpoint(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: withDatabase('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${scaleDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${scaleDb} TEMPLATE ${templateDatabase()}`);
  db = createPrisma(withDatabase(scaleDb));

  uploader = await createUser(db);
  adminUser = await createUser(db, { role: 'admin' });
  connectionId = await createLocalConnection(db, { name: 'shared' });
  await grantOnUploads(db, {
    userId: uploader.id,
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read', 'write'],
  });
  // "Local storage" as its owner registered it: the local S3 server, running as its own process.
  const s3 = localS3();
  managedId = (
    await db.s3Connection.create({
      data: {
        name: 'Local storage',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        authMode: 'static_keys',
        accessKeyId: s3.accessKeyId,
        secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
        buckets: ['uploads'],
        managedLocal: true,
      },
    })
  ).id;

  env = {
    DATABASE_URL: withDatabase(scaleDb),
    REDIS_URL: redisUrl(),
    RATE_LIMIT_NAMESPACE: `s3am-scale-test-${randomUUID()}:`,
    RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
    RATE_LIMIT_IP_MAX: '100000',
    AUTH_RATE_LIMIT_MAX: '1000',
    UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB),
    UPLOAD_SWEEP_INTERVAL_MINUTES: '1',
    LOG_LEVEL: 'info',
    // Default settings otherwise: the instances would run "Local storage" if it were theirs.
    LOCAL_S3: '',
    LOCAL_S3_PORT: '0',
  };
  managedBefore = await managedRow();
  [a, b, worker] = await Promise.all([
    startServer(),
    startServer(),
    startProcess('worker', env).then((jobsOnly) => {
      started.push(jobsOnly);
      return jobsOnly;
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((each) => stopProcess(each)));
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${scaleDb} WITH (FORCE)`);
  await admin.end();
});

it('signs in on A, refreshes and calls on B, and calls on A with what B issued', async () => {
  const session = await signIn(a.base, uploader);
  expect((await call(b.base, '/api/me', { token: session.token })).status).toBe(200);

  const refreshed = await call(b.base, '/api/auth/refresh', {
    method: 'POST',
    cookie: session.cookie,
  });
  expect(refreshed.status).toBe(200);
  const token = (refreshed.body as { accessToken: string }).accessToken;
  expect((await call(a.base, '/api/me', { token })).status).toBe(200);
  // The cookie B rotated is the one A accepts next.
  const again = await call(a.base, '/api/auth/refresh', {
    method: 'POST',
    cookie: refreshCookie(refreshed),
  });
  expect(again.status).toBe(200);
});

it('creates an upload on A, signs its parts on B and completes it on A', async () => {
  const { token } = await signIn(a.base, uploader);
  const bytes = randomBytes(10 * MiB);
  const key = `${run}/across-instances.bin`;
  const created = await call(a.base, '/api/uploads', {
    method: 'POST',
    token,
    body: { connectionId, bucket: 'uploads', key, size: bytes.length },
  });
  expect(created.status).toBe(201);
  const upload = created.body as { id: string; mode: string; partSize: number; partCount: number };
  expect(upload.mode).toBe('multipart');
  expect(upload.partCount).toBeGreaterThan(1);

  const partNumbers = Array.from({ length: upload.partCount }, (_, i) => i + 1);
  const signed = await call(b.base, `/api/uploads/${upload.id}/parts`, {
    method: 'POST',
    token,
    body: { partNumbers },
  });
  expect(signed.status).toBe(200);
  const { urls, headers } = signed.body as {
    urls: { partNumber: number; url: string }[];
    headers: Record<string, string>;
  };
  const parts = [];
  for (const { partNumber, url } of urls) {
    const start = (partNumber - 1) * upload.partSize;
    const put = await fetch(url, {
      method: 'PUT',
      headers,
      body: bytes.subarray(start, start + upload.partSize),
    });
    expect(put.status).toBe(200);
    parts.push({ partNumber, etag: put.headers.get('etag') ?? '' });
  }

  const completed = await call(a.base, `/api/uploads/${upload.id}/complete`, {
    method: 'POST',
    token,
    body: { parts },
  });
  expect(completed.status).toBe(200);
  expect((completed.body as { state: string }).state).toBe('completed');
  expect(await storedSha256(localS3Client(), key)).toBe(sha256(bytes));
});

it('counts requests on A and B against one rate limit (Redis)', async () => {
  const caller = await createUser(db);
  const { token } = await signIn(a.base, caller);
  const remaining: number[] = [];
  const statuses: number[] = [];
  // Alternating instances: each answer shows the budget the other one spent.
  for (let i = 0; i < RATE_LIMIT_MAX + 2; i++) {
    const answer = await call(i % 2 === 0 ? a.base : b.base, '/api/me', { token });
    statuses.push(answer.status);
    remaining.push(Number(answer.headers.get('x-ratelimit-remaining')));
  }
  expect(statuses.slice(0, RATE_LIMIT_MAX)).toEqual(Array(RATE_LIMIT_MAX).fill(200));
  expect(remaining.slice(0, RATE_LIMIT_MAX)).toEqual(
    Array.from({ length: RATE_LIMIT_MAX }, (_, i) => RATE_LIMIT_MAX - 1 - i),
  );
  // The budget ran out on one instance (A): the other refuses too.
  expect(statuses.slice(RATE_LIMIT_MAX)).toEqual([429, 429]);
});

it("sees a connection edited on A in B's next call", async () => {
  const adminSession = await signIn(a.base, adminUser);
  const { token } = await signIn(b.base, uploader);
  const list = () =>
    call(b.base, `/api/files?connectionId=${connectionId}&bucket=uploads&prefix=${run}/`, {
      token,
    });
  // B keeps an S3 client for the connection from here on.
  expect((await list()).status).toBe(200);

  const s3 = localS3();
  const edit = (secretAccessKey: string) =>
    call(a.base, `/api/connections/${connectionId}`, {
      method: 'PUT',
      token: adminSession.token,
      body: {
        name: 'shared',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        authMode: 'static_keys',
        accessKeyId: s3.accessKeyId,
        secretAccessKey,
        buckets: ['uploads'],
      },
    });
  expect((await edit('not-the-secret-of-this-server')).status).toBe(200);
  const refused = await list();
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(ProblemSchema.parse(refused.body).code).toBeDefined();

  expect((await edit(s3.secretAccessKey)).status).toBe(200);
  const listed = await list();
  expect(listed.status).toBe(200);
});

it('runs each scheduled sweep once across A, B and the worker', async () => {
  const all = [a.process, b.process, worker];
  for (const each of all) expect(each.output()).toMatch(/upload sweeper every 1 minute\(s\)/);
  const completedJobs = async () =>
    (
      await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job
        WHERE name = ${UPLOAD_SWEEPER_QUEUE} AND state = 'completed'`
    ).map((row) => row.id);
  const runs = () =>
    all.flatMap((each) =>
      each
        .output()
        .split('\n')
        .filter((line) => line.includes('upload sweep finished'))
        .map((line) => (JSON.parse(line) as { jobId: string }).jobId),
    );
  // The first occurrence is filed as soon as the first process starts.
  await until('a completed sweep', async () => (await completedJobs()).length > 0);
  const jobs = await completedJobs();
  // A job is marked completed after its handler logged: wait for the lines to arrive.
  await until('the sweep log lines', () => jobs.every((id) => runs().includes(id)), 10_000);
  for (const id of jobs) expect(runs().filter((ran) => ran === id)).toHaveLength(1);

  // One job per occurrence: a cron pass files each occurrence under its minute slot (pg-boss's
  // send-it queue) and never twice, whichever process ran the pass; each becomes at most one sweep.
  const occurrences = await db.$queryRaw<{ slot: string | null; filed: number }[]>`
    SELECT singleton_on::text AS slot, count(*)::int AS filed FROM pgboss.job
      WHERE name = '__pgboss__send-it' AND data->>'name' = ${UPLOAD_SWEEPER_QUEUE}
      GROUP BY singleton_on`;
  expect(occurrences.length).toBeGreaterThan(0);
  expect(occurrences.filter((row) => row.slot === null || row.filed !== 1)).toEqual([]);
  const [sweeps] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${UPLOAD_SWEEPER_QUEUE}`;
  expect(sweeps?.count).toBeLessThanOrEqual(occurrences.length);
}, 120_000);

it('leaves the managed "Local storage" alone while its endpoint answers', async () => {
  // A and B started with default settings (LOCAL_S3=auto) next to the running local S3 server.
  const row = await managedRow();
  expect(row).toEqual(managedBefore);
  expect(row.endpoint).toBe(localS3().endpoint);
  expect(open(TEST_KEYRING, row.secretCiphertext ?? '', CONNECTION_SECRET_AAD)).toBe(
    localS3().secretAccessKey,
  );
  for (const instance of [a, b])
    expect(instance.process.output()).toContain(
      `"Local storage" at ${localS3().endpoint} is run by another instance; left as it is`,
    );
  expect(await db.localStorageOwner.count()).toBe(0);
});

describe('instances that must not change shared state', () => {
  let wrongKeys: ApiProcess;
  let noSecrets: ApiProcess;
  let bystander: ApiProcess;
  let canaryBefore: unknown;
  let gone: string;
  let ownedBefore: Awaited<ReturnType<typeof managedRow>>;

  // Started together (each start costs seconds): two that must refuse, and one with default
  // settings while "Local storage" belongs to an instance on another host.
  beforeAll(async () => {
    canaryBefore = await db.keyCanary.findMany();
    // The owner runs elsewhere: its (loopback) endpoint does not answer here, its heartbeat is fresh.
    gone = await deadEndpoint();
    await db.s3Connection.update({ where: { id: managedId }, data: { endpoint: gone } });
    await db.$executeRaw`INSERT INTO local_storage_owners
        (connection_id, host, data_dir, pid, endpoint, heartbeat_at)
      VALUES (${managedId}::uuid, 'other-host', '/srv/s3am/s3', 4242, ${gone}, now())`;
    ownedBefore = await managedRow();

    const port = async () => String(await freePort());
    wrongKeys = spawnApiProcess('server', {
      ...env,
      PORT: await port(),
      MASTER_KEYS: OTHER_MASTER_KEYS,
    });
    noSecrets = spawnApiProcess('server', {
      ...env,
      PORT: await port(),
      JWT_SECRET: '',
      MASTER_KEYS: '',
    });
    const standing = startServer();
    await Promise.all([wrongKeys.exited, noSecrets.exited]);
    bystander = (await standing).process;
  }, 180_000);

  it('refuses to start an instance whose MASTER_KEYS cannot open the secrets in the database', async () => {
    expect(await wrongKeys.exited).toBe(1);
    const output = wrongKeys.output();
    expect(output).toContain(
      'MASTER_KEYS cannot open the secrets already in this database.\nThe key canary was sealed with master key "test"; this instance has "other1".',
    );
    expect(output).toContain('Refusing to start; nothing was changed.');
    expect(output).not.toContain('S3 Access Manager is running');
    expect(await db.keyCanary.findMany()).toEqual(canaryBefore);
  });

  it('refuses to start on DATABASE_URL without JWT_SECRET and MASTER_KEYS, saying how to make them', async () => {
    expect(await noSecrets.exited).toBe(1);
    const output = noSecrets.output();
    expect(output).toContain('JWT_SECRET (missing)');
    expect(output).toContain('MASTER_KEYS (missing)');
    expect(output).toContain("randomBytes(48).toString('base64url')");
    expect(output).toContain("'k1:'+require('crypto').randomBytes(32).toString('base64')");
  });

  it('leaves "Local storage" to an owner on another host that still reports in', async () => {
    expect(bystander.output()).toContain(
      '"Local storage" belongs to another instance (pid 4242 on other-host) that still reports in',
    );
    expect(await managedRow()).toEqual(ownedBefore);
    await stopProcess(bystander);
  });

  it('takes "Local storage" over once its owner is gone, and says so', async () => {
    // The owner stopped (its heartbeat cleared): the next instance with LOCAL_S3=auto takes over.
    await db.localStorageOwner.update({
      where: { connectionId: managedId },
      data: { heartbeatAt: null },
    });
    const heir = await startServer();
    const banner = heir.process.output();
    expect(banner).toContain(
      `taken over from pid 4242 on other-host: its endpoint ${gone} no longer answers`,
    );
    const endpoint = /"Local storage" at (http:\/\/\S+), bucket "uploads"/.exec(banner)?.[1];
    const row = await managedRow();
    expect(row.endpoint).toBe(endpoint);
    // Sealed with the keys every instance shares (the canary proved them).
    expect(open(TEST_KEYRING, row.secretCiphertext ?? '', CONNECTION_SECRET_AAD)).toBe(
      's3am-local-secret',
    );
    const owner = await db.localStorageOwner.findUniqueOrThrow({
      where: { connectionId: managedId },
    });
    expect(owner).toMatchObject({ pid: heir.process.child.pid, endpoint });
    expect(owner.heartbeatAt).not.toBeNull();

    // Stopping hands it back at once: the heartbeat is cleared for the next owner.
    expect(await stopProcess(heir.process)).toBe(0);
    const released = await db.localStorageOwner.findUniqueOrThrow({
      where: { connectionId: managedId },
    });
    expect(released.heartbeatAt).toBeNull();
  }, 120_000);
});
