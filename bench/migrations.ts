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
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { latencyProxy } from './support/latency-proxy.js';
import {
  contest,
  DEST_BUCKET,
  peakRssMiB,
  startWorker,
  type Arena,
} from './support/migration-contest.js';
import { KEYS, signIn, startStack } from './support/stack.js';

const SMALL = Number(process.env.BENCH_MIGRATION_SMALL ?? 10_000);
const LARGE_OBJECT_MIB = 256;
const LARGE_TOTAL_MIB = Number(process.env.BENCH_MIGRATION_LARGE_MIB ?? 2048);
const CONCURRENCY = Number(process.env.BENCH_MIGRATION_CONCURRENCY ?? 64);
const RTT_MS = Number(process.env.BENCH_MIGRATION_RTT_MS ?? 10);
const S3_BASE_DIR =
  process.env.BENCH_MIGRATION_S3_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
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

/** A connection to the local S3 server through a proxy that adds RTT_MS to every round trip. */
async function connectionThrough(arena: Arena, endpoint: string): Promise<string> {
  const created = await fetch(`${arena.app}/api/connections`, {
    method: 'POST',
    headers: { ...arena.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Local storage, ${RTT_MS} ms away`,
      endpoint,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: KEYS.accessKeyId,
      secretAccessKey: KEYS.secretAccessKey,
      buckets: ['uploads', DEST_BUCKET],
    }),
  });
  if (created.status !== 201)
    throw new Error(`connection: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
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
    const arena: Arena = {
      app: stack.app,
      auth,
      pids: { api: stack.pid, worker: worker.pid! },
      concurrency: CONCURRENCY,
    };
    const smallCourse = { sourcePrefix: 'small/', objects: SMALL, bytes: smallBytes };
    const onLoopback = { connectionId, endpoint: stack.s3 };
    const smallResult = await contest(arena, { name: 'small', ...smallCourse, ...onLoopback });
    const largeResult = await contest(arena, {
      name: 'large',
      sourcePrefix: 'large/',
      objects: largeCount,
      bytes: largeBytes,
      ...onLoopback,
    });
    let overNetwork = null;
    if (RTT_MS > 0) {
      const proxy = await latencyProxy(stack.s3, RTT_MS);
      try {
        const throughProxy = await connectionThrough(arena, proxy.url);
        overNetwork = {
          rttMs: RTT_MS,
          ...(await contest(arena, {
            name: 'rtt-small',
            ...smallCourse,
            connectionId: throughProxy,
            endpoint: proxy.url,
          })),
          goal: '≥ 2× rclone objects/s',
        };
      } finally {
        await proxy.close();
      }
    }
    const peakRss = await peakRssMiB(worker.pid!);

    console.log(
      JSON.stringify(
        {
          benchmark: 'migrations',
          setup: {
            smallObjects: SMALL,
            smallMiB: Math.round((smallBytes / MiB) * 10) / 10,
            largeObjects: largeCount,
            largeMiB: largeBytes / MiB,
            ourConcurrency: CONCURRENCY,
            copy: 'one connection reads and writes: server-side CopyObject on both sides',
            localS3Files: S3_BASE_DIR,
            timing:
              'ours: POST /api/migrations to the finished state (listing, copy, verification); oursJob: the job from its start to its end; rclone: the process run',
          },
          small: { ...smallResult, goal: '≥ 2× rclone objects/s' },
          large: { ...largeResult, goal: '≥ 1.0× rclone MiB/s' },
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
