// Guest upload requests against real PostgreSQL, the real local S3 server and the real upload
// engine over HTTP: a guest without an account sends files into one folder (multipart, resumed
// from a new engine), named by the server and never overwriting; the request's limits (size,
// count, total, types) hold at create and at completion; the owner sees the files as notices.
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreatedUploadRequestLink,
  GUEST_BUCKET,
  GuestUploadInfo,
  MiB,
  SignedParts,
  UploadRequestLinkList,
  UploadView,
} from '@s3am/contracts';
import {
  StateFileResumeStore,
  UploadTask,
  createFetchUploadApi,
  FetchPartSender,
  NodeFileSource,
} from '@s3am/uploader/node';
import { bearer, localS3Client, testTmpDir, type TestContext } from '../../../test/test-app.js';
import { pauseAfterParts, storedSha256, writeRandomFile } from '../../../test/upload-engine-kit.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';

const run = `urq-${Date.now()}`;
const UA = 'guest-browser/2.0';
let ctx: TestContext;
let baseUrl: string;
let connectionId: string;
let owner: { token: string; id: string };
let dir: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB), SESSION_IDLE_TIMEOUT_SECONDS: '86400' },
  }));
  baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const grantee = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` });
  owner = { token: grantee.token, id: grantee.user.id };
  dir = await mkdtemp(path.join(testTmpDir(), 'urq-'));
});
afterAll(() => ctx.close());

async function createRequest(body: Record<string, unknown>) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/upload-requests',
    headers: bearer(owner.token),
    payload: { connectionId, bucket: 'uploads', expiresInDays: 3, ...body },
  });
  expect(response.statusCode).toBe(201);
  const link = CreatedUploadRequestLink.parse(response.json());
  return { ...link, token: link.url.split('/u/')[1]! };
}

function guest(token: string, password?: string) {
  const headers = { 'user-agent': UA, ...(password ? { 'x-link-password': password } : {}) };
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url: `/api/public/upload-requests/${token}${url}`,
      headers,
      remoteAddress: '198.51.100.20',
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    call,
    /** A small file through the engine's single-PUT path: create, sign, PUT to S3, complete. */
    async send(name: string, body: string, contentType = 'text/plain') {
      const created = await call('POST', '/uploads', { key: name, size: body.length, contentType });
      if (created.statusCode !== 201) return created;
      const upload = UploadView.parse(created.json());
      const signed = SignedParts.parse(
        (await call('POST', `/uploads/${upload.id}/parts`, { partNumbers: [1] })).json(),
      );
      const put = await fetch(signed.urls[0]!.url, {
        method: 'PUT',
        headers: signed.headers,
        body,
      });
      expect(put.status).toBe(200);
      return call('POST', `/uploads/${upload.id}/complete`, {
        parts: [{ partNumber: 1, etag: put.headers.get('etag') ?? '' }],
      });
    },
  };
}

function guestTask(
  token: string,
  file: NodeFileSource,
  store: StateFileResumeStore,
  requestId: string,
) {
  return new UploadTask({
    api: createFetchUploadApi({
      baseUrl,
      uploadsPath: `/api/public/upload-requests/${token}/uploads`,
    }),
    sender: new FetchPartSender(),
    file,
    store,
    concurrency: 2,
    destination: { connectionId: requestId, bucket: GUEST_BUCKET, key: file.name },
  });
}

const text = async (key: string) => {
  const object = await localS3Client().send(
    new (await import('@aws-sdk/client-s3')).GetObjectCommand({ Bucket: 'uploads', Key: key }),
  );
  return object.Body!.transformToString();
};

describe('upload requests', () => {
  it('stores the token hashed and the password as argon2id, and asks guests for the password', async () => {
    const link = await createRequest({ prefix: `${run}/inbox/`, password: 'let me in please' });
    const row = await ctx.db.uploadRequest.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(link.token);
    const none = await guest(link.token).call('GET', '');
    expect(none.statusCode).toBe(401);
    expect(problemOf(none).code).toBe('LINK_PASSWORD_REQUIRED');
    expect(
      (await guest(link.token, 'wrong one!').call('POST', '/uploads', { key: 'a.txt', size: 1 }))
        .statusCode,
    ).toBe(401);
    const info = await guest(link.token, 'let me in please').call('GET', '');
    expect(info.statusCode).toBe(200);
    expect(GuestUploadInfo.parse(info.json())).toMatchObject({ id: link.id, filesReceived: 0 });
    const events = await ctx.db.auditEvent.findMany({
      where: { targetId: link.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.action, e.outcome, e.ip, e.userAgent])).toEqual([
      ['upload_request.create', 'success', '127.0.0.1', 'lightMyRequest'],
      ['upload_request.access', 'denied', '198.51.100.20', UA],
      ['upload_request.open', 'success', '198.51.100.20', UA],
    ]);
  });

  it('takes a guest file into the folder under a safe name, renaming instead of overwriting', async () => {
    const link = await createRequest({ prefix: `${run}/drop/` });
    await localS3Client().send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/drop/notes.txt`, Body: 'original' }),
    );
    const first = await guest(link.token).send('../../elsewhere/notes.txt', 'from the guest');
    expect(first.statusCode).toBe(200);
    const view = UploadView.parse(first.json());
    // Guests see the request, never the connection, bucket or folder.
    expect(view).toMatchObject({
      connectionId: link.id,
      bucket: GUEST_BUCKET,
      key: 'notes (1).txt',
      state: 'completed',
    });
    expect(await text(`${run}/drop/notes.txt`)).toBe('original');
    expect(await text(`${run}/drop/notes (1).txt`)).toBe('from the guest');
  });

  it('sends a big file through the multipart engine, resumed by a new engine after a pause', async () => {
    const link = await createRequest({ prefix: `${run}/big/` });
    const { file, bytes } = await writeRandomFile(dir, 'big.bin', 12 * MiB);
    const store = new StateFileResumeStore(path.join(dir, 'guest-state.json'));
    const first = guestTask(link.token, await NodeFileSource.open(file), store, link.id);
    await pauseAfterParts(first, 1);
    const second = guestTask(link.token, await NodeFileSource.open(file), store, link.id);
    const outcome = await second.start();
    expect(outcome.state).toBe('completed');
    if (outcome.state !== 'completed') return;
    expect(outcome.upload.mode).toBe('multipart');
    expect(outcome.upload.id).toBe(first.upload?.id);
    expect(await storedSha256(localS3Client(), `${run}/big/big.bin`)).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('enforces size, type, count and total limits', async () => {
    const link = await createRequest({
      prefix: `${run}/limited/`,
      maxFileBytes: 10,
      maxFiles: 2,
      maxTotalBytes: 15,
      allowedTypes: ['.txt', 'image/*'],
    });
    const g = guest(link.token);
    const big = await g.call('POST', '/uploads', {
      key: 'big.txt',
      size: 11,
      contentType: 'text/plain',
    });
    expect(big.statusCode).toBe(413);
    const exe = await g.call('POST', '/uploads', {
      key: 'run.exe',
      size: 5,
      contentType: 'application/x-msdownload',
    });
    expect(exe.statusCode).toBe(415);
    expect((await g.send('a.txt', '12345678')).statusCode).toBe(200);
    const over = await g.call('POST', '/uploads', {
      key: 'b.png',
      size: 8,
      contentType: 'image/png',
    });
    expect(over.statusCode).toBe(409);
    expect(problemOf(over).detail).toMatch(/7 are left/);
    expect((await g.send('b.png', '1234567', 'image/png')).statusCode).toBe(200);
    const third = await g.call('POST', '/uploads', { key: 'c.txt', size: 0 });
    expect(problemOf(third).code).toBe('UPLOAD_REQUEST_FULL');
  });

  it('checks the count again at completion (files started before the request filled up)', async () => {
    const link = await createRequest({ prefix: `${run}/race/`, maxFiles: 1 });
    const g = guest(link.token);
    const one = UploadView.parse(
      (await g.call('POST', '/uploads', { key: 'one.txt', size: 3 })).json(),
    );
    await ctx.db.uploadRequestFile.create({
      data: {
        uploadId: (
          await ctx.db.upload.create({
            data: {
              ownerId: owner.id,
              connectionId,
              bucket: 'uploads',
              key: `${run}/race/x`,
              mode: 'single',
              size: 1n,
              contentType: 'text/plain',
              partSize: 1n,
              partCount: 1,
              state: 'completed',
            },
          })
        ).id,
        uploadRequestId: link.id,
        key: `${run}/race/x`,
        size: 1n,
        completedAt: new Date(),
      },
    });
    const late = await g.call('POST', `/uploads/${one.id}/complete`, {
      parts: [{ partNumber: 1, etag: '"x"' }],
    });
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).code).toBe('UPLOAD_REQUEST_FULL');
  });

  it("never lets a guest reach the owner's other uploads", async () => {
    const link = await createRequest({ prefix: `${run}/fence/` });
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: bearer(owner.token),
      payload: { connectionId, bucket: 'uploads', key: `${run}/mine.txt`, size: 3 },
    });
    const ownId = UploadView.parse(own.json()).id;
    const probe = await guest(link.token).call('POST', `/uploads/${ownId}/parts`, {
      partNumbers: [1],
    });
    expect(probe.statusCode).toBe(404);
  });

  it('notifies the owner in the app, and the notice goes once seen', async () => {
    const link = await createRequest({ prefix: `${run}/notice/`, title: 'Tax papers' });
    expect((await guest(link.token).send('w2.txt', 'income')).statusCode).toBe(200);
    const list = async () =>
      UploadRequestLinkList.parse(
        (
          await ctx.app.inject({ url: '/api/upload-requests', headers: bearer(owner.token) })
        ).json(),
      );
    const mine = (await list()).items.find((item) => item.id === link.id)!;
    expect(mine).toMatchObject({ filesReceived: 1, bytesReceived: 6, unseenFiles: 1 });
    expect(mine.files[0]).toMatchObject({ key: `${run}/notice/w2.txt`, seen: false });
    const seen = await ctx.app.inject({
      method: 'POST',
      url: `/api/upload-requests/${link.id}/seen`,
      headers: bearer(owner.token),
    });
    expect(seen.statusCode).toBe(204);
    expect((await list()).items.find((item) => item.id === link.id)!.unseenFiles).toBe(0);
    const received = await ctx.db.auditEvent.findFirst({
      where: { targetId: link.id, action: 'upload_request.received' },
    });
    expect(received).toMatchObject({ ip: '198.51.100.20', userAgent: UA });
  });

  it('refuses a revoked request with one clear answer', async () => {
    const link = await createRequest({ prefix: `${run}/gone/` });
    const revoked = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/upload-requests/${link.id}`,
      headers: bearer(owner.token),
    });
    expect(revoked.statusCode).toBe(204);
    const answer = await guest(link.token).call('POST', '/uploads', { key: 'late.txt', size: 1 });
    expect(answer.statusCode).toBe(410);
    expect(problemOf(answer).code).toBe('LINK_UNAVAILABLE');
  });

  it('needs write on the folder to create a request', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/upload-requests',
      headers: bearer(owner.token),
      payload: { connectionId, bucket: 'uploads', prefix: 'elsewhere/' },
    });
    expect(response.statusCode).toBe(403);
  });
});
