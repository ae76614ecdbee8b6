// Link tokens never reach the log: the public link pages and their API calls are logged with the
// token masked, whether the link exists or not.
import { Writable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreatedShare, CreatedUploadRequestLink } from '@s3am/contracts';
import { maskLinkToken } from '../lib/link-token-mask.js';
import { loggerOptions } from './logging.js';
import { bearer, localS3Client } from '../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../test/uploads-kit.js';

describe('maskLinkToken', () => {
  it.each([
    ['/s/AbC-123_x', '/s/[token]'],
    ['/u/AbC-123_x', '/u/[token]'],
    ['/api/public/shares/AbC-123_x/download', '/api/public/shares/[token]/download'],
    [
      '/api/public/upload-requests/AbC/uploads/42/parts',
      '/api/public/upload-requests/[token]/uploads/42/parts',
    ],
    [
      '/api/shares/0b8f6c1e-0000-4000-8000-000000000000',
      '/api/shares/0b8f6c1e-0000-4000-8000-000000000000',
    ],
    ['/settings/s/x', '/settings/s/x'],
  ])('%s → %s', (path, masked) => expect(maskLinkToken(path)).toBe(masked));
});

it('request lines of public link calls hold no token', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { ctx, connectionId } = await createAppWithLocalConnection({
    logger: { ...(loggerOptions('info') as object), stream: sink },
  });
  try {
    const run = `logmask-${Date.now()}`;
    const owner = await signedInGrantee(ctx, {
      connectionId,
      prefix: `${run}/`,
      actions: ['list', 'read', 'write'],
    });
    await localS3Client().send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/a.txt`, Body: 'a' }),
    );
    const created = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url, headers: bearer(owner.token), payload });
    const share = CreatedShare.parse(
      (
        await created('/api/shares', { connectionId, bucket: 'uploads', key: `${run}/a.txt` })
      ).json(),
    );
    const request = CreatedUploadRequestLink.parse(
      (
        await created('/api/upload-requests', {
          connectionId,
          bucket: 'uploads',
          prefix: `${run}/in/`,
        })
      ).json(),
    );
    const shareToken = share.url.split('/s/')[1]!;
    const requestToken = request.url.split('/u/')[1]!;
    const calls = [
      { method: 'POST' as const, url: `/api/public/shares/${shareToken}`, payload: {} },
      { method: 'GET' as const, url: `/api/public/upload-requests/${requestToken}` },
      { method: 'GET' as const, url: `/s/${shareToken}` },
      { method: 'GET' as const, url: `/u/${requestToken}` },
    ];
    for (const call of calls) await ctx.app.inject(call);
    const opened = await ctx.app.inject(calls[0]!);
    expect(opened.statusCode).toBe(200);

    const log = lines.join('');
    expect(log).toContain('"url":"/api/public/shares/[token]"');
    expect(log).toContain('"url":"/api/public/upload-requests/[token]"');
    expect(log).toContain('"url":"/s/[token]"');
    expect(log).toContain('"url":"/u/[token]"');
    for (const token of [shareToken, requestToken]) expect(log).not.toContain(token);
  } finally {
    await ctx.close();
  }
});
