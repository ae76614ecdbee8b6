// TOTP two-factor authentication: enrol (QR), confirm with a first code, recovery codes, disable,
// and the second-factor check used at sign-in (codes are never accepted twice).
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { ErrorCode, type TotpSetupResponse } from '@s3am/contracts';
import type { Db, User } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { envelopeKeyId, open, seal, type Keyring } from '../../lib/crypto-envelope.js';
import { verifyPassword } from '../../lib/password-hash.js';
import { hashToken } from '../../lib/secret-token.js';
import { newTotpSecret, totpUri, verifyTotp } from '../../lib/totp.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { getSecuritySettings, totpRequired } from '../settings/settings.service.js';

export interface TwoFactorDeps {
  db: Db;
  clock: () => Date;
  keyring: Keyring;
}

export interface TotpOwner extends AuditContext {
  userId: string;
  email: string;
}

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const aad = (userId: string) => `totp:${userId}`;

function newRecoveryCode(): string {
  const chars = Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  ).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

async function audit(
  deps: TwoFactorDeps,
  owner: TotpOwner,
  action: string,
  outcome: 'success' | 'failure' = 'success',
) {
  const { userId, email, ...context } = owner;
  await recordAudit(deps.db, {
    ...context,
    at: deps.clock(),
    action,
    outcome,
    actorId: userId,
    actorEmail: email,
    targetType: 'user',
    targetId: userId,
  });
}

async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({
      data: codes.map((code) => ({ userId, codeHash: hashToken(normalizeRecoveryCode(code)) })),
    }),
  ]);
  return codes;
}

async function loadUser(db: Db, userId: string): Promise<User> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED);
  return user;
}

/** Accepts a TOTP code once per time step; updates the last used step atomically. */
async function acceptTotp(deps: TwoFactorDeps, user: User, code: string): Promise<boolean> {
  if (!user.totpSecretCiphertext) return false;
  const step = verifyTotp(
    open(deps.keyring, user.totpSecretCiphertext, aad(user.id)),
    code,
    deps.clock(),
  );
  if (step === null) return false;
  const { count } = await deps.db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

async function acceptRecoveryCode(deps: TwoFactorDeps, user: User, code: string): Promise<boolean> {
  const { count } = await deps.db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashToken(normalizeRecoveryCode(code)), usedAt: null },
    data: { usedAt: deps.clock() },
  });
  return count === 1;
}

export async function setupTotp(deps: TwoFactorDeps, owner: TotpOwner): Promise<TotpSetupResponse> {
  const user = await loadUser(deps.db, owner.userId);
  if (user.totpEnabledAt)
    throw new AppError(
      ErrorCode.CONFLICT,
      'Two-factor authentication is already on. Turn it off first to enrol a new device.',
    );
  const secret = newTotpSecret();
  await deps.db.user.update({
    where: { id: user.id },
    data: { totpSecretCiphertext: seal(deps.keyring, secret, aad(user.id)), totpLastStep: null },
  });
  const otpauthUrl = totpUri(secret, user.email);
  await audit(deps, owner, 'two_factor.setup_started');
  return {
    otpauthUrl,
    qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }),
    secret,
  };
}

export async function enableTotp(
  deps: TwoFactorDeps,
  owner: TotpOwner,
  code: string,
): Promise<string[]> {
  const user = await loadUser(deps.db, owner.userId);
  if (user.totpEnabledAt)
    throw new AppError(ErrorCode.CONFLICT, 'Two-factor authentication is already on.');
  if (!user.totpSecretCiphertext) throw new AppError(ErrorCode.CONFLICT, 'Start the set-up first.');
  if (!(await acceptTotp(deps, user, code))) {
    await audit(deps, owner, 'two_factor.enable', 'failure');
    throw new AppError(
      ErrorCode.INVALID_TOTP,
      'That code is not valid. Check the time on your device and try the next code.',
    );
  }
  await deps.db.user.update({ where: { id: user.id }, data: { totpEnabledAt: deps.clock() } });
  const codes = await replaceRecoveryCodes(deps.db, user.id);
  await audit(deps, owner, 'two_factor.enable');
  return codes;
}

export async function regenerateRecoveryCodes(
  deps: TwoFactorDeps,
  owner: TotpOwner,
  code: string,
): Promise<string[]> {
  const user = await loadUser(deps.db, owner.userId);
  if (!user.totpEnabledAt)
    throw new AppError(ErrorCode.CONFLICT, 'Two-factor authentication is off.');
  if (!(await acceptTotp(deps, user, code)))
    throw new AppError(ErrorCode.INVALID_TOTP, 'That code is not valid.');
  const codes = await replaceRecoveryCodes(deps.db, user.id);
  await audit(deps, owner, 'two_factor.recovery_codes_regenerated');
  return codes;
}

export async function disableTotp(
  deps: TwoFactorDeps,
  owner: TotpOwner,
  password: string,
  code: string,
): Promise<void> {
  const user = await loadUser(deps.db, owner.userId);
  if (!user.totpEnabledAt) return;
  if (totpRequired(user, await getSecuritySettings(deps.db))) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Two-factor authentication is required for your account on this instance.',
    );
  }
  const passwordOk = await verifyPassword(user.passwordHash, password);
  if (
    !passwordOk ||
    !((await acceptTotp(deps, user, code)) || (await acceptRecoveryCode(deps, user, code)))
  ) {
    await audit(deps, owner, 'two_factor.disable', 'failure');
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The password or the code is not valid.');
  }
  await deps.db.$transaction([
    deps.db.user.update({
      where: { id: user.id },
      data: { totpEnabledAt: null, totpSecretCiphertext: null, totpLastStep: null },
    }),
    deps.db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  await audit(deps, owner, 'two_factor.disable');
}

export type SecondFactorResult = 'not_enabled' | 'totp' | 'recovery_code';

/** At sign-in, after the password: requires and checks the second factor when 2FA is on. */
export async function checkSecondFactor(
  deps: TwoFactorDeps,
  user: User,
  input: { totpCode?: string; recoveryCode?: string },
): Promise<SecondFactorResult> {
  if (!user.totpEnabledAt) return 'not_enabled';
  if (input.totpCode && (await acceptTotp(deps, user, input.totpCode))) return 'totp';
  if (input.recoveryCode && (await acceptRecoveryCode(deps, user, input.recoveryCode)))
    return 'recovery_code';
  if (!input.totpCode && !input.recoveryCode)
    throw new AppError(
      ErrorCode.TOTP_REQUIRED,
      'Enter the six-digit code from your authenticator app.',
    );
  throw new AppError(ErrorCode.INVALID_TOTP, 'That code is not valid.');
}

/** Re-seals every TOTP secret under the keyring's current key; returns how many changed. */
export async function rotateTotpSecrets(db: Db, keyring: Keyring): Promise<number> {
  const users = await db.user.findMany({
    where: { totpSecretCiphertext: { not: null } },
    select: { id: true, totpSecretCiphertext: true },
  });
  let rotated = 0;
  for (const user of users) {
    if (
      !user.totpSecretCiphertext ||
      envelopeKeyId(user.totpSecretCiphertext) === keyring.current.id
    )
      continue;
    const secret = open(keyring, user.totpSecretCiphertext, aad(user.id));
    await db.user.update({
      where: { id: user.id },
      data: { totpSecretCiphertext: seal(keyring, secret, aad(user.id)) },
    });
    rotated += 1;
  }
  return rotated;
}
