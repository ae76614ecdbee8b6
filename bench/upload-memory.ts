// Benchmark: peak memory of the upload engine in Node while it sends a 1 GiB and a 4 GiB file to
// the local S3 server (the API's parts: 8 MiB; 4 in flight), each in a child process measured by
// its own peak RSS (process.resourceUsage().maxRSS), beside the same child without an upload.
// Goal: peak ≤ baseline + 2 × concurrency × part size. For comparison, 1 GiB once more through
// FetchPartSender (fetch copies every body). Prints one JSON document.
// Run: pnpm bench upload-memory (BENCH_MEMORY_SIZES: comma-separated sizes in bytes).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GiB, MiB } from '@s3am/contracts';
import { repoRoot, signIn, startStack } from './support/stack.js';

const SIZES = (process.env.BENCH_MEMORY_SIZES ?? `${GiB},${4 * GiB}`).split(',').map(Number);
const CONCURRENCY = 4;

async function writeTestFile(file: string, size: number): Promise<void> {
  const handle = await open(file, 'w');
  const block = Buffer.alloc(16 * MiB);
  for (let offset = 0; offset < size; offset += block.length) {
    createHash('sha512').update(String(offset)).digest().copy(block);
    await handle.write(block, 0, Math.min(block.length, size - offset));
  }
  await handle.close();
}

interface ChildReport {
  maxRssBytes: number;
  seconds: number;
  partSize: number;
}

function runChild(env: Record<string, string>): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'bench/support/upload-memory-child.ts')],
      {
        cwd: path.join(repoRoot, 'bench'),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${output}`));
      else resolve(JSON.parse(output) as ChildReport);
    });
  });
}

const mb = (bytes: number) => Math.round(bytes / 100_000) / 10;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-memory-'));
  await chmod(dataDir, 0o755);
  const stack = await startStack(dataDir);
  try {
    const session = await signIn(stack.app);
    const env = {
      BENCH_APP: stack.app,
      BENCH_TOKEN: session.token,
      BENCH_CONNECTION: session.connectionId,
      BENCH_CONCURRENCY: String(CONCURRENCY),
    };
    const baseline = await runChild({ ...env, BENCH_FILE: '' });
    const uploads = [];
    for (const size of SIZES) {
      const file = path.join(dataDir, `upload-${size}.bin`);
      await writeTestFile(file, size);
      const report = await runChild({ ...env, BENCH_FILE: file });
      await rm(file);
      const budget = baseline.maxRssBytes + 2 * CONCURRENCY * report.partSize;
      uploads.push({
        bytes: size,
        partSize: report.partSize,
        peakRssMB: mb(report.maxRssBytes),
        overBaselineMB: mb(report.maxRssBytes - baseline.maxRssBytes),
        goalPeakRssMB: mb(budget),
        withinGoal: report.maxRssBytes <= budget,
        MiBps: Math.round((size / MiB / report.seconds) * 10) / 10,
      });
    }
    // The same 1 GiB through the fetch sender, which copies every part's body: what it costs.
    const file = path.join(dataDir, 'upload-fetch.bin');
    await writeTestFile(file, GiB);
    const viaFetch = await runChild({ ...env, BENCH_FILE: file, BENCH_SENDER: 'fetch' });
    await rm(file);
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'upload-memory',
          concurrency: CONCURRENCY,
          sender: 'NodeHttpPartSender',
          baselinePeakRssMB: mb(baseline.maxRssBytes),
          uploads,
          fetchSender1GiB: {
            peakRssMB: mb(viaFetch.maxRssBytes),
            overBaselineMB: mb(viaFetch.maxRssBytes - baseline.maxRssBytes),
          },
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
