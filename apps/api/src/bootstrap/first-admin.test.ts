// The first admin's password: ADMIN_PASSWORD meets the same policy as every password, checked
// before anything starts; a generated one is marked as such for the first-login page.
import { spawnApiProcess } from '../../test/api-process.js';
import { assertAdminPasswordAllowed } from './first-admin.js';

describe('ADMIN_PASSWORD at start-up', () => {
  it('accepts a password the policy accepts, and an unset one (generated instead)', () => {
    expect(() =>
      assertAdminPasswordAllowed('admin@example.com', 'violet-harbour-kettle-93'),
    ).not.toThrow();
    expect(() => assertAdminPasswordAllowed('admin@example.com', undefined)).not.toThrow();
  });

  it('names the variable and every reason the policy gives', () => {
    expect(() => assertAdminPasswordAllowed('admin@example.com', 'admin-password-1')).toThrow(
      /ADMIN_PASSWORD: refused by the password policy[\s\S]*Do not use your email address/,
    );
    expect(() => assertAdminPasswordAllowed('ops@example.com', 'password1234')).toThrow(
      /too common/,
    );
  });

  it('stops pnpm start with a clear message and exit code 1, before anything starts', async () => {
    const server = spawnApiProcess('server', {
      PORT: '0',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'admin-password-1',
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ADMIN_PASSWORD: refused by the password policy');
    expect(server.output()).toContain('Do not use your email address in the password.');
    expect(server.output()).toContain('leave ADMIN_PASSWORD empty');
    expect(server.output()).not.toContain('S3 Access Manager is running');
    expect(server.output()).not.toMatch(/at \S+\.ts:\d+/); // a message, not a stack trace
  }, 60_000);
});
