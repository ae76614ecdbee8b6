import { createHash } from 'node:crypto';
import { assertPartEtag, partChecksum } from './part-checksum.js';
import { blobFileSource } from './file-source.js';
import { type PartSender, type SendPartRequest } from './part-sender.js';
import { FakeS3Sender, FakeUploadApi } from './test-fakes.js';
import { PartChecksumError } from './upload-errors.js';
import { UploadTask } from './upload-task.js';

describe('part checksums', () => {
  it('gives the MD5 as hex and as the base64 Content-MD5 wants, for bytes and blobs', async () => {
    expect(await partChecksum(new TextEncoder().encode('hello'))).toEqual({
      hex: '5d41402abc4b2a76b9719d911017c592',
      base64: 'XUFAKrxLKna5cZ2REBfFkg==',
    });
    const big = new Uint8Array(9 * 1024 * 1024).map((_, i) => i % 253);
    expect((await partChecksum(new Blob([big]))).hex).toBe(
      createHash('md5').update(big).digest('hex'),
    );
  });

  it('refuses a plain-MD5 ETag that differs, and leaves other ETags alone', async () => {
    const sum = await partChecksum(new TextEncoder().encode('hello'));
    expect(() => assertPartEtag(1, sum, '"5d41402abc4b2a76b9719d911017c592"')).not.toThrow();
    expect(() => assertPartEtag(1, sum, '"00000000000000000000000000000000"')).toThrow(
      PartChecksumError,
    );
    // SSE-KMS / SSE-C parts carry ETags that are not the data's MD5.
    expect(() => assertPartEtag(1, sum, '"kms-3f2a"')).not.toThrow();
  });

  it('sends Content-MD5 and resends a part that arrived altered', async () => {
    const api = new FakeUploadApi({ partSize: 10 });
    const s3 = new FakeS3Sender(api);
    let altered = false;
    const sent: Record<string, string>[] = [];
    // The first PUT of part 2 is "corrupted on the way": S3 answers another MD5.
    const sender: PartSender = {
      async send(request: SendPartRequest) {
        sent.push(request.headers);
        const result = await s3.send(request);
        if (!altered && request.url.includes('/2?')) {
          altered = true;
          return { etag: '"ffffffffffffffffffffffffffffffff"' };
        }
        return result;
      },
    };
    const bytes = new Uint8Array(25).map((_, i) => i);
    const task = new UploadTask({
      api,
      sender,
      file: blobFileSource(new Blob([bytes]), { name: 'f.bin', lastModified: 1 }),
      destination: {
        connectionId: '00000000-0000-4000-8000-00000000000c',
        bucket: 'b',
        key: 'f.bin',
      },
      partChecksums: true,
      backoff: { random: () => 0, baseMs: 1 },
    });
    expect((await task.start()).state).toBe('completed');
    expect(sent).toHaveLength(4);
    expect(
      sent.every((headers) => /^[A-Za-z0-9+/]{22}==$/.test(headers['content-md5'] ?? '')),
    ).toBe(true);
  });
});
