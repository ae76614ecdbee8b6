// Instance-wide security settings changed by admins at run time (stored in system_settings).
import type { SecuritySettings } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

const KEY = 'security';
const DEFAULTS: SecuritySettings = { requireTotpForAdmins: false };

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  return { ...DEFAULTS, ...((row?.value ?? {}) as Partial<SecuritySettings>) };
}

export async function updateSecuritySettings(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  next: SecuritySettings,
): Promise<SecuritySettings> {
  const before = await getSecuritySettings(db);
  await db.systemSetting.upsert({
    where: { key: KEY },
    create: { key: KEY, value: next },
    update: { value: next },
  });
  const { userId, email, ...context } = actor;
  await recordAudit(db, {
    ...context,
    action: 'settings.security_change',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'settings',
    targetId: KEY,
    details: {
      requireTotpForAdminsFrom: before.requireTotpForAdmins,
      requireTotpForAdminsTo: next.requireTotpForAdmins,
    },
  });
  return next;
}

/** Whether this account still has to set up 2FA before using the app. */
export function mustEnrollTotp(
  user: { role: string; totpEnabledAt: Date | null },
  settings: SecuritySettings,
): boolean {
  return user.role === 'admin' && settings.requireTotpForAdmins && user.totpEnabledAt === null;
}
