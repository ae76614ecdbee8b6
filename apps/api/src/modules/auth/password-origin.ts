// Who chose a password its owner must replace: an administrator (new account, reset) or the server
// itself at its first start (generated and printed once on its console). Read from the audit log,
// which records every one of those events for the account.
import type { CurrentUser } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';

/** The audit actions that give an account a password someone else chose. */
const PASSWORD_SET_FOR_SOMEONE = ['user.bootstrap_admin', 'user.create', 'user.password_reset'];

export async function passwordSetBy(
  db: Db,
  userId: string,
): Promise<NonNullable<CurrentUser['passwordSetBy']>> {
  const latest = await db.auditEvent.findFirst({
    where: { targetId: userId, action: { in: PASSWORD_SET_FOR_SOMEONE } },
    orderBy: { seq: 'desc' },
    select: { action: true },
  });
  // The first admin's password is generated exactly when it must be changed (ADMIN_PASSWORD's is not).
  return latest?.action === 'user.bootstrap_admin' ? 'first_start' : 'administrator';
}

/** The `passwordSetBy` field of CurrentUser: present only while the password must be changed. */
export async function passwordOriginFields(
  db: Db,
  user: { id: string; mustChangePassword: boolean },
): Promise<Pick<CurrentUser, 'passwordSetBy'>> {
  return user.mustChangePassword ? { passwordSetBy: await passwordSetBy(db, user.id) } : {};
}
