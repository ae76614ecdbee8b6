// A client may choose the part size of its multipart upload (the CLI's --part-size): S3's limits
// are checked (5 MiB–5 GiB, ≤ 10,000 parts) with 400s that say what would work, and the chosen
// size is what S3 gets: the presigned parts cover the file exactly.
import { MiB, ProblemSchema, UploadView } from '@s3am/contracts';
import { bearer, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';

const run = `part-size-${Date.now()}`;
let ctx: TestContext;
let connectionId: string;
let token: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  token = (await signedInGrantee(ctx, { connectionId, prefix: `${run}/` })).token;
});
afterAll(() => ctx.close());

const create = (key: string, size: number, partSize?: number) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: bearer(token),
    payload: {
      connectionId,
      bucket: 'uploads',
      key: `${run}/${key}`,
      size,
      ...(partSize === undefined ? {} : { partSize }),
    },
  });

test('a chosen part size is used: 50 MiB in 6 MiB parts is 9 parts, the last one short', async () => {
  const response = await create('chosen.bin', 50 * MiB, 6 * MiB);
  expect(response.statusCode).toBe(201);
  const upload = UploadView.parse(response.json());
  expect(upload.mode).toBe('multipart');
  expect({ partSize: upload.partSize, partCount: upload.partCount }).toEqual({
    partSize: 6 * MiB,
    partCount: 9,
  });
  const defaulted = UploadView.parse((await create('default.bin', 50 * MiB)).json());
  expect(defaulted.partSize).not.toBe(6 * MiB);
  await ctx.app.inject({
    method: 'DELETE',
    url: `/api/uploads/${upload.id}`,
    headers: bearer(token),
  });
});

test('part sizes outside S3’s limits are 400s naming the limit', async () => {
  for (const [partSize, field] of [
    [4 * MiB, /partSize/],
    [5 * 1024 * MiB + 1, /partSize/],
    [6 * MiB + 0.5, /partSize/],
  ] as const) {
    const response = await create('bad.bin', 100 * MiB, partSize);
    expect(response.statusCode).toBe(400);
    const problem = ProblemSchema.parse(response.json());
    expect(problem.code).toBe('VALIDATION');
    expect(problem.errors?.map((error) => error.path).join(',')).toMatch(field);
  }
  // 100 GiB in 5 MiB parts would be 20,480 parts.
  const tooMany = await create('huge.bin', 100 * 1024 * MiB, 5 * MiB);
  expect(tooMany.statusCode).toBe(400);
  expect(ProblemSchema.parse(tooMany.json()).detail).toBe(
    'A part size of 5242880 bytes needs 20480 parts; S3 allows at most 10000. Choose at least 10737419 bytes.',
  );
});
