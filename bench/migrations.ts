// Benchmark: bucket-to-bucket migration on the local S3 server. 10,000 small objects (1–64 KiB)
// and 2 GiB of large objects (8 × 256 MiB) are copied from `uploads` to another bucket by our
// migration job (run by a separate `pnpm worker` process, the API with RUN_JOBS=false) and by
// `rclone copy` on the same data in the same run: objects/s and MiB/s for each and our ratios.
// rclone runs twice: with its defaults (4 transfers, 8 checkers) and tuned to our concurrency.
// Both sides use one credential for both buckets, so both copy server-side (CopyObject). The
// worker's peak RSS (VmHWM) is read from /proc before it stops. Goals: ≥ 2× rclone's objects/s
// for small objects, ≥ 1.0× its MiB/s for large. Needs `rclone` (apt-get install -y rclone); it
// runs without AWS_CA_BUNDLE. Run: pnpm bench migrations (BENCH_MIGRATION_SMALL,
// BENCH_MIGRATION_LARGE_MIB and BENCH_MIGRATION_CONCURRENCY change the load).
//
// The local S3 server keeps its files on tmpfs (/dev/shm; BENCH_MIGRATION_S3_DIR chooses another
// folder): on this VM's ext4 each new file costs up to milliseconds of kernel time that depends on
// how many files anyone deleted in the last minutes, which made whoever ran first pay for the last
// run's clean-up. PostgreSQL stays on disk. On loopback a request's round trip is ~0, so the
// small objects are copied a second time through a proxy that adds BENCH_MIGRATION_RTT_MS (10;
// 0 skips it) to every round trip, as a network to S3 does: that is where deep pipelining counts.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { KEYS, machineCpuMs, processCpuMs, repoRoot, signIn, startStack } from './support/stack.js';
import { latencyProxy } from './support/latency-proxy.js';

const SMALL = Number(process.env.BENCH_MIGRATION_SMALL ?? 10_000);
const LARGE_OBJECT_MIB = 256;
const LARGE_TOTAL_MIB = Number(process.env.BENCH_MIGRATION_LARGE_MIB ?? 2048);
const CONCURRENCY = Number(process.env.BENCH_MIGRATION_CONCURRENCY ?? 64);
const RTT_MS = Number(process.env.BENCH_MIGRATION_RTT_MS ?? 10);
const S3_BASE_DIR =
  process.env.BENCH_MIGRATION_S3_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const DEST_BUCKET = 'bench-dest';
const KiB = 1024;
const MiB = 1024 * KiB;

async function putAll(client: S3Client, objects: { key: string; body: Buffer }[], lanes = 32) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < objects.length) {
        const { key, body } = objects[next++]!;
        await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: body }));
      }
    }),
  );
}

function startWorker(dataDir: string): Promise<ChildProcess> {
  // BENCH_WORKER_NODE_ARGS: extra node flags for the worker (e.g. --cpu-prof to profile it).
  const extra = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'apps/api/src/worker.ts'], {
    cwd: repoRoot,
    // No DATABASE_URL: the worker joins the embedded PostgreSQL the stack runs under DATA_DIR.
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker is running[\s\S]*Stop with Ctrl-C/.test(output)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
}

async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

function rclone(args: string[], endpoint: string): Promise<number> {
  const started = performance.now();
  const env: Record<string, string | undefined> = {
    ...process.env,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
    RCLONE_CONFIG_BENCH_ENDPOINT: endpoint,
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: KEYS.accessKeyId,
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
    RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
  };
  delete env.AWS_CA_BUNDLE; // rclone refuses the bundle set in this environment
  return new Promise((resolve, reject) => {
    const child = spawn('rclone', ['copy', '--config', '/dev/null', ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`rclone exited ${code}: ${errors.slice(-2000)}`)),
    );
  });
}

interface JobView {
  id: string;
  state: string;
  counts: { copied: { objects: number; bytes: number }; failed: { objects: number } };
  durationMs: number | null;
}

/** Creates a job and waits for its end: wall-clock seconds from the POST to the finished state. */
async function ourJob(
  app: string,
  auth: Record<string, string>,
  connectionId: string,
  sourcePrefix: string,
  destPrefix: string,
) {
  const started = performance.now();
  const response = await fetch(`${app}/api/migrations`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      source: { connectionId, bucket: 'uploads', prefix: sourcePrefix },
      destination: { connectionId, bucket: DEST_BUCKET, prefix: destPrefix },
      options: { concurrency: CONCURRENCY },
    }),
  });
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as JobView;
  for (;;) {
    const view = (await (
      await fetch(`${app}/api/migrations/${id}`, { headers: auth })
    ).json()) as JobView;
    if (['completed', 'failed', 'cancelled'].includes(view.state)) {
      const seconds = (performance.now() - started) / 1000;
      if (view.state !== 'completed' || view.counts.failed.objects > 0)
        throw new Error(`job ended ${view.state}: ${JSON.stringify(view.counts)}`);
      return {
        seconds,
        objects: view.counts.copied.objects,
        bytes: view.counts.copied.bytes,
        jobDurationMs: view.durationMs,
      };
    }
    // Checked every 50 ms: the polling adds at most that to our time (rclone is timed by its exit).
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** CPU milliseconds per object a run cost: the local S3 server (in the API process), our worker,
 * and everything else on the machine (PostgreSQL, rclone, the kernel's share of other work). */
interface CpuPerObject {
  localS3: number;
  worker: number;
  rest: number;
}

/**
 * One timed phase. It starts after `sync`: the data the previous phase (or the setup) wrote is
 * on disk, so no contestant pays for the kernel writing back another one's files.
 */
async function phase<T>(
  pids: { api: number; worker: number },
  objects: number,
  run: () => Promise<T>,
): Promise<{ result: T; cpuMsPerObject: CpuPerObject }> {
  await promisify(execFile)('sync');
  const read = () =>
    Promise.all([processCpuMs(pids.api), processCpuMs(pids.worker), machineCpuMs()]);
  const [api0, worker0, machine0] = await read();
  const result = await run();
  const [api1, worker1, machine1] = await read();
  const api = api1 - api0;
  const worker = worker1 - worker0;
  const perObject = (ms: number) => round(ms / objects, 3);
  return {
    result,
    cpuMsPerObject: {
      localS3: perObject(api),
      worker: perObject(worker),
      rest: perObject(machine1 - machine0 - api - worker),
    },
  };
}

/** The small objects again, every request of both tools through a proxy that adds RTT_MS. */
async function smallOverNetwork(
  stack: { app: string; s3: string },
  auth: Record<string, string>,
  pids: { api: number; worker: number },
) {
  const proxy = await latencyProxy(stack.s3, RTT_MS);
  try {
    const created = await fetch(`${stack.app}/api/connections`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Local storage, ${RTT_MS} ms away`,
        endpoint: proxy.url,
        forcePathStyle: true,
        authMode: 'static_keys',
        accessKeyId: KEYS.accessKeyId,
        secretAccessKey: KEYS.secretAccessKey,
        buckets: ['uploads', DEST_BUCKET],
      }),
    });
    if (created.status !== 201)
      throw new Error(`connection: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const ours = await phase(pids, SMALL, () =>
      ourJob(stack.app, auth, id, 'small/', 'ours-rtt-small/'),
    );
    const defaults = await phase(pids, SMALL, () =>
      rclone(['bench:uploads/small', `bench:${DEST_BUCKET}/rclone-rtt-small`], proxy.url),
    );
    const tuned = await phase(pids, SMALL, () =>
      rclone(
        [
          `--transfers=${CONCURRENCY}`,
          `--checkers=${CONCURRENCY}`,
          'bench:uploads/small',
          `bench:${DEST_BUCKET}/rclone-rtt-tuned-small`,
        ],
        proxy.url,
      ),
    );
    const rates = {
      ours: round(SMALL / ours.result.seconds, 1),
      rcloneDefaults: round(SMALL / defaults.result, 1),
      rcloneTuned: round(SMALL / tuned.result, 1),
    };
    return {
      rttMs: RTT_MS,
      objects: SMALL,
      objectsPerSecond: rates,
      ratioToRcloneDefaults: round(rates.ours / rates.rcloneDefaults),
      ratioToRcloneTuned: round(rates.ours / rates.rcloneTuned),
      goal: '≥ 2× rclone objects/s',
      seconds: {
        ours: round(ours.result.seconds),
        rcloneDefaults: round(defaults.result),
        rcloneTuned: round(tuned.result),
      },
    };
  } finally {
    await proxy.close();
  }
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-migrations-'));
  await chmod(dataDir, 0o755); // the embedded PostgreSQL runs as user `postgres` when we are root
  const s3Dir = await mkdtemp(path.join(S3_BASE_DIR, 's3am-bench-migrations-s3-'));
  const stack = await startStack(dataDir, { RUN_JOBS: 'false', LOCAL_S3_DIR: s3Dir });
  let worker: ChildProcess | undefined;
  const s3 = new S3Client({
    endpoint: stack.s3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: KEYS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const { auth, connectionId } = await signIn(stack.app);
    await s3.send(new CreateBucketCommand({ Bucket: DEST_BUCKET }));
    let smallBytes = 0;
    const small = Array.from({ length: SMALL }, (_, i) => {
      const body = randomBytes(KiB + Math.floor(Math.random() * 63 * KiB));
      smallBytes += body.length;
      return { key: `small/d${i % 10}/obj-${i}.bin`, body };
    });
    await putAll(s3, small);
    const largeBody = randomBytes(LARGE_OBJECT_MIB * MiB);
    const largeCount = Math.max(1, Math.round(LARGE_TOTAL_MIB / LARGE_OBJECT_MIB));
    await putAll(
      s3,
      Array.from({ length: largeCount }, (_, i) => ({
        key: `large/big-${i}.bin`,
        body: largeBody,
      })),
      2,
    );
    const largeBytes = largeCount * LARGE_OBJECT_MIB * MiB;

    worker = await startWorker(dataDir);
    const baselineRss = await peakRssMiB(worker.pid!);
    const endpoint = stack.s3;
    const tuned = [`--transfers=${CONCURRENCY}`, `--checkers=${CONCURRENCY}`];

    const pids = { api: stack.pid, worker: worker.pid! };
    const oursSmall = await phase(pids, SMALL, () =>
      ourJob(stack.app, auth, connectionId, 'small/', 'ours-small/'),
    );
    const rcloneSmall = await phase(pids, SMALL, () =>
      rclone(['bench:uploads/small', `bench:${DEST_BUCKET}/rclone-small`], endpoint),
    );
    const rcloneSmallTuned = await phase(pids, SMALL, () =>
      rclone(
        [...tuned, 'bench:uploads/small', `bench:${DEST_BUCKET}/rclone-tuned-small`],
        endpoint,
      ),
    );
    const oursLarge = await phase(pids, largeCount, () =>
      ourJob(stack.app, auth, connectionId, 'large/', 'ours-large/'),
    );
    const rcloneLarge = await phase(pids, largeCount, () =>
      rclone(['bench:uploads/large', `bench:${DEST_BUCKET}/rclone-large`], endpoint),
    );
    const rcloneLargeTuned = await phase(pids, largeCount, () =>
      rclone(
        [...tuned, 'bench:uploads/large', `bench:${DEST_BUCKET}/rclone-tuned-large`],
        endpoint,
      ),
    );
    const overNetwork = RTT_MS > 0 ? await smallOverNetwork(stack, auth, pids) : null;
    const peakRss = await peakRssMiB(worker.pid!);

    const perSecond = (count: number, seconds: number) => round(count / seconds, 1);
    const mibPerSecond = (bytes: number, seconds: number) => round(bytes / MiB / seconds, 1);
    const smallRates = {
      ours: perSecond(SMALL, oursSmall.result.seconds),
      rcloneDefaults: perSecond(SMALL, rcloneSmall.result),
      rcloneTuned: perSecond(SMALL, rcloneSmallTuned.result),
    };
    const largeRates = {
      ours: mibPerSecond(largeBytes, oursLarge.result.seconds),
      rcloneDefaults: mibPerSecond(largeBytes, rcloneLarge.result),
      rcloneTuned: mibPerSecond(largeBytes, rcloneLargeTuned.result),
    };
    console.log(
      JSON.stringify(
        {
          benchmark: 'migrations',
          setup: {
            smallObjects: SMALL,
            smallMiB: round(smallBytes / MiB, 1),
            largeObjects: largeCount,
            largeMiB: largeBytes / MiB,
            ourConcurrency: CONCURRENCY,
            copy: 'one connection reads and writes: server-side CopyObject on both sides',
            localS3Files: S3_BASE_DIR,
            timing:
              'ours: POST /api/migrations to the finished state (listing, copy, verification); oursJob: the job from its start to its end; rclone: the process run',
          },
          small: {
            objectsPerSecond: smallRates,
            mibPerSecond: {
              ours: mibPerSecond(smallBytes, oursSmall.result.seconds),
              rcloneDefaults: mibPerSecond(smallBytes, rcloneSmall.result),
              rcloneTuned: mibPerSecond(smallBytes, rcloneSmallTuned.result),
            },
            ratioToRcloneDefaults: round(smallRates.ours / smallRates.rcloneDefaults),
            ratioToRcloneTuned: round(smallRates.ours / smallRates.rcloneTuned),
            goal: '≥ 2× rclone objects/s',
            oursCopied: oursSmall.result.objects,
            seconds: {
              ours: round(oursSmall.result.seconds),
              oursJob: round((oursSmall.result.jobDurationMs ?? 0) / 1000),
              rcloneDefaults: round(rcloneSmall.result),
              rcloneTuned: round(rcloneSmallTuned.result),
            },
            cpuMsPerObject: {
              ours: oursSmall.cpuMsPerObject,
              rcloneDefaults: rcloneSmall.cpuMsPerObject,
              rcloneTuned: rcloneSmallTuned.cpuMsPerObject,
            },
          },
          large: {
            mibPerSecond: largeRates,
            objectsPerSecond: {
              ours: perSecond(largeCount, oursLarge.result.seconds),
              rcloneDefaults: perSecond(largeCount, rcloneLarge.result),
              rcloneTuned: perSecond(largeCount, rcloneLargeTuned.result),
            },
            ratioToRcloneDefaults: round(largeRates.ours / largeRates.rcloneDefaults),
            ratioToRcloneTuned: round(largeRates.ours / largeRates.rcloneTuned),
            goal: '≥ 1.0× rclone MiB/s',
            oursCopiedMiB: oursLarge.result.bytes / MiB,
            seconds: {
              ours: round(oursLarge.result.seconds),
              oursJob: round((oursLarge.result.jobDurationMs ?? 0) / 1000),
              rcloneDefaults: round(rcloneLarge.result),
              rcloneTuned: round(rcloneLargeTuned.result),
            },
            cpuMsPerObject: {
              ours: oursLarge.cpuMsPerObject,
              rcloneDefaults: rcloneLarge.cpuMsPerObject,
              rcloneTuned: rcloneLargeTuned.cpuMsPerObject,
            },
          },
          smallOverNetwork: overNetwork,
          worker: { peakRssMiB: peakRss, rssAtStartMiB: baselineRss },
        },
        null,
        2,
      ),
    );
  } finally {
    s3.destroy();
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(s3Dir, { recursive: true, force: true });
  }
}

await main();
