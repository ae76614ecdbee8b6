// Benchmark: many small files. 1,000 files of 1–64 KiB in a folder (10 sub-folders) go to the
// local S3 server through our engine (UploadQueue + SmallUploadBatcher: creates and completions
// in batch calls of up to 100, the PUTs straight to S3), then with `aws s3 cp --recursive` and
// `rclone copy` (each with its defaults), in the same run, to the same server. Prints files/s for
// each, our ratio to the faster of the two (goal ≥ 1.0), the API calls our engine made (counted
// by a proxy in front of the API) and how long they took. Needs `aws` (Debian's awscli) and
// `rclone` (apt-get install -y --no-install-recommends awscli rclone); they run without
// AWS_CA_BUNDLE, path-style, region us-east-1. Each tool first sends 100 other files once (a
// warm-up, not timed), then BENCH_SMALL_ROUNDS (3) rounds run the three in rotating order and
// each tool's median counts. Run: pnpm bench small-files (BENCH_SMALL_FILES sets the count).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  NodeFileSource,
  NodeHttpPartSender,
  SmallUploadBatcher,
  UploadQueue,
  UploadTask,
  createFetchUploadApi,
  type PartSender,
  type UploadApi,
} from '@s3am/uploader/node';
import { KEYS, countingProxy, signIn, startStack } from './support/stack.js';

const COUNT = Number(process.env.BENCH_SMALL_FILES ?? 1000);
/** Rounds of the three runs; medians are compared (the machine is shared, runs vary). */
const ROUNDS = Number(process.env.BENCH_SMALL_ROUNDS ?? 3);
/** Files each tool sends once before the timed runs (not counted). */
const WARM_UP_FILES = 100;
/** Whole-file PUTs in flight (the engine's default is 16). */
const SEND_CONCURRENCY = Number(process.env.BENCH_SMALL_SEND_CONCURRENCY ?? 16);
const KiB = 1024;

/** `count` files of 1–64 KiB (random sizes and bytes) under `root`/d0 … d9. */
async function writeFolder(root: string, count: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, `d${i % 10}`);
    await mkdir(folder, { recursive: true });
    const size = KiB + Math.floor(Math.random() * 63 * KiB);
    bytes += size;
    await writeFile(path.join(folder, `file-${i}.bin`), randomBytes(size));
  }
  return bytes;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  // In path order, as the AWS CLI and rclone walk a folder (readdir's order is the disk's).
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
    delete childEnv.AWS_CA_BUNDLE; // rclone and the AWS CLI refuse the bundle set here
    const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`${command} exited ${code}: ${errors.slice(-2000)}`));
    });
  });
}

/** Latency of each API call the engine made, by route. */
function timedApi(api: UploadApi, timings: Map<string, number[]>): UploadApi {
  const wrap =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await call(...args);
      } finally {
        timings.set(name, [...(timings.get(name) ?? []), performance.now() - started]);
      }
    };
  return {
    ...api,
    create: wrap('create', api.create.bind(api)),
    signParts: wrap('signParts', api.signParts.bind(api)),
    complete: wrap('complete', api.complete.bind(api)),
    createBatch: api.createBatch && wrap('createBatch', api.createBatch.bind(api)),
    completeBatch: api.completeBatch && wrap('completeBatch', api.completeBatch.bind(api)),
  };
}

async function engineRun(
  app: string,
  token: string,
  connectionId: string,
  root: string,
  prefix: string,
) {
  const proxy = await countingProxy(app);
  const timings = new Map<string, number[]>();
  const started = performance.now();
  const api = timedApi(
    createFetchUploadApi({
      baseUrl: proxy.url,
      getAuthHeaders: () => ({ authorization: `Bearer ${token}` }),
    }),
    timings,
  );
  const limits = await api.limits!();
  const small = new SmallUploadBatcher({
    api,
    maxBytes: limits.singlePutMaxBytes,
    sendConcurrency: SEND_CONCURRENCY,
    completeLingerMs: process.env.BENCH_SMALL_COMPLETE_LINGER_MS
      ? Number(process.env.BENCH_SMALL_COMPLETE_LINGER_MS)
      : undefined,
  });
  const http = new NodeHttpPartSender();
  const puts: number[] = [];
  const sender: PartSender = {
    send: async (request) => {
      const putStarted = performance.now();
      try {
        return await http.send(request);
      } finally {
        puts.push(performance.now() - putStarted);
      }
    },
  };
  const queue = new UploadQueue();
  const tasks: UploadTask[] = [];
  for (const file of await filesUnder(root)) {
    const task = new UploadTask({
      api,
      sender,
      small,
      file: await NodeFileSource.open(file),
      destination: {
        connectionId,
        bucket: 'uploads',
        key: `${prefix}${path.relative(root, file).split(path.sep).join('/')}`,
      },
    });
    tasks.push(task);
    queue.add(task);
  }
  await queue.drain();
  const seconds = (performance.now() - started) / 1000;
  http.close();
  queue.dispose();
  await proxy.close();
  const failed = tasks.filter((task) => task.state !== 'completed');
  if (failed.length > 0)
    throw new Error(`${failed.length} uploads did not complete: ${String(failed[0]!.error)}`);
  const calls = Object.fromEntries([...proxy.requests].sort());
  const latency: Record<string, { calls: number; meanMs: number; maxMs: number }> =
    Object.fromEntries(
      [...timings].map(([name, list]) => [
        name,
        {
          calls: list.length,
          meanMs: Math.round(list.reduce((sum, ms) => sum + ms, 0) / list.length),
          maxMs: Math.round(Math.max(...list)),
        },
      ]),
    );
  latency.put = {
    calls: puts.length,
    meanMs: Math.round(puts.reduce((sum, ms) => sum + ms, 0) / puts.length),
    maxMs: Math.round(Math.max(...puts)),
  };
  return { seconds, apiCalls: proxy.total(), calls, latency };
}

async function main(): Promise<void> {
  const aws = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-small-'));
  await chmod(dataDir, 0o755);
  const root = path.join(dataDir, 'folder');
  const bytes = await writeFolder(root, COUNT);
  const warmRoot = path.join(dataDir, 'warm-up');
  await writeFolder(warmRoot, WARM_UP_FILES);
  const awsConfig = path.join(dataDir, 'aws-config');
  await writeFile(awsConfig, '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n');
  const stack = await startStack(path.join(dataDir, 'stack'));
  try {
    const { token, connectionId } = await signIn(stack.app);
    const stamp = Date.now();
    const awsCp = (from: string, prefix: string) =>
      run(
        aws,
        [
          '--endpoint-url',
          stack.s3,
          's3',
          'cp',
          '--recursive',
          '--only-show-errors',
          from,
          `s3://uploads/${prefix}`,
        ],
        {
          AWS_CONFIG_FILE: awsConfig,
          AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'no-credentials'),
          AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
          AWS_DEFAULT_REGION: 'us-east-1',
        },
      );
    const rcloneCopy = (from: string, prefix: string) =>
      run('rclone', ['copy', '--config', '/dev/null', from, `bench:uploads/${prefix}`], {
        RCLONE_CONFIG_BENCH_TYPE: 's3',
        RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
        RCLONE_CONFIG_BENCH_ENDPOINT: stack.s3,
        RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: KEYS.accessKeyId,
        RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
        RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
        RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
      });
    const peers = process.env.BENCH_SMALL_PEERS !== '0';

    // Warm-up: the same paths through the API and the S3 server once, so no run pays for JIT.
    await engineRun(stack.app, token, connectionId, warmRoot, `bench/warm-engine-${stamp}/`);
    if (peers) {
      await awsCp(warmRoot, `bench/warm-aws-${stamp}/`);
      await rcloneCopy(warmRoot, `bench/warm-rclone-${stamp}`);
    }

    // BENCH_SMALL_PEERS=0 runs our engine alone (e.g. to profile the API with BENCH_API_NODE_ARGS).
    if (!peers) {
      const engine = await engineRun(
        stack.app,
        token,
        connectionId,
        root,
        `bench/engine-${stamp}/`,
      );
      process.stdout.write(`${JSON.stringify({ files: COUNT, ...engine }, null, 2)}\n`);
      return;
    }
    // Rounds in rotating order on a shared machine: each tool's median is what is compared.
    const seconds: Record<'engine' | 'awsCli' | 'rclone', number[]> = {
      engine: [],
      awsCli: [],
      rclone: [],
    };
    let engine: Awaited<ReturnType<typeof engineRun>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const tools = [
        async () => {
          const result = await engineRun(
            stack.app,
            token,
            connectionId,
            root,
            `bench/engine-${stamp}-${round}/`,
          );
          seconds.engine.push(result.seconds);
          engine ??= result;
        },
        async () => seconds.awsCli.push(await awsCp(root, `bench/aws-${stamp}-${round}/`)),
        async () => seconds.rclone.push(await rcloneCopy(root, `bench/rclone-${stamp}-${round}`)),
      ];
      for (let turn = 0; turn < tools.length; turn++) await tools[(round + turn) % tools.length]!();
    }

    const median = (list: number[]) =>
      [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const rate = (value: number) => Math.round((COUNT / value) * 10) / 10;
    const fastestPeer = Math.max(rate(median(seconds.awsCli)), rate(median(seconds.rclone)));
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'small-files',
          files: COUNT,
          bytes,
          rounds: ROUNDS,
          engineFilesPerSecond: rate(median(seconds.engine)),
          awsCliFilesPerSecond: rate(median(seconds.awsCli)),
          rcloneFilesPerSecond: rate(median(seconds.rclone)),
          engineToFasterPeerRatio:
            Math.round((rate(median(seconds.engine)) / fastestPeer) * 100) / 100,
          engineApiCallsPerRun: engine!.apiCalls,
          engineApiCallsByRoute: engine!.calls,
          engineLatencyFirstRound: engine!.latency,
          engineSendConcurrency: SEND_CONCURRENCY,
          filesPerSecondEachRound: {
            engine: seconds.engine.map(rate),
            awsCli: seconds.awsCli.map(rate),
            rclone: seconds.rclone.map(rate),
          },
          order: 'a warm-up of 100 files each, then rounds in rotating order (engine, aws, rclone)',
          node: process.version,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
