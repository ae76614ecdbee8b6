// Tags sent with the write that makes an object (x-amz-tagging), as S3 applies them: PutObject
// sets them (and a PutObject without them leaves the new object untagged), CreateMultipartUpload's
// are applied at Complete, a POST form's `tagging` field (XML) sets them, CopyObject copies the source's (tagging directive COPY) or takes the
// request's (REPLACE), on the small-object and regular copy paths and into a versioned bucket;
// UploadPartCopy never carries tags; invalid tags are refused with InvalidTag before anything
// is written. Runs against the local server or S3_CONFORMANCE_ENDPOINT.
import { randomUUID } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { useS3Target } from './s3-target.js';
import { bytes, s3ErrorOf } from './s3-assertions.js';

const suite = useS3Target();
const RUN = `tagging-${randomUUID()}/`;
// Creating buckets needs rights an external target may not give.
const itCreatingBuckets = process.env.S3_CONFORMANCE_ENDPOINT ? it.skip : it;
// One under the local server's small-object copy limit (64 KiB), one over it.
const SIZES = [
  ['small', 4 * 1024],
  ['large', 200 * 1024],
] as const;

function put(key: string, body: Buffer | string, tagging?: string, bucket = suite.target.bucket) {
  return suite.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Tagging: tagging }),
  );
}

function copy(
  sourceKey: string,
  key: string,
  extra: Partial<CopyObjectCommand['input']> = {},
  bucket = suite.target.bucket,
) {
  return suite.s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: key,
      CopySource: `${bucket}/${encodeURIComponent(sourceKey)}`,
      ...extra,
    }),
  );
}

/** The object's tags as `{ key: value }` (S3 does not promise an order). */
async function tagsOf(key: string, bucket = suite.target.bucket): Promise<Record<string, string>> {
  const answer = await suite.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  return Object.fromEntries(
    (answer.TagSet ?? []).map((tag): [string, string] => [tag.Key ?? '', tag.Value ?? '']),
  );
}

async function setTags(key: string, tags: Record<string, string>, bucket = suite.target.bucket) {
  await suite.s3.send(
    new PutObjectTaggingCommand({
      Bucket: bucket,
      Key: key,
      Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    }),
  );
}

async function bodyOf(key: string) {
  const answer = await suite.s3.send(
    new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
  );
  return Buffer.from(await answer.Body!.transformToByteArray());
}

const ELEVEN_TAGS = Array.from({ length: 11 }, (_, i) => `k${i}=v${i}`).join('&');

describe('PutObject with x-amz-tagging', () => {
  it('stores the tags of the header, URL-decoded', async () => {
    const key = `${RUN}put/tagged.txt`;
    await put(key, 'apollo', 'project=apollo&stage=prod');
    expect(await tagsOf(key)).toEqual({ project: 'apollo', stage: 'prod' });

    const encoded = `${RUN}put/encoded.txt`;
    await put(
      encoded,
      'x',
      `team=${encodeURIComponent('R&D')}&note=${encodeURIComponent('a b+c=d')}&empty=`,
    );
    expect(await tagsOf(encoded)).toEqual({ team: 'R&D', note: 'a b+c=d', empty: '' });
  });

  it('without the header over a tagged object: the new object has no tags', async () => {
    const key = `${RUN}put/retagged.txt`;
    await put(key, 'first', 'project=apollo');
    await setTags(key, { project: 'apollo', owner: 'alice' });
    await put(key, 'second');
    expect(await tagsOf(key)).toEqual({});
    // and with other tags: only those
    await setTags(key, { old: 'yes' });
    await put(key, 'third', 'fresh=1');
    expect(await tagsOf(key)).toEqual({ fresh: '1' });
  });

  it('refuses invalid tags with 400 InvalidTag and leaves the existing object alone', async () => {
    const key = `${RUN}put/invalid.txt`;
    await put(key, 'kept', 'keep=me');
    const invalid = [
      ELEVEN_TAGS,
      'dup=1&dup=2',
      '=no-key',
      `${'k'.repeat(129)}=v`,
      `k=${'v'.repeat(257)}`,
    ];
    for (const tagging of invalid) {
      expect(await s3ErrorOf(put(key, 'replaced', tagging))).toEqual({
        code: 'InvalidTag',
        status: 400,
      });
    }
    expect((await bodyOf(key)).toString()).toBe('kept');
    expect(await tagsOf(key)).toEqual({ keep: 'me' });
    // the limits themselves are allowed
    const tenTags = Array.from({ length: 10 }, (_, i) => `k${i}=v${i}`).join('&');
    await put(key, 'ten', tenTags);
    expect(Object.keys(await tagsOf(key))).toHaveLength(10);
    await put(key, 'longest', `${'k'.repeat(128)}=${'v'.repeat(256)}`);
    expect(await tagsOf(key)).toEqual({ ['k'.repeat(128)]: 'v'.repeat(256) });
  });
});

describe('CopyObject and tags', () => {
  it.each(SIZES)('COPY (the default), %s object: the copy has the source tags', async (_, size) => {
    const source = `${RUN}copy/${size}/source.bin`;
    const body = bytes(size);
    await put(source, body, 'project=apollo&stage=prod');
    const key = `${RUN}copy/${size}/copy.bin`;
    await copy(source, key);
    expect(await tagsOf(key)).toEqual({ project: 'apollo', stage: 'prod' });
    expect((await bodyOf(key)).equals(body)).toBe(true);
    // explicit COPY ignores x-amz-tagging
    const explicit = `${RUN}copy/${size}/explicit.bin`;
    await copy(source, explicit, { TaggingDirective: 'COPY', Tagging: 'ignored=yes' });
    expect(await tagsOf(explicit)).toEqual({ project: 'apollo', stage: 'prod' });
  });

  it.each(SIZES)(
    'COPY, %s object, over a tagged object: an untagged source leaves no tags',
    async (_, size) => {
      const source = `${RUN}copy-over/${size}/untagged.bin`;
      await put(source, bytes(size));
      const key = `${RUN}copy-over/${size}/target.bin`;
      await put(key, 'old');
      await setTags(key, { stale: 'yes' });
      await copy(source, key);
      expect(await tagsOf(key)).toEqual({});
    },
  );

  it.each(SIZES)('REPLACE, %s object: the tags of x-amz-tagging, or none', async (_, size) => {
    const source = `${RUN}replace/${size}/source.bin`;
    await put(source, bytes(size), 'project=apollo');
    const withTags = `${RUN}replace/${size}/with-tags.bin`;
    await put(withTags, 'old', 'stale=yes');
    await copy(source, withTags, { TaggingDirective: 'REPLACE', Tagging: 'stage=archive&n=1' });
    expect(await tagsOf(withTags)).toEqual({ stage: 'archive', n: '1' });

    const without = `${RUN}replace/${size}/without.bin`;
    await put(without, 'old', 'stale=yes');
    await copy(source, without, { TaggingDirective: 'REPLACE' });
    expect(await tagsOf(without)).toEqual({});
    expect(await tagsOf(source)).toEqual({ project: 'apollo' });
  });

  it('onto its own key (metadata REPLACE): COPY keeps the tags, REPLACE sets them', async () => {
    const key = `${RUN}self/object.txt`;
    await put(key, 'self', 'keep=yes');
    await copy(key, key, { MetadataDirective: 'REPLACE', Metadata: { step: '1' } });
    expect(await tagsOf(key)).toEqual({ keep: 'yes' });
    await copy(key, key, {
      MetadataDirective: 'REPLACE',
      Metadata: { step: '2' },
      TaggingDirective: 'REPLACE',
      Tagging: 'new=tag',
    });
    expect(await tagsOf(key)).toEqual({ new: 'tag' });
  });

  it('REPLACE with invalid tags: 400 InvalidTag, nothing written', async () => {
    const source = `${RUN}replace-invalid/source.txt`;
    await put(source, 'source');
    const key = `${RUN}replace-invalid/target.txt`;
    await put(key, 'kept', 'keep=me');
    expect(
      await s3ErrorOf(copy(source, key, { TaggingDirective: 'REPLACE', Tagging: ELEVEN_TAGS })),
    ).toEqual({ code: 'InvalidTag', status: 400 });
    expect((await bodyOf(key)).toString()).toBe('kept');
    expect(await tagsOf(key)).toEqual({ keep: 'me' });
  });
});

describe('multipart uploads and tags', () => {
  async function upload(key: string, parts: Buffer[], tagging?: string) {
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key, Tagging: tagging }),
    );
    const etags = [];
    for (const [index, part] of parts.entries()) {
      const { ETag } = await suite.s3.send(
        new UploadPartCommand({
          Bucket: suite.target.bucket,
          Key: key,
          UploadId,
          PartNumber: index + 1,
          Body: part,
        }),
      );
      etags.push(ETag);
    }
    return { UploadId: UploadId!, etags };
  }

  async function complete(key: string, uploadId: string, etags: (string | undefined)[]) {
    await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
  }

  it("applies CreateMultipartUpload's tags when the upload completes", async () => {
    const key = `${RUN}multipart/tagged.bin`;
    const { UploadId, etags } = await upload(
      key,
      [bytes(5 * 1024 * 1024), bytes(1000)],
      'k=v&stage=raw',
    );
    await complete(key, UploadId, etags);
    expect(await tagsOf(key)).toEqual({ k: 'v', stage: 'raw' });
  });

  it('without tags over a tagged object; UploadPartCopy of a tagged source carries none', async () => {
    const source = `${RUN}multipart/part-source.bin`;
    await put(source, bytes(1000), 'from=source');
    const key = `${RUN}multipart/untagged.bin`;
    await put(key, 'old', 'stale=yes');
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    const { CopyPartResult } = await suite.s3.send(
      new UploadPartCopyCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId,
        PartNumber: 1,
        CopySource: `${suite.target.bucket}/${encodeURIComponent(source)}`,
      }),
    );
    await complete(key, UploadId!, [CopyPartResult?.ETag]);
    expect(await tagsOf(key)).toEqual({});
    expect(await tagsOf(source)).toEqual({ from: 'source' });
  });

  it('refuses invalid tags at CreateMultipartUpload with 400 InvalidTag', async () => {
    const key = `${RUN}multipart/invalid.bin`;
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new CreateMultipartUploadCommand({
            Bucket: suite.target.bucket,
            Key: key,
            Tagging: ELEVEN_TAGS,
          }),
        ),
      ),
    ).toEqual({ code: 'InvalidTag', status: 400 });
  });
});

describe('tags in a versioned bucket', () => {
  itCreatingBuckets('each version keeps the tags of its own write', async () => {
    const bucket = `tagging-${randomUUID().slice(0, 8)}`;
    await suite.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await suite.s3.send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    const key = 'doc.txt';
    await put(key, 'v1', 'version=1', bucket);
    expect(await tagsOf(key, bucket)).toEqual({ version: '1' });
    const second = await put(key, 'v2', undefined, bucket);
    expect(await tagsOf(key, bucket)).toEqual({});
    await put(key, 'v3', 'version=3', bucket);
    expect(await tagsOf(key, bucket)).toEqual({ version: '3' });

    // copies in a versioned bucket: COPY and REPLACE
    await copy(key, 'copy.txt', {}, bucket);
    expect(await tagsOf('copy.txt', bucket)).toEqual({ version: '3' });
    await copy(key, 'copy.txt', { TaggingDirective: 'REPLACE', Tagging: 'copied=2' }, bucket);
    expect(await tagsOf('copy.txt', bucket)).toEqual({ copied: '2' });
    // restoring the untagged version 2 onto its key: the new current version is untagged
    await suite.s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: `${bucket}/${key}?versionId=${second.VersionId}`,
      }),
    );
    expect(await tagsOf(key, bucket)).toEqual({});

    // removing current versions brings back the older ones with their own tags
    const current = async () =>
      (await suite.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).VersionId;
    await suite.s3.send(
      new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: await current() }),
    );
    expect(await tagsOf(key, bucket)).toEqual({ version: '3' });
    await suite.s3.send(
      new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: await current() }),
    );
    expect(await tagsOf(key, bucket)).toEqual({});
    await suite.s3.send(
      new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: await current() }),
    );
    expect(await tagsOf(key, bucket)).toEqual({ version: '1' });
  });
});

describe('POST form uploads and tags', () => {
  async function postForm(key: string, tagging?: string) {
    const { url, fields } = await createPresignedPost(suite.s3, {
      Bucket: suite.target.bucket,
      Key: key,
      Fields: tagging === undefined ? {} : { tagging },
      Expires: 300,
    });
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([new Uint8Array(Buffer.from('posted'))]), 'note.txt');
    return fetch(url, { method: 'POST', body: data });
  }

  it("stores the tagging field's tags; a form without one leaves no tags", async () => {
    const key = `${RUN}post/form.txt`;
    const tagging =
      '<Tagging><TagSet><Tag><Key>source</Key><Value>form &amp; upload</Value></Tag></TagSet></Tagging>';
    expect((await postForm(key, tagging)).status).toBe(204);
    expect(await tagsOf(key)).toEqual({ source: 'form & upload' });
    expect((await postForm(key)).status).toBe(204);
    expect(await tagsOf(key)).toEqual({});
  });
});
