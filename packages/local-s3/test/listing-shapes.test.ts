// Listings as S3 gives them: folders that hold only folders, XML specials escaped exactly once,
// UTF-8 byte order, CommonPrefixes counted against max-keys with pages that neither repeat nor
// skip, the same through ListObjects V1 markers, and ListMultipartUploads/ListParts keys.
import { randomUUID } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { useS3Target } from './s3-target.js';
import { parseStrictXml, rawRequest, textsOf } from './raw-http.js';

const suite = useS3Target();

const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function putAll(keys: string[]) {
  for (const key of keys) {
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: key }));
  }
}

/** One page of ListObjectsV2 as [keys, common prefixes]. */
async function listV2(prefix: string, delimiter?: string) {
  const page = await suite.s3.send(
    new ListObjectsV2Command({ Bucket: suite.target.bucket, Prefix: prefix, Delimiter: delimiter }),
  );
  return {
    keys: (page.Contents ?? []).map((object) => object.Key ?? ''),
    prefixes: (page.CommonPrefixes ?? []).map((common) => common.Prefix ?? ''),
    echoedPrefix: page.Prefix,
  };
}

describe('a folder that holds only folders', () => {
  it('is a CommonPrefix of its parent, at every level', async () => {
    const run = `tree-${randomUUID()}/`;
    await putAll([`${run}p/sub/a/y.txt`, `${run}p/sub/b/deeper/z.txt`, `${run}p/top.txt`]);

    expect(await listV2(`${run}p/`, '/')).toMatchObject({
      keys: [`${run}p/top.txt`],
      prefixes: [`${run}p/sub/`],
    });
    expect(await listV2(`${run}p/sub/`, '/')).toMatchObject({
      keys: [],
      prefixes: [`${run}p/sub/a/`, `${run}p/sub/b/`],
    });
    expect(await listV2(`${run}p/sub/b/`, '/')).toMatchObject({
      keys: [],
      prefixes: [`${run}p/sub/b/deeper/`],
    });
    expect(await listV2(run, '/')).toMatchObject({ keys: [], prefixes: [`${run}p/`] });
    // A prefix that ends inside a segment rolls up the same way.
    expect(await listV2(`${run}p/s`, '/')).toMatchObject({ keys: [], prefixes: [`${run}p/sub/`] });
  });
});

describe('XML specials in keys and prefixes', () => {
  const run = `xml-${randomUUID()}/`;
  const keys = [
    `${run}Q&A.txt`,
    `${run}<tag> "quoted" it's.txt`,
    `${run}a > b.txt`,
    `${run}R&D/plan.txt`,
    `${run}&amp; literally.txt`,
  ];

  beforeAll(() => putAll(keys));

  it('come back unescaped in ListObjectsV2 contents, prefixes and the echoed Prefix', async () => {
    expect(await listV2(run, '/')).toEqual({
      keys: keys.filter((key) => !key.includes('R&D')).sort(byUtf8),
      prefixes: [`${run}R&D/`],
      echoedPrefix: run,
    });
    expect(await listV2(`${run}R&D/`, '/')).toEqual({
      keys: [`${run}R&D/plan.txt`],
      prefixes: [],
      echoedPrefix: `${run}R&D/`,
    });
  });

  it('come back unescaped in ListObjects (V1)', async () => {
    const page = await suite.s3.send(
      new ListObjectsCommand({ Bucket: suite.target.bucket, Prefix: run, Delimiter: '/' }),
    );
    expect(page.Contents?.map((object) => object.Key)).toEqual(
      keys.filter((key) => !key.includes('R&D')).sort(byUtf8),
    );
    expect(page.CommonPrefixes?.map((common) => common.Prefix)).toEqual([`${run}R&D/`]);
  });

  it('are escaped exactly once in the XML on the wire (a strict parser reads them back)', async () => {
    const url = await getSignedUrl(
      suite.s3,
      new ListObjectsV2Command({ Bucket: suite.target.bucket, Prefix: run }),
      { expiresIn: 300 },
    );
    const response = await rawRequest(url);
    expect(response.status).toBe(200);
    const xml = parseStrictXml(response.body.toString('utf8'));
    expect(xml.declaration?.version).toBe('1.0');
    expect(textsOf(xml.root, 'Key')).toEqual([...keys].sort(byUtf8));
  });

  it('come back unescaped from ListMultipartUploads and ListParts', async () => {
    const key = `${run}upload & <more> "x".bin`;
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    try {
      const uploads = await suite.s3.send(
        new ListMultipartUploadsCommand({ Bucket: suite.target.bucket, Prefix: run }),
      );
      expect(uploads.Uploads?.map((upload) => upload.Key)).toEqual([key]);
      expect(uploads.Prefix).toBe(run);
      const parts = await suite.s3.send(
        new ListPartsCommand({ Bucket: suite.target.bucket, Key: key, UploadId }),
      );
      expect(parts.Key).toBe(key);
    } finally {
      await suite.s3.send(
        new AbortMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key, UploadId }),
      );
    }
  });
});

describe('order and paging', () => {
  const run = `order-${randomUUID()}/`;
  // '.' (0x2E) sorts before '/' (0x2F): a.txt comes before everything in folder a/. U+FF5E sorts
  // before U+1F600 in UTF-8 although its UTF-16 code unit is larger than the emoji's surrogate.
  const keys = [
    `${run}a/b/c`,
    `${run}a/b.txt`,
    `${run}a.txt`,
    `${run}a-1`,
    `${run}a0`,
    `${run}a/`,
    `${run}b/x/1`,
    `${run}b/x/2`,
    `${run}b/y`,
    `${run}c\uFF5E`,
    `${run}c😀`,
    `${run}d/deep/er/1`,
    `${run}e`,
  ];

  beforeAll(() => putAll(keys));

  it('lists keys in UTF-8 byte order', async () => {
    expect((await listV2(run)).keys).toEqual([...keys].sort(byUtf8));
  });

  it('pages through keys and CommonPrefixes with max-keys counting both, never repeating or skipping', async () => {
    const single = await listV2(run, '/');
    expect(single.prefixes).toEqual([`${run}a/`, `${run}b/`, `${run}d/`]);
    const all = [...single.keys, ...single.prefixes].sort(byUtf8);

    for (const maxKeys of [1, 2, 3]) {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await suite.s3.send(
          new ListObjectsV2Command({
            Bucket: suite.target.bucket,
            Prefix: run,
            Delimiter: '/',
            MaxKeys: maxKeys,
            ContinuationToken: token,
          }),
        );
        const entries = [
          ...(page.Contents ?? []).map((object) => object.Key!),
          ...(page.CommonPrefixes ?? []).map((common) => common.Prefix!),
        ];
        expect(entries.length).toBeLessThanOrEqual(maxKeys);
        expect(page.KeyCount).toBe(entries.length);
        seen.push(...entries.sort(byUtf8));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      expect(seen).toEqual(all);
    }
  });

  it('pages the same way through ListObjects (V1) markers', async () => {
    const single = await listV2(run, '/');
    const all = [...single.keys, ...single.prefixes].sort(byUtf8);
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await suite.s3.send(
        new ListObjectsCommand({
          Bucket: suite.target.bucket,
          Prefix: run,
          Delimiter: '/',
          MaxKeys: 2,
          Marker: marker,
        }),
      );
      seen.push(
        ...[
          ...(page.Contents ?? []).map((object) => object.Key!),
          ...(page.CommonPrefixes ?? []).map((common) => common.Prefix!),
        ].sort(byUtf8),
      );
      marker = page.IsTruncated ? page.NextMarker : undefined;
    } while (marker);
    expect(seen).toEqual(all);
  });

  it('starts after StartAfter, also when StartAfter is a folder', async () => {
    const after = await suite.s3.send(
      new ListObjectsV2Command({
        Bucket: suite.target.bucket,
        Prefix: run,
        StartAfter: `${run}a0`,
      }),
    );
    expect(after.Contents?.map((object) => object.Key)).toEqual(
      keys.filter((key) => byUtf8(key, `${run}a0`) > 0).sort(byUtf8),
    );
    const afterFolder = await suite.s3.send(
      new ListObjectsV2Command({
        Bucket: suite.target.bucket,
        Prefix: run,
        Delimiter: '/',
        StartAfter: `${run}b/`,
      }),
    );
    expect(afterFolder.CommonPrefixes?.map((common) => common.Prefix)).toEqual([`${run}d/`]);
    expect(afterFolder.Contents?.map((object) => object.Key)).toEqual([
      `${run}c\uFF5E`,
      `${run}c😀`,
      `${run}e`,
    ]);
  });
});
