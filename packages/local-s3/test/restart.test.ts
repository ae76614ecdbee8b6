// Parts and in-progress uploads survive a SIGKILL of the local server: after a restart on the
// same directory ListParts returns the complete parts and Complete works. Local server only.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { LOCAL_KEYS, s3Client, startLocalProcess } from './s3-target.js';
import { MiB, bytes, multipartEtag } from './s3-assertions.js';

const describeLocal = process.env.S3_CONFORMANCE_ENDPOINT ? describe.skip : describe;

describeLocal('a SIGKILL between parts', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 's3am-restart-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('keeps the uploaded parts and the upload, and completes after the restart', async () => {
    const key = 'resume/after-crash.bin';
    const parts = [bytes(5 * MiB), bytes(5 * MiB), bytes(777)];

    const first = await startLocalProcess(directory);
    const before = s3Client(
      first.endpoint,
      'us-east-1',
      LOCAL_KEYS.accessKeyId,
      LOCAL_KEYS.secretAccessKey,
    );
    const { UploadId } = await before.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads', Key: key }),
    );
    const etags = [];
    for (const [i, part] of parts.slice(0, 2).entries()) {
      etags.push(
        (
          await before.send(
            new UploadPartCommand({
              Bucket: 'uploads',
              Key: key,
              UploadId,
              PartNumber: i + 1,
              Body: part,
            }),
          )
        ).ETag!,
      );
    }
    before.destroy();
    await first.stop('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startLocalProcess(directory);
    const after = s3Client(
      second.endpoint,
      'us-east-1',
      LOCAL_KEYS.accessKeyId,
      LOCAL_KEYS.secretAccessKey,
    );
    try {
      const uploads = await after.send(
        new ListMultipartUploadsCommand({ Bucket: 'uploads', Prefix: 'resume/' }),
      );
      expect(uploads.Uploads?.map((u) => u.UploadId)).toEqual([UploadId]);
      const listed = await after.send(
        new ListPartsCommand({ Bucket: 'uploads', Key: key, UploadId }),
      );
      expect(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([
        [1, etags[0], 5 * MiB],
        [2, etags[1], 5 * MiB],
      ]);
      etags.push(
        (
          await after.send(
            new UploadPartCommand({
              Bucket: 'uploads',
              Key: key,
              UploadId,
              PartNumber: 3,
              Body: parts[2],
            }),
          )
        ).ETag!,
      );
      const done = await after.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'uploads',
          Key: key,
          UploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
        }),
      );
      expect(done.ETag).toBe(multipartEtag(parts));
      const object = await after.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
      expect(
        Buffer.from(await object.Body!.transformToByteArray()).equals(Buffer.concat(parts)),
      ).toBe(true);
    } finally {
      after.destroy();
      await second.stop();
    }
  });
});
