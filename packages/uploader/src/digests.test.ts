import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentFingerprint, fingerprintBlockSize } from './content-fingerprint.js';
import { digestRange, md5Hex, sha256Hex } from './digests.js';
import { blobFileSource } from './file-source.js';
import { NodeFileSource } from './node-file-source.js';
import { Sha256 } from './sha256.js';

const nodeHash = (algorithm: string, bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest('hex');

describe('Sha256 (the fallback without crypto.subtle)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 1000, 3 * 1024 * 1024 + 7])(
    'equals node:crypto for %i bytes, fed in uneven chunks',
    (size) => {
      const bytes = new Uint8Array(size).map((_, index) => (index * 131) % 256);
      const hasher = new Sha256();
      for (let offset = 0; offset < size; offset += 1_000_003 % (size + 1) || 1)
        hasher.update(bytes.subarray(offset, offset + (1_000_003 % (size + 1) || 1)));
      expect(hasher.hex()).toBe(nodeHash('sha256', bytes));
    },
  );
});

describe('digests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3am-digest-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('hash bytes and blobs like node:crypto', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 3);
    for (let index = 0; index < bytes.length; index++) bytes[index] = index % 241;
    expect(await md5Hex(bytes)).toBe(nodeHash('md5', bytes));
    expect(await sha256Hex(new Blob([bytes]))).toBe(nodeHash('sha256', bytes));
  });

  it('hash a file range the same whether the source streams it or it is read and hashed', async () => {
    // Past one 8 MiB read of NodeFileSource.digest, so the range is hashed in two reads.
    const bytes = new Uint8Array(10 * 1024 * 1024 + 11);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7) % 253;
    const path = join(dir, 'range.bin');
    await writeFile(path, bytes);
    const disk = await NodeFileSource.open(path);
    const blob = blobFileSource(new Blob([bytes]), { name: 'range.bin' });
    for (const algorithm of ['md5', 'sha256'] as const) {
      const expected = nodeHash(algorithm, bytes.subarray(3, 9 * 1024 * 1024));
      expect(await digestRange(disk, 3, 9 * 1024 * 1024, algorithm)).toBe(expected);
      expect(await digestRange(blob, 3, 9 * 1024 * 1024, algorithm)).toBe(expected);
    }
    expect(await contentFingerprint(disk, 8 * 1024 * 1024)).toBe(
      await contentFingerprint(blob, 8 * 1024 * 1024),
    );
  });
});

describe('contentFingerprint', () => {
  const fileOf = (bytes: Uint8Array<ArrayBuffer>) =>
    blobFileSource(new Blob([bytes]), { name: 'f' });

  it('is the size and the SHA-256 of the first and last blocks', async () => {
    const bytes = new Uint8Array(25).map((_, index) => index);
    const fingerprint = await contentFingerprint(fileOf(bytes), 10);
    expect(fingerprint).toBe(
      `sha256:25:10:${nodeHash('sha256', bytes.subarray(0, 10))}:${nodeHash('sha256', bytes.subarray(15))}`,
    );
    expect(fingerprintBlockSize(fingerprint)).toBe(10);
  });

  it('differs when the first or last block differs, not when only the middle does', async () => {
    const base = new Uint8Array(30).map((_, index) => index);
    const changed = (at: number) => {
      const copy = base.slice();
      copy[at] = 255;
      return contentFingerprint(fileOf(copy), 10);
    };
    const original = await contentFingerprint(fileOf(base), 10);
    expect(await changed(0)).not.toBe(original);
    expect(await changed(29)).not.toBe(original);
    // The middle is what the held-part check is for.
    expect(await changed(15)).toBe(original);
  });

  it('takes an empty or small file whole', async () => {
    expect(await contentFingerprint(fileOf(new Uint8Array(0)), 10)).toBe(
      `sha256:0:1:${nodeHash('sha256', new Uint8Array(0))}:${nodeHash('sha256', new Uint8Array(0))}`,
    );
  });
});
