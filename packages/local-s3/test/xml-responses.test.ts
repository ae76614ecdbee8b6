// XML responses that strict parsers (expat in the AWS CLI and boto3) accept: a declaration with
// a version, entities escaped once. Tags come back as set, as strings (007 stays 007).
import { randomUUID } from 'node:crypto';
import {
  CreateMultipartUploadCommand,
  AbortMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { useS3Target } from './s3-target.js';
import { parseStrictXml, rawRequest, textsOf } from './raw-http.js';

const suite = useS3Target();

const run = `xml-responses-${randomUUID()}/`;
// Only characters S3 allows in tags: letters, digits, spaces and + - = . _ : / @ (any script).
const TAGS = [
  { Key: 'code', Value: '007' },
  { Key: 'exponent', Value: '1e3' },
  { Key: 'path', Value: 'a/b:c@d=e+f_g.h-i' },
  { Key: 'spaced', Value: ' two  spaces ' },
  { Key: 'city', Value: 'Zürich 東京' },
  { Key: 'empty', Value: '' },
];

async function strictXmlOf(url: string) {
  const response = await rawRequest(url);
  const xml = parseStrictXml(response.body.toString('utf8'));
  return { status: response.status, ...xml };
}

describe('GetObjectTagging', () => {
  it('answers a document a strict XML parser reads, with the tags exactly as set', async () => {
    const key = `${run}R&D (1).txt`;
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'x' }));
    await suite.s3.send(
      new PutObjectTaggingCommand({
        Bucket: suite.target.bucket,
        Key: key,
        Tagging: { TagSet: TAGS },
      }),
    );

    const url = await getSignedUrl(
      suite.s3,
      new GetObjectTaggingCommand({ Bucket: suite.target.bucket, Key: key }),
      { expiresIn: 300 },
    );
    const xml = await strictXmlOf(url);
    expect(xml.status).toBe(200);
    expect(xml.declaration).toEqual({ version: '1.0', encoding: 'UTF-8' });
    expect(xml.root.name).toBe('Tagging');
    const keys = textsOf(xml.root, 'Key');
    const values = textsOf(xml.root, 'Value');
    expect(Object.fromEntries(keys.map((k, i) => [k, values[i]]))).toEqual(
      Object.fromEntries(TAGS.map((tag) => [tag.Key, tag.Value])),
    );

    const sdk = await suite.s3.send(
      new GetObjectTaggingCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(sdk.TagSet).toEqual(expect.arrayContaining(TAGS));
    expect(sdk.TagSet).toHaveLength(TAGS.length);
  });

  it('answers an empty TagSet in a well-formed document for an untagged object', async () => {
    const key = `${run}untagged.txt`;
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'x' }));
    const url = await getSignedUrl(
      suite.s3,
      new GetObjectTaggingCommand({ Bucket: suite.target.bucket, Key: key }),
      { expiresIn: 300 },
    );
    const xml = await strictXmlOf(url);
    expect(xml.status).toBe(200);
    expect(xml.declaration?.version).toBe('1.0');
    expect(xml.root.name).toBe('Tagging');
    expect(textsOf(xml.root, 'Key')).toEqual([]);
  });
});

describe('other XML answers', () => {
  it('are well-formed with a versioned declaration: listings, uploads, parts and errors', async () => {
    const key = `${run}<odd> & "name".bin`;
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    try {
      const urls = [
        await getSignedUrl(
          suite.s3,
          new ListMultipartUploadsCommand({ Bucket: suite.target.bucket, Prefix: run }),
        ),
        await getSignedUrl(
          suite.s3,
          new ListPartsCommand({ Bucket: suite.target.bucket, Key: key, UploadId }),
        ),
      ];
      for (const url of urls) {
        const xml = await strictXmlOf(url);
        expect(xml.status).toBe(200);
        expect(xml.declaration?.version).toBe('1.0');
        expect(textsOf(xml.root, 'Key')).toEqual([key]);
      }
      const missing = await strictXmlOf(
        await getSignedUrl(
          suite.s3,
          new GetObjectCommand({ Bucket: suite.target.bucket, Key: `${run}<none> & "x"` }),
        ),
      );
      expect(missing.status).toBe(404);
      expect(missing.declaration?.version).toBe('1.0');
      expect(textsOf(missing.root, 'Code')).toEqual(['NoSuchKey']);
      // S3 names the missing key in the error; if it does, it is the key, escaped once.
      for (const named of textsOf(missing.root, 'Key')) expect(named).toBe(`${run}<none> & "x"`);
    } finally {
      await suite.s3.send(
        new AbortMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key, UploadId }),
      );
    }
  });
});
