// Every key S3 accepts goes through the calls the product makes, unchanged: header-signed PUT,
// HEAD and GET, ListObjectsV2 (the product's "does it exist" check lists with Prefix = key),
// presigned GET/HEAD/PUT/DELETE (with a response-content-disposition, as download links have),
// CopyObject and DeleteObjects. Runs against the local server or S3_CONFORMANCE_ENDPOINT.
import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { useS3Target } from './s3-target.js';
import { s3ErrorOf } from './s3-assertions.js';
import { rawRequest, rfc5987 } from './raw-http.js';

const suite = useS3Target();

const RUN = `shapes-${randomUUID()}/`;
const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');
const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) =>
  String.fromCharCode(0x20 + i),
).join('');
/** Pads with CJK characters and ASCII up to exactly 1,024 UTF-8 bytes, S3's maximum key length. */
function maxLengthKey(prefix: string): string {
  const room = 1024 - utf8Bytes(prefix);
  const cjk = '長'.repeat(Math.floor(room / 3) - 2);
  return prefix + cjk + 'x'.repeat(room - utf8Bytes(cjk));
}

/** [what the shape is, key]; every key lives under this run's prefix. */
const SHAPES: [string, string][] = [
  ['every printable ASCII character', PRINTABLE_ASCII],
  ['a "keep both" name the product makes', 'report (1).pdf'],
  ['a download name browsers and Windows make', 'photo (2).jpg'],
  ["the characters SigV4 escapes but encodeURIComponent keeps: ! ' ( ) *", "wow!*'(x).txt"],
  ['XML specials', `Q&A <draft> "final" 'v2' >.txt`],
  ['XML specials in a folder name', 'R&D/notes & plans.txt'],
  ['percent sequences', '100%41%2F%%25%zz.txt'],
  ['plus signs and spaces', 'a+b  c +.txt'],
  ['accented letters', 'Grüße — café.txt'],
  ['non-BMP characters (emoji, musical symbol)', 'emoji 😀🎉 𝄞.txt'],
  ['80 CJK characters in one segment', `${'漢'.repeat(80)}.txt`],
  ['a 300-byte segment', 'é'.repeat(150)],
  ['a folder marker (trailing slash)', 'folder/'],
  ['an empty segment', 'a//b.txt'],
  ['dot segments', 'dots/./x/../y.txt'],
  ['a 1,024-byte key', maxLengthKey(`${RUN}max/`).slice(RUN.length)],
];

function contentOf(key: string): Buffer {
  return Buffer.from(`content of ${key}`, 'utf8');
}

async function listedKeys(prefix: string, encoded = false): Promise<string[]> {
  const page = await suite.s3.send(
    new ListObjectsV2Command({
      Bucket: suite.target.bucket,
      Prefix: prefix,
      ...(encoded ? { EncodingType: 'url' as const } : {}),
    }),
  );
  const keys = (page.Contents ?? []).map((object) => object.Key ?? '');
  // With encoding-type=url, S3 form-encodes keys (space as "+"), as the AWS CLI and rclone ask.
  return encoded ? keys.map((key) => decodeURIComponent(key.replace(/\+/g, ' '))) : keys;
}

it('the table holds keys of the intended sizes', () => {
  expect(utf8Bytes(RUN + SHAPES.at(-1)![1])).toBe(1024);
  expect(utf8Bytes(`${'漢'.repeat(80)}.txt`)).toBe(244);
});

describe.each(SHAPES)('a key with %s', (_shape, name) => {
  const key = RUN + name;
  const copyKey = `${RUN}copies/${randomUUID()}`;

  it('is stored by PUT and read back by HEAD and GET', async () => {
    const body = contentOf(key);
    await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: body }),
    );
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(head.ContentLength).toBe(body.length);
    const object = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('comes back equal from ListObjectsV2 with Prefix = key, plain and url-encoded', async () => {
    expect((await listedKeys(key))[0]).toBe(key);
    expect((await listedKeys(key, true))[0]).toBe(key);
  });

  it('is served by a presigned GET with a filename* response-content-disposition, and a presigned HEAD', async () => {
    const basename = name.split('/').filter(Boolean).at(-1) ?? 'file';
    const disposition = `attachment; filename="download"; filename*=UTF-8''${rfc5987(basename)}`;
    const url = await getSignedUrl(
      suite.s3,
      new GetObjectCommand({
        Bucket: suite.target.bucket,
        Key: key,
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: 300 },
    );
    const response = await rawRequest(url);
    expect({
      status: response.status,
      error: response.status === 200 ? '' : response.body.toString(),
    }).toEqual({
      status: 200,
      error: '',
    });
    expect(response.body.equals(contentOf(key))).toBe(true);
    expect(response.headers['content-disposition']).toBe(disposition);

    const headUrl = await getSignedUrl(
      suite.s3,
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }),
      { expiresIn: 300 },
    );
    const head = await rawRequest(headUrl, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(contentOf(key).length);
  });

  it('is replaced by a presigned PUT', async () => {
    const url = await getSignedUrl(
      suite.s3,
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key }),
      {
        expiresIn: 300,
      },
    );
    const replaced = Buffer.from(`replaced ${key}`, 'utf8');
    const put = await rawRequest(url, 'PUT', replaced);
    expect({ status: put.status, error: put.status === 200 ? '' : put.body.toString() }).toEqual({
      status: 200,
      error: '',
    });
    const object = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(replaced)).toBe(true);
  });

  it('is the source of a CopyObject, whose copy a presigned DELETE removes', async () => {
    const source = `${suite.target.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
    await suite.s3.send(
      new CopyObjectCommand({ Bucket: suite.target.bucket, Key: copyKey, CopySource: source }),
    );
    const copy = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: copyKey }),
    );
    expect(Buffer.from(await copy.Body!.transformToByteArray()).toString()).toBe(`replaced ${key}`);

    const url = await getSignedUrl(
      suite.s3,
      new DeleteObjectCommand({ Bucket: suite.target.bucket, Key: copyKey }),
      { expiresIn: 300 },
    );
    expect((await rawRequest(url, 'DELETE')).status).toBe(204);
    expect(
      await s3ErrorOf(
        suite.s3.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: copyKey })),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('is removed by DeleteObjects and gone afterwards', async () => {
    const result = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: suite.target.bucket,
        Delete: { Objects: [{ Key: key }] },
      }),
    );
    expect(result.Errors ?? []).toEqual([]);
    expect(result.Deleted?.map((deleted) => deleted.Key)).toEqual([key]);
    expect(
      await s3ErrorOf(
        suite.s3.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key })),
      ),
    ).toMatchObject({ status: 404 });
    expect(await listedKeys(key)).not.toContain(key);
  });
});

describe('keys that a file system or URL parser would take for the same path', () => {
  it('are distinct objects: a/b, a//b, a/./b and x/../a/b', async () => {
    const keys = ['a/b', 'a//b', 'a/./b', 'x/../a/b'].map((name) => `${RUN}same/${name}`);
    for (const key of keys) {
      await suite.s3.send(
        new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: contentOf(key) }),
      );
    }
    for (const key of keys) {
      const object = await suite.s3.send(
        new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
      );
      expect(Buffer.from(await object.Body!.transformToByteArray()).toString()).toBe(
        contentOf(key).toString(),
      );
    }
    expect((await listedKeys(`${RUN}same/`)).sort()).toEqual([...keys].sort());
  });
});

describe('a signature mismatch', () => {
  it('answers GET with SignatureDoesNotMatch and HEAD with 403, for any key', async () => {
    const key = `${RUN}photo (2).jpg`;
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'x' }));
    const wrong = suite.target.client('not-the-secret');
    try {
      expect(
        await s3ErrorOf(
          wrong.send(new GetObjectCommand({ Bucket: suite.target.bucket, Key: key })),
        ),
      ).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
      expect(
        await s3ErrorOf(
          wrong.send(new ListObjectsV2Command({ Bucket: suite.target.bucket, Prefix: key })),
        ),
      ).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
      expect(
        await s3ErrorOf(
          wrong.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key })),
        ),
      ).toMatchObject({ status: 403 });
    } finally {
      wrong.destroy();
    }
  });
});
