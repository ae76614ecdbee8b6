// The migrations benchmark's contestants: our job (through the API, run by a `pnpm worker`
// process) and `rclone copy` with its defaults and tuned to our concurrency, each timed as one
// phase with the CPU it cost per object; and the report of one such three-way contest.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { KEYS, machineCpuMs, processCpuMs, repoRoot } from './stack.js';

export const DEST_BUCKET = 'bench-dest';
const MiB = 1024 * 1024;

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function startWorker(dataDir: string): Promise<ChildProcess> {
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

export async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

/** Runs `rclone copy` against `endpoint`; resolves the seconds the process took. */
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
  arena: Arena,
  connectionId: string,
  sourcePrefix: string,
  destPrefix: string,
) {
  const { app, auth } = arena;
  const started = performance.now();
  const response = await fetch(`${app}/api/migrations`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      source: { connectionId, bucket: 'uploads', prefix: sourcePrefix },
      destination: { connectionId, bucket: DEST_BUCKET, prefix: destPrefix },
      options: { concurrency: arena.concurrency },
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
  pids: Arena['pids'],
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

/** Where the contests run: the stack, our session, the processes whose CPU is counted. */
export interface Arena {
  app: string;
  auth: Record<string, string>;
  pids: { api: number; worker: number };
  concurrency: number;
}

/** What one contest copies: a prefix of `uploads` (its objects and bytes), through `endpoint`. */
export interface Course {
  /** Names the destination prefixes, e.g. `small` → `ours-small/`, `rclone-small`. */
  name: string;
  sourcePrefix: string;
  objects: number;
  bytes: number;
  /** Our connection and rclone's endpoint: the local S3 server, or a proxy in front of it. */
  connectionId: string;
  endpoint: string;
}

/** Our job, rclone with its defaults and rclone tuned to our concurrency, one after the other. */
export async function contest(arena: Arena, course: Course) {
  const source = `bench:uploads/${course.sourcePrefix.replace(/\/$/, '')}`;
  const tuned = [`--transfers=${arena.concurrency}`, `--checkers=${arena.concurrency}`];
  const ours = await phase(arena.pids, course.objects, () =>
    ourJob(arena, course.connectionId, course.sourcePrefix, `ours-${course.name}/`),
  );
  const defaults = await phase(arena.pids, course.objects, () =>
    rclone([source, `bench:${DEST_BUCKET}/rclone-${course.name}`], course.endpoint),
  );
  const rcloneTuned = await phase(arena.pids, course.objects, () =>
    rclone([...tuned, source, `bench:${DEST_BUCKET}/rclone-tuned-${course.name}`], course.endpoint),
  );
  const seconds = {
    ours: ours.result.seconds,
    rcloneDefaults: defaults.result,
    rcloneTuned: rcloneTuned.result,
  };
  const per = (amount: number) => ({
    ours: round(amount / seconds.ours, 1),
    rcloneDefaults: round(amount / seconds.rcloneDefaults, 1),
    rcloneTuned: round(amount / seconds.rcloneTuned, 1),
  });
  return {
    objectsPerSecond: per(course.objects),
    mibPerSecond: per(course.bytes / MiB),
    // Every contestant copies the same objects and bytes: one ratio holds for both rates.
    ratioToRcloneDefaults: round(seconds.rcloneDefaults / seconds.ours),
    ratioToRcloneTuned: round(seconds.rcloneTuned / seconds.ours),
    oursCopied: { objects: ours.result.objects, mib: round(ours.result.bytes / MiB, 1) },
    seconds: {
      ours: round(seconds.ours),
      oursJob: round((ours.result.jobDurationMs ?? 0) / 1000),
      rcloneDefaults: round(seconds.rcloneDefaults),
      rcloneTuned: round(seconds.rcloneTuned),
    },
    cpuMsPerObject: {
      ours: ours.cpuMsPerObject,
      rcloneDefaults: defaults.cpuMsPerObject,
      rcloneTuned: rcloneTuned.cpuMsPerObject,
    },
  };
}
