// Log lines carry request ids but never credentials: tokens, cookies, passwords, query strings.
import { Writable } from 'node:stream';
import { REFRESH_COOKIE } from '@s3am/contracts';
import { loggerOptions } from '../app.js';
import { createTestApp, createUser } from '../../test/test-app.js';

describe('request logging', () => {
  it('logs request ids and redacts authorization, cookies, passwords and query strings', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const ctx = await createTestApp({
      logger: { ...(loggerOptions('info') as object), stream: sink },
    });
    try {
      const user = await createUser(ctx.db);
      const login = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      const { accessToken } = login.json<{ accessToken: string }>();
      const refresh = login.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
      await ctx.app.inject({
        method: 'GET',
        url: '/api/me?X-Amz-Signature=deadbeef',
        headers: { authorization: `Bearer ${accessToken}`, 'x-request-id': 'req-log-test-1' },
      });
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        cookies: { [REFRESH_COOKIE]: refresh },
      });

      const log = lines.join('');
      expect(log).toContain('"reqId":"req-log-test-1"');
      for (const secret of [accessToken, refresh, user.password, 'deadbeef'])
        expect(log).not.toContain(secret);
    } finally {
      await ctx.close();
    }
  });
});
