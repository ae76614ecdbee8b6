// One S3 client per connection: an AssumeRole connection calls STS once for many API calls
// (STS has its own rate limits and latency), and again only after the connection is edited.
// STS is a stand-in on loopback that hands out the local S3 server's keys as the role's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seal } from '../../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from './s3-client.js';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  localS3,
  type TestContext,
} from '../../../test/test-app.js';

let sts: Server;
let stsCalls = 0;
let ctx: TestContext;
let admin: string;

function assumeRoleAnswer(): string {
  const { accessKeyId, secretAccessKey } = localS3();
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
      <SecretAccessKey>${secretAccessKey}</SecretAccessKey>
      <SessionToken>session-token</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/uploader/s3-access-manager</Arn>
      <AssumedRoleId>AROAEXAMPLE:s3-access-manager</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

beforeAll(async () => {
  sts = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      stsCalls += 1;
      response.writeHead(200, { 'content-type': 'text/xml' }).end(assumeRoleAnswer());
    });
  });
  await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
  const { port } = sts.address() as AddressInfo;
  ctx = await createTestApp({ env: { STS_ENDPOINT: `http://127.0.0.1:${port}` } });
  admin = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(async () => {
  await ctx.close();
  await new Promise((resolve) => sts.close(resolve));
});

it('makes one STS call for many API calls, and a new one after the connection is edited', async () => {
  const s3 = localS3();
  const connection = await ctx.db.s3Connection.create({
    data: {
      name: `role-${Date.now()}`,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      authMode: 'assume_role',
      roleArn: 'arn:aws:iam::123456789012:role/uploader',
      accessKeyId: s3.accessKeyId,
      secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
      buckets: ['uploads'],
    },
  });
  const list = () =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/files?connectionId=${connection.id}&bucket=uploads`,
      headers: bearer(admin),
    });
  for (let call = 0; call < 10; call++) expect((await list()).statusCode).toBe(200);
  const link = await ctx.app.inject({
    method: 'POST',
    url: '/api/files/download-url',
    headers: bearer(admin),
    payload: { connectionId: connection.id, bucket: 'uploads', key: 'any.txt' },
  });
  expect(link.statusCode).toBe(200);
  expect(stsCalls).toBe(1);

  await ctx.db.s3Connection.update({
    where: { id: connection.id },
    data: { roleArn: 'arn:aws:iam::123456789012:role/other' },
  });
  expect((await list()).statusCode).toBe(200);
  expect((await list()).statusCode).toBe(200);
  expect(stsCalls).toBe(2);
});
