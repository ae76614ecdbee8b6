// Rule settings (built-in thresholds and custom rules) in system_settings, validated with zod,
// cached per instance and reloaded when any instance changes them.
import { SecurityRules, type SecurityRules as Rules } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { AuditContext } from '../audit/audit.service.js';
import { saveSetting } from '../settings/stored-setting.js';

const KEY = 'security.rules';

export function defaultRules(): Rules {
  return SecurityRules.parse({ builtIn: {}, custom: [] });
}

export async function readRules(db: Db): Promise<Rules> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  if (!row) return defaultRules();
  const parsed = SecurityRules.safeParse(row.value);
  // Settings written by an older version that no longer validate fall back to the defaults.
  return parsed.success ? parsed.data : defaultRules();
}

export async function writeRules(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  rules: Rules,
): Promise<Rules> {
  await saveSetting(db, actor, {
    key: KEY,
    value: rules,
    action: 'security.rules_change',
    details: { customRules: rules.custom.length },
  });
  return rules;
}

export interface RulesCache {
  get(): Promise<Rules>;
  /** The last loaded rules without waiting (defaults before the first load). */
  current(): Rules;
  invalidate(): void;
}

export function createRulesCache(db: Db): RulesCache {
  let cached: Promise<Rules> | null = null;
  let last = defaultRules();
  const get = () => {
    cached ??= readRules(db).then(
      (rules) => (last = rules),
      (error: unknown) => {
        cached = null;
        throw error;
      },
    );
    return cached;
  };
  return { get, current: () => last, invalidate: () => (cached = null) };
}
