// How admins change an instance-wide setting (a row of system_settings): stored, then audited
// with what changed, the same way for every setting (security, rules, channels, log sources...).
import type { Db } from '../../db/prisma.js';
import { recordAudit, type AuditContext, type AuditInput } from '../audit/audit.service.js';

export type SettingsActor = AuditContext & { userId: string; email: string };

type SettingValue = Parameters<Db['systemSetting']['upsert']>[0]['create']['value'];

export async function saveSetting(
  db: Db,
  actor: SettingsActor,
  change: { key: string; value: SettingValue; action: string; details: AuditInput['details'] },
): Promise<void> {
  const { key, value, action, details } = change;
  await db.systemSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
  const { userId, email, ...context } = actor;
  await recordAudit(db, {
    ...context,
    action,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'settings',
    targetId: key,
    details,
  });
}
