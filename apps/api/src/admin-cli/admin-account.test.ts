// The admin CLI's account logic on real PostgreSQL: create, and recover a locked-out account.
import { randomUUID } from 'node:crypto';
import { createPrisma, type Db } from '../db/prisma.js';
import { verifyPassword } from '../lib/password-hash.js';
import { createUser, databaseUrl } from '../../test/test-app.js';
import { createOrRestoreAdmin } from './admin-account.js';

let db: Db;
beforeAll(() => {
  db = createPrisma(databaseUrl());
});
afterAll(() => db.$disconnect());

describe('createOrRestoreAdmin', () => {
  it('creates an admin whose password works and needs no change', async () => {
    const email = `Root-${randomUUID()}@Example.test`;
    expect(await createOrRestoreAdmin(db, email, 'violet-harbour-tangent-42')).toBe('created');
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ role: 'admin', disabled: false, mustChangePassword: false });
    expect(await verifyPassword(user.passwordHash, 'violet-harbour-tangent-42')).toBe(true);
    const event = await db.auditEvent.findFirst({
      where: { targetId: user.id, action: 'user.admin_created_cli' },
    });
    expect(JSON.stringify(event?.details)).not.toContain('violet');
  });

  it('restores a disabled, demoted account and ends its sessions', async () => {
    const locked = await createUser(db, { role: 'viewer', disabled: true });
    await db.session.create({
      data: { userId: locked.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await createOrRestoreAdmin(db, locked.email, 'amber-quartz-meadow-77')).toBe('restored');
    const user = await db.user.findUniqueOrThrow({ where: { id: locked.id } });
    expect(user).toMatchObject({ role: 'admin', disabled: false });
    expect(await db.session.count({ where: { userId: locked.id, revokedAt: null } })).toBe(0);
  });

  it('refuses a weak password', async () => {
    await expect(
      createOrRestoreAdmin(db, `weak-${randomUUID()}@example.test`, 'password1234'),
    ).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
  });
});
