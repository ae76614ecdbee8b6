// Creates the first admin on a fresh database, from ADMIN_EMAIL/ADMIN_PASSWORD or with a generated
// password that is returned once for printing (and must be changed at first login).
import { ConfigError } from '../config/env.js';
import type { Db } from '../db/prisma.js';
import { passwordProblems } from '../lib/password-policy.js';
import { generatePassword, hashPassword } from '../lib/password-hash.js';
import { normalizeEmail } from '../modules/auth/auth.service.js';
import { recordAudit } from '../modules/audit/audit.service.js';

export interface FirstAdminResult {
  created: boolean;
  email: string;
  /** Only when the password was generated; shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * ADMIN_PASSWORD meets the policy every password meets (else the admin could not even set the same
 * password again later). Checked at every start, before anything runs, so a weak one in a .env file
 * is found on the first start rather than on the first password change.
 */
export function assertAdminPasswordAllowed(email: string, password: string | undefined): void {
  if (password === undefined) return;
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new ConfigError(
    [
      'Invalid configuration:',
      `  ADMIN_PASSWORD: refused by the password policy (the one every password must meet):`,
      ...problems.map((problem) => `    - ${problem}`),
      '  Choose another, or leave ADMIN_PASSWORD empty to have a strong one generated and printed once.',
    ].join('\n'),
  );
}

export async function ensureFirstAdmin(
  db: Db,
  email: string,
  password: string | undefined,
): Promise<FirstAdminResult> {
  const existing = await db.user.findFirst({
    where: { role: 'admin' },
    orderBy: { createdAt: 'asc' },
  });
  if (existing) return { created: false, email: existing.email };
  const generatedPassword = password ? undefined : generatePassword();
  const admin = await db.user.create({
    data: {
      email: normalizeEmail(email),
      passwordHash: await hashPassword(password ?? generatedPassword ?? ''),
      role: 'admin',
      mustChangePassword: generatedPassword !== undefined,
    },
  });
  await recordAudit(db, {
    action: 'user.bootstrap_admin',
    outcome: 'success',
    targetType: 'user',
    targetId: admin.id,
    actorEmail: 'system',
  });
  return { created: true, email: admin.email, ...(generatedPassword ? { generatedPassword } : {}) };
}
