// Instance-wide security settings changed by admins at run time (stored in system_settings).
import type { SecuritySettings } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { AuditContext } from '../audit/audit.service.js';
import { saveSetting } from './stored-setting.js';

const KEY = 'security';
const DEFAULTS: SecuritySettings = { requireTotpForAdmins: false, requireTotpForEveryone: false };

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  return { ...DEFAULTS, ...((row?.value ?? {}) as Partial<SecuritySettings>) };
}

/** How long an instance may answer from its copy (other instances' changes apply within it). */
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { until: number; value: Promise<SecuritySettings> }>();

/** The settings from a short per-instance cache (hot paths: every request's principal). */
export function cachedSecuritySettings(db: Db): Promise<SecuritySettings> {
  const hit = cache.get(db);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = getSecuritySettings(db);
  cache.set(db, { until: Date.now() + CACHE_MS, value });
  void value.catch(() => cache.delete(db));
  return value;
}

export async function updateSecuritySettings(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  next: SecuritySettings,
): Promise<SecuritySettings> {
  const before = await getSecuritySettings(db);
  await saveSetting(db, actor, {
    key: KEY,
    value: next,
    action: 'settings.security_change',
    details: {
      requireTotpForAdminsFrom: before.requireTotpForAdmins,
      requireTotpForAdminsTo: next.requireTotpForAdmins,
      requireTotpForEveryoneFrom: before.requireTotpForEveryone,
      requireTotpForEveryoneTo: next.requireTotpForEveryone,
    },
  });
  cache.delete(db);
  return next;
}

/** Whether this account still has to set up 2FA before using the app. */
export function mustEnrollTotp(
  user: { role: string; totpEnabledAt: Date | null },
  settings: SecuritySettings,
): boolean {
  return (
    user.totpEnabledAt === null &&
    (settings.requireTotpForEveryone || (user.role === 'admin' && settings.requireTotpForAdmins))
  );
}

/** Whether the policy requires 2FA of this account (so it may not turn it off). */
export function totpRequired(user: { role: string }, settings: SecuritySettings): boolean {
  return (
    settings.requireTotpForEveryone || (user.role === 'admin' && settings.requireTotpForAdmins)
  );
}
