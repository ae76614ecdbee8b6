// "New folder" writes a 0-byte `name/` marker and never replaces an object that has that key
// (e.g. bytes another tool stored under a key ending in `/`): 409 OBJECT_EXISTS, bytes intact.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ProblemSchema } from '@s3am/contracts';
import { bearer, localS3Client, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';

const run = `new-folder-${Date.now()}`;
let ctx: TestContext;
let connectionId: string;
let token: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  ({ token } = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` }));
});
afterAll(() => ctx.close());

const newFolder = (key: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/files/folder',
    headers: bearer(token),
    payload: { connectionId, bucket: 'uploads', key },
  });

async function stored(key: string): Promise<string> {
  const object = await localS3Client().send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
  return object.Body!.transformToString();
}

it('creates a folder marker', async () => {
  expect((await newFolder(`${run}/fresh`)).statusCode).toBe(204);
  expect(await stored(`${run}/fresh/`)).toBe('');
});

it('never overwrites an object stored under the folder key', async () => {
  await localS3Client().send(
    new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/taken/`, Body: 'bytes someone kept' }),
  );
  const refused = await newFolder(`${run}/taken`);
  expect(refused.statusCode).toBe(409);
  const problem = ProblemSchema.parse(refused.json());
  expect(problem.code).toBe('OBJECT_EXISTS');
  expect(problem.detail).toContain('"taken" already exists');
  expect(await stored(`${run}/taken/`)).toBe('bytes someone kept');
});

it('answers 409 for a folder that already exists, leaving it as it was', async () => {
  expect((await newFolder(`${run}/twice/`)).statusCode).toBe(204);
  const again = await newFolder(`${run}/twice/`);
  expect(again.statusCode).toBe(409);
  expect(ProblemSchema.parse(again.json()).code).toBe('OBJECT_EXISTS');
});
