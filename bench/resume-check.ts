// Benchmark: what the resume check costs (packages/uploader: content-fingerprint.ts and
// held-part-proof.ts) for a file whose parts S3 all holds: the fingerprint (SHA-256 of the first
// and last part-sized blocks) and the proof of every held part (MD5 of each local part against
// its ETag; SHA-256 against the recorded hash where ETags are not MD5s), by the Node engine
// (NodeFileSource hashes with node:crypto) and by the browser's code path (slices hashed with
// spark-md5 / crypto.subtle, here run in Node's V8). Parts are laid out as the API does (≥ 8 MiB,
// ~1,000 parts). The file is written first, so it is read from the page cache: this measures
// hashing, not the disk. Prints one JSON document with the measured times and the same cost
// scaled to 10 GiB. Run: pnpm bench resume-check (BENCH_RESUME_BYTES sets the size; default 1 GiB).
import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GiB, MiB } from '@s3am/contracts';
import {
  NodeFileSource,
  contentFingerprint,
  planParts,
  proveHeldParts,
  type FileSource,
  type ResumeRecord,
} from '@s3am/uploader/node';

const SIZE = Number(process.env.BENCH_RESUME_BYTES ?? GiB);
const TEN_GIB = 10 * GiB;

/** The API's part size (apps/api/src/lib/part-size.ts): ≥ 8 MiB, about 1,000 parts. */
function partSizeFor(size: number): number {
  return Math.max(8 * MiB, Math.ceil(size / 1000 / MiB) * MiB);
}

/** Writes SIZE bytes (every block different) and returns each part's MD5 and SHA-256. */
async function writeFile(file: string, partSize: number) {
  const handle = await open(file, 'w');
  const md5 = new Map<number, string>();
  const sha = new Map<number, string>();
  const block = Buffer.alloc(partSize);
  for (let start = 0, part = 1; start < SIZE; start += partSize, part++) {
    const length = Math.min(partSize, SIZE - start);
    for (let offset = 0; offset < length; offset += 64)
      createHash('sha512').update(`${part}:${offset}`).digest().copy(block, offset);
    const bytes = block.subarray(0, length);
    md5.set(part, createHash('md5').update(bytes).digest('hex'));
    sha.set(part, createHash('sha256').update(bytes).digest('hex'));
    await handle.write(bytes);
  }
  await handle.close();
  return { md5, sha };
}

/** The same file as a browser sees it: slices only, hashed by the engine's own code. */
function sliceOnly(source: NodeFileSource): FileSource {
  return {
    name: source.name,
    size: source.size,
    lastModified: source.lastModified,
    type: source.type,
    slice: (start, end) => source.slice(start, end),
  };
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-resume-'));
try {
  const file = path.join(dir, 'held.bin');
  const partSize = partSizeFor(SIZE);
  const { md5, sha } = await writeFile(file, partSize);
  const disk = await NodeFileSource.open(file);
  const plan = planParts({
    mode: 'multipart',
    size: SIZE,
    partSize,
    partCount: Math.ceil(SIZE / partSize),
  });
  const heldMd5 = new Map([...md5].map(([part, hex]) => [part, `"${hex}"`]));
  // Opaque ETags (SSE-KMS): the proof is the SHA-256 recorded when each part was sent.
  const heldOpaque = new Map([...md5].map(([part]) => [part, `"kms-${part}"`]));
  const opaqueRecord = {
    etagKind: 'opaque',
    partHashes: Object.fromEntries(
      [...sha].map(([part, hex]) => [String(part), { etag: `"kms-${part}"`, sha256: hex }]),
    ),
  } as unknown as ResumeRecord;
  const prove = async (source: FileSource, held: Map<number, string>, record?: ResumeRecord) => {
    const proof = await proveHeldParts({ file: source, plan, held, record });
    if (!proof.matches || proof.proven.size !== plan.length) throw new Error('proof failed');
  };

  const measured = {
    fingerprintNode: await seconds(() => contentFingerprint(disk, partSize)),
    fingerprintBrowserPath: await seconds(() => contentFingerprint(sliceOnly(disk), partSize)),
    md5ProofNode: await seconds(() => prove(disk, heldMd5)),
    md5ProofBrowserPath: await seconds(() => prove(sliceOnly(disk), heldMd5)),
    sha256ProofNode: await seconds(() => prove(disk, heldOpaque, opaqueRecord)),
    sha256ProofBrowserPath: await seconds(() => prove(sliceOnly(disk), heldOpaque, opaqueRecord)),
  };
  const mibPerSecond = (secondsTaken: number) => Math.round(SIZE / MiB / secondsTaken);
  const tenGiBPartSize = partSizeFor(TEN_GIB);
  // The fingerprint reads two part-sized blocks whatever the size; the proof reads every held byte.
  const fingerprintAt10GiB = (secondsTaken: number) =>
    (secondsTaken * tenGiBPartSize) / Math.min(partSize, SIZE);
  const scaled = (secondsTaken: number) => (secondsTaken * TEN_GIB) / SIZE;
  const round = (value: number) => Math.round(value * 100) / 100;
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'resume-check',
        fileBytes: SIZE,
        partSize,
        parts: plan.length,
        note: 'file read from the page cache; every part held (the worst case: the whole file is checked)',
        seconds: Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, round(v)])),
        throughputMiBps: {
          md5ProofNode: mibPerSecond(measured.md5ProofNode),
          md5ProofBrowserPath: mibPerSecond(measured.md5ProofBrowserPath),
          sha256ProofNode: mibPerSecond(measured.sha256ProofNode),
          sha256ProofBrowserPath: mibPerSecond(measured.sha256ProofBrowserPath),
        },
        [SIZE === TEN_GIB ? 'measuredAt10GiB' : 'scaledTo10GiB']: {
          partSize: tenGiBPartSize,
          parts: Math.ceil(TEN_GIB / tenGiBPartSize),
          fingerprintSeconds: round(fingerprintAt10GiB(measured.fingerprintNode)),
          fullCheckSecondsNode: round(
            fingerprintAt10GiB(measured.fingerprintNode) + scaled(measured.md5ProofNode),
          ),
          fullCheckSecondsBrowserPath: round(
            fingerprintAt10GiB(measured.fingerprintBrowserPath) +
              scaled(measured.md5ProofBrowserPath),
          ),
          fullCheckSecondsOpaqueEtagsNode: round(
            fingerprintAt10GiB(measured.fingerprintNode) + scaled(measured.sha256ProofNode),
          ),
          fullCheckSecondsOpaqueEtagsBrowserPath: round(
            fingerprintAt10GiB(measured.fingerprintBrowserPath) +
              scaled(measured.sha256ProofBrowserPath),
          ),
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
