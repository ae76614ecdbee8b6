// IP blocks and allow-lists: what admins (and detectors) add and remove. Every change is announced
// on the security bus so all instances apply it at once.
import {
  ErrorCode,
  type AllowListEntryView,
  type CreateAllowListEntryRequest,
  type CreateIpBlockRequest,
  type IpBlockView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { IpAllowEntry, IpBlock } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { canonicalRange } from './ip-ranges.js';

export type Actor = AuditContext & { userId: string; email: string };

export function toBlockView(row: IpBlock): IpBlockView {
  return {
    id: row.id,
    cidr: row.cidr,
    reason: row.reason,
    source: row.source,
    alertId: row.alertId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

function toAllowView(row: IpAllowEntry): AllowListEntryView {
  return {
    id: row.id,
    userId: row.userId,
    cidr: row.cidr,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

function rangeOrRefuse(cidr: string): string {
  const canonical = canonicalRange(cidr);
  if (!canonical)
    throw new AppError(ErrorCode.VALIDATION, `"${cidr}" is not an IP address or CIDR range.`);
  return canonical;
}

async function audit(
  db: Db,
  actor: Actor,
  action: string,
  targetId: string,
  details: Record<string, string | null>,
) {
  const { userId, email, ...context } = actor;
  await recordAudit(db, {
    ...context,
    action,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: action.startsWith('security.allow') ? 'ip_allow_entry' : 'ip_block',
    targetId,
    details,
  });
}

/** Blocks still in force at `now`, newest first. */
export async function listBlocks(db: Db, now: Date): Promise<IpBlockView[]> {
  const rows = await db.ipBlock.findMany({
    where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toBlockView);
}

export async function addBlock(
  db: Db,
  actor: Actor,
  input: CreateIpBlockRequest,
  now: Date,
): Promise<IpBlock> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now)
    throw new AppError(ErrorCode.VALIDATION, 'expiresAt must be in the future.');
  const row = await db.ipBlock.create({
    data: {
      cidr: rangeOrRefuse(input.cidr),
      reason: input.reason,
      source: 'manual',
      createdBy: actor.email,
      createdAt: now,
      expiresAt,
    },
  });
  await audit(db, actor, 'security.block_add', row.id, {
    cidr: row.cidr,
    expiresAt: expiresAt?.toISOString() ?? null,
  });
  return row;
}

/** A block a detector decided on. */
export function addDetectorBlock(
  db: Db,
  block: { ip: string; rule: string; reason: string; alertId: string; now: Date; minutes: number },
): Promise<IpBlock> {
  return db.ipBlock.create({
    data: {
      cidr: rangeOrRefuse(block.ip),
      reason: block.reason,
      source: block.rule,
      alertId: block.alertId,
      createdAt: block.now,
      expiresAt: new Date(block.now.getTime() + block.minutes * 60_000),
    },
  });
}

export async function removeBlock(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await db.ipBlock.findUnique({ where: { id } });
  if (!row) throw new AppError(ErrorCode.BLOCK_NOT_FOUND);
  await db.ipBlock.delete({ where: { id } });
  await audit(db, actor, 'security.block_remove', id, { cidr: row.cidr });
}

export async function listAllowEntries(db: Db): Promise<AllowListEntryView[]> {
  const rows = await db.ipAllowEntry.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toAllowView);
}

export async function addAllowEntry(
  db: Db,
  actor: Actor,
  input: CreateAllowListEntryRequest,
): Promise<AllowListEntryView> {
  if (input.userId && !(await db.user.findUnique({ where: { id: input.userId } })))
    throw new AppError(ErrorCode.USER_NOT_FOUND);
  const row = await db.ipAllowEntry.create({
    data: { userId: input.userId, cidr: rangeOrRefuse(input.cidr), note: input.note },
  });
  await audit(db, actor, 'security.allow_add', row.id, { cidr: row.cidr, userId: row.userId });
  return toAllowView(row);
}

export async function removeAllowEntry(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await db.ipAllowEntry.findUnique({ where: { id } });
  if (!row) throw new AppError(ErrorCode.BLOCK_NOT_FOUND);
  await db.ipAllowEntry.delete({ where: { id } });
  await audit(db, actor, 'security.allow_remove', id, { cidr: row.cidr, userId: row.userId });
}
