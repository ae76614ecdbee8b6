// What every public link call shares (share links and upload requests): the token looked up by its
// hash, one clear refusal for revoked/expired links, the address ranges and the password checks,
// the owner as the caller the link acts for, and the audit record of each access (IP and UA).
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { ErrorCode } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { verifyPassword } from '../../lib/password-hash.js';
import { recordAudit, type AuditContext, type AuditOutcome } from '../audit/audit.service.js';
import type { Caller } from '../grants/permissions.service.js';

export interface LinkRow {
  id: string;
  ownerId: string;
  passwordHash: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type LinkKind = 'share' | 'upload_request';

/** Revoked, expired (or a share out of downloads): one clear answer, whatever the reason. */
export function unavailable(detail = 'This link was revoked or has expired.'): AppError {
  return new AppError(ErrorCode.LINK_UNAVAILABLE, detail);
}

export function linkStatus(
  row: Pick<LinkRow, 'expiresAt' | 'revokedAt'>,
  now: Date,
): 'active' | 'expired' | 'revoked' {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'active';
}

/** Parses CIDR entries (a bare address is one host); throws VALIDATION naming a bad one. */
export function cidrBlockList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    const max = family === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new AppError(ErrorCode.VALIDATION, `"${entry}" is not an IP address or CIDR range.`);
    list.addSubnet(address, prefix, family);
  }
  return list;
}

/** Canonical text of valid CIDR entries (validated the same way as at access time). */
export function normalizeCidrs(entries: readonly string[] | undefined): string[] {
  const list = entries ?? [];
  cidrBlockList(list);
  return list.map((entry) => entry.trim());
}

export function addressAllowed(allowed: readonly string[], ip: string): boolean {
  if (allowed.length === 0) return true;
  // An IPv4 client seen on a dual-stack socket arrives as ::ffff:a.b.c.d.
  const plain = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const family = isIPv4(plain) ? 'ipv4' : 'ipv6';
  return cidrBlockList(allowed).check(plain, family);
}

export async function auditLinkAccess(
  db: Db,
  event: {
    kind: LinkKind;
    linkId: string;
    action: string;
    outcome: AuditOutcome;
    context: AuditContext;
    at: Date;
    details?: Record<string, string | number>;
  },
): Promise<void> {
  await recordAudit(db, {
    ...event.context,
    at: event.at,
    action: `${event.kind === 'share' ? 'share' : 'upload_request'}.${event.action}`,
    outcome: event.outcome,
    targetType: event.kind,
    targetId: event.linkId,
    ...(event.details ? { details: event.details } : {}),
  });
}

/**
 * Refuses a revoked or expired link, and a missing or wrong password (audited as denied, so
 * guessing shows in the log). Passwords are argon2id hashes, compared by the library.
 */
export async function checkLink(
  db: Db,
  kind: LinkKind,
  row: LinkRow,
  access: { password: string | undefined; context: AuditContext; now: Date },
): Promise<void> {
  const denied = async (reason: string) =>
    auditLinkAccess(db, {
      kind,
      linkId: row.id,
      action: 'access',
      outcome: 'denied',
      context: access.context,
      at: access.now,
      details: { reason },
    });
  const status = linkStatus(row, access.now);
  if (status !== 'active') {
    await denied(status);
    throw unavailable(
      status === 'revoked' ? 'This link was revoked by its owner.' : 'This link has expired.',
    );
  }
  if (row.passwordHash === null) return;
  if (access.password === undefined || access.password === '') {
    throw new AppError(ErrorCode.LINK_PASSWORD_REQUIRED, 'Enter the password for this link.');
  }
  if (!(await verifyPassword(row.passwordHash, access.password))) {
    await denied('wrong password');
    throw new AppError(ErrorCode.LINK_PASSWORD_REQUIRED, 'The password is not right.');
  }
}

/** The link's owner as the caller it acts for (the guest's address and browser in the audit). */
export async function ownerCaller(db: Db, ownerId: string, context: AuditContext): Promise<Caller> {
  const owner = await db.user.findUnique({
    where: { id: ownerId },
    select: { id: true, email: true, role: true, disabled: true },
  });
  if (!owner || owner.disabled)
    throw unavailable('The person who made this link can no longer share.');
  return { ...context, userId: owner.id, email: owner.email, role: owner.role };
}
