// The upload policy admins set at run time: largest file, allowed extensions and content types
// (each falls back to the server's environment default when unset), and who must use 2FA. Uploads
// read the limits from a live object that every instance reloads when the policy changes.
import {
  ErrorCode,
  UploadPolicy,
  type UploadPolicy as Policy,
  type UploadPolicyView,
} from '@s3am/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import type { UploadLimits } from '../../lib/upload-rules.js';
import type { AuditContext } from '../audit/audit.service.js';
import { getSecuritySettings, updateSecuritySettings } from '../settings/settings.service.js';
import { saveSetting } from '../settings/stored-setting.js';

const KEY = 'uploads.policy';

const StoredLimits = UploadPolicy.pick({
  maxFileSizeBytes: true,
  allowedExtensions: true,
  allowedContentTypes: true,
});
type StoredLimits = ReturnType<typeof StoredLimits.parse>;
const UNSET: StoredLimits = {
  maxFileSizeBytes: null,
  allowedExtensions: null,
  allowedContentTypes: null,
};

async function readStored(db: Db): Promise<StoredLimits> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  const parsed = row ? StoredLimits.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : UNSET;
}

function effectiveLimits(stored: StoredLimits, defaults: UploadLimits): UploadLimits {
  return {
    maxSize: stored.maxFileSizeBytes ?? defaults.maxSize,
    allowedExtensions: stored.allowedExtensions ?? defaults.allowedExtensions,
    allowedContentTypes: stored.allowedContentTypes ?? defaults.allowedContentTypes,
  };
}

export interface LiveUploadLimits {
  /** Read by the upload services on every call; always the latest loaded policy. */
  limits: UploadLimits;
  reload(): Promise<void>;
}

export function createLiveUploadLimits(
  db: Db,
  defaults: UploadLimits,
  log: FastifyBaseLogger,
): LiveUploadLimits {
  let current = defaults;
  return {
    limits: {
      get maxSize() {
        return current.maxSize;
      },
      get allowedExtensions() {
        return current.allowedExtensions;
      },
      get allowedContentTypes() {
        return current.allowedContentTypes;
      },
    },
    async reload() {
      try {
        current = effectiveLimits(await readStored(db), defaults);
      } catch (error) {
        log.error({ err: error }, 'cannot load the upload policy; keeping the last one');
      }
    },
  };
}

export async function readUploadPolicy(db: Db, defaults: UploadLimits): Promise<UploadPolicyView> {
  const [stored, security] = await Promise.all([readStored(db), getSecuritySettings(db)]);
  const effective = effectiveLimits(stored, defaults);
  const plain = (limits: UploadLimits) => ({
    maxFileSizeBytes: limits.maxSize,
    allowedExtensions: [...limits.allowedExtensions],
    allowedContentTypes: [...limits.allowedContentTypes],
  });
  return {
    ...stored,
    requireTotpForAdmins: security.requireTotpForAdmins,
    requireTotpForEveryone: security.requireTotpForEveryone,
    effective: plain(effective),
    serverDefaults: plain(defaults),
  };
}

export async function writeUploadPolicy(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  policy: Policy,
  defaults: UploadLimits,
): Promise<UploadPolicyView> {
  // The environment's ceiling still holds: a file the server's own config refuses stays refused.
  if (policy.maxFileSizeBytes !== null && policy.maxFileSizeBytes > defaults.maxSize)
    throw new AppError(
      ErrorCode.VALIDATION,
      `The largest file cannot exceed the server's limit (UPLOAD_MAX_SIZE_BYTES = ${defaults.maxSize}).`,
    );
  const stored: StoredLimits = {
    maxFileSizeBytes: policy.maxFileSizeBytes,
    allowedExtensions: policy.allowedExtensions ? [...new Set(policy.allowedExtensions)] : null,
    allowedContentTypes: policy.allowedContentTypes
      ? [...new Set(policy.allowedContentTypes)]
      : null,
  };
  await saveSetting(db, actor, {
    key: KEY,
    value: stored,
    action: 'settings.upload_policy_change',
    details: {
      maxFileSizeBytes: stored.maxFileSizeBytes,
      allowedExtensions: stored.allowedExtensions?.join(',') ?? null,
      allowedContentTypes: stored.allowedContentTypes?.join(',') ?? null,
    },
  });
  const security = await getSecuritySettings(db);
  if (
    security.requireTotpForAdmins !== policy.requireTotpForAdmins ||
    security.requireTotpForEveryone !== policy.requireTotpForEveryone
  )
    await updateSecuritySettings(db, actor, {
      requireTotpForAdmins: policy.requireTotpForAdmins,
      requireTotpForEveryone: policy.requireTotpForEveryone,
    });
  return readUploadPolicy(db, defaults);
}
