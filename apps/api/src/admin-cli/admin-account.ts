// Creates an admin, or restores one (role admin, enabled, new password, sessions ended), for
// headless set-ups and for recovery when nobody can sign in. Used by the admin CLI.
import type { Db } from '../db/prisma.js';
import { hashPassword } from '../lib/password-hash.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { normalizeEmail } from '../modules/auth/auth.service.js';
import { assertPasswordAllowed } from '../modules/users/users.service.js';

export async function createOrRestoreAdmin(
  db: Db,
  rawEmail: string,
  password: string,
  now = new Date(),
): Promise<'created' | 'restored'> {
  const email = normalizeEmail(rawEmail);
  assertPasswordAllowed(password, email);
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email } });
  const user = existing
    ? await db.user.update({
        where: { id: existing.id },
        data: {
          role: 'admin',
          disabled: false,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
        },
      })
    : await db.user.create({
        data: { email, role: 'admin', passwordHash, passwordChangedAt: now },
      });
  if (existing) {
    await db.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now, revokeReason: 'admin_cli_recovery' },
    });
  }
  await recordAudit(db, {
    at: now,
    action: existing ? 'user.admin_restored_cli' : 'user.admin_created_cli',
    outcome: 'success',
    actorEmail: 'admin-cli',
    targetType: 'user',
    targetId: user.id,
    details: {
      email,
      previousRole: existing?.role ?? null,
      wasDisabled: existing?.disabled ?? null,
    },
  });
  return existing ? 'restored' : 'created';
}
