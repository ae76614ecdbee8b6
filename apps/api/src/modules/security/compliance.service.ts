// Compliance posture: each check passes or fails with what was found and what to do. Reads the
// database, and each connection's bucket CORS through S3 (a check that cannot read it warns).
import { GetBucketCorsCommand } from '@aws-sdk/client-s3';
import { PASSWORD_MIN_LENGTH, type ComplianceCheck, type ComplianceReport } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { s3ClientFor, type S3ClientDeps } from '../connections/s3-client.js';
import { getSecuritySettings } from '../settings/settings.service.js';

const DAY_MS = 86_400_000;
/** The audit chain should have been verified within this many days. */
const AUDIT_VERIFY_DAYS = 7;
/** Master keys older than this should be rotated. */
const KEY_ROTATION_DAYS = 365;

export interface ComplianceDeps extends S3ClientDeps {
  db: Db;
  clock: () => Date;
}

function check(
  id: string,
  title: string,
  items: string[],
  found: { pass: string; fail: string },
  remedy: string,
  failStatus: 'fail' | 'warn' = 'fail',
): ComplianceCheck {
  const ok = items.length === 0;
  return {
    id,
    title,
    status: ok ? 'pass' : failStatus,
    detail: ok ? found.pass : found.fail,
    remedy,
    items,
  };
}

async function corsCheck(deps: ComplianceDeps): Promise<ComplianceCheck> {
  const connections = await deps.db.s3Connection.findMany({ orderBy: { name: 'asc' } });
  const open: string[] = [];
  const unreadable: string[] = [];
  for (const connection of connections) {
    const client = s3ClientFor(connection, deps);
    for (const bucket of connection.buckets.slice(0, 20)) {
      try {
        const cors = await client.send(new GetBucketCorsCommand({ Bucket: bucket }));
        if ((cors.CORSRules ?? []).some((rule) => rule.AllowedOrigins?.includes('*')))
          open.push(`${connection.name}: ${bucket}`);
      } catch (error) {
        // No CORS configuration at all is fine (browsers are refused); anything else is unknown.
        if ((error as { name?: string }).name !== 'NoSuchCORSConfiguration')
          unreadable.push(`${connection.name}: ${bucket}`);
      }
    }
  }
  const result = check(
    'bucket-cors-wildcard',
    'Bucket CORS does not allow every origin',
    open,
    {
      pass: 'No bucket allows `*` as a CORS origin.',
      fail: `${open.length} bucket(s) allow any origin.`,
    },
    "Replace AllowedOrigin `*` with this app's origin (PUBLIC_URL) in the bucket's CORS rules.",
  );
  if (result.status === 'pass' && unreadable.length > 0)
    return {
      ...result,
      status: 'warn',
      detail: `The CORS rules of ${unreadable.length} bucket(s) could not be read.`,
      items: unreadable,
    };
  return result;
}

export async function complianceReport(
  deps: ComplianceDeps,
  staleDays: number,
): Promise<ComplianceReport> {
  const { db } = deps;
  const now = deps.clock();
  const settings = await getSecuritySettings(db);
  const [admins, users, stale, tokens, connections, lastVerify, canary] = await Promise.all([
    db.user.findMany({
      where: { role: 'admin', disabled: false, totpEnabledAt: null },
      select: { email: true },
    }),
    db.user.findMany({ where: { disabled: false, totpEnabledAt: null }, select: { email: true } }),
    db.user.findMany({
      where: {
        disabled: false,
        OR: [
          { lastLoginAt: { lt: new Date(now.getTime() - staleDays * DAY_MS) } },
          { lastLoginAt: null, createdAt: { lt: new Date(now.getTime() - staleDays * DAY_MS) } },
        ],
      },
      select: { email: true },
    }),
    db.apiToken.findMany({
      where: { revokedAt: null, expiresAt: null },
      select: { name: true, user: { select: { email: true } } },
    }),
    db.s3Connection.findMany({ orderBy: { name: 'asc' } }),
    db.auditEvent.findFirst({
      where: { action: 'audit.verify', outcome: 'success' },
      orderBy: { seq: 'desc' },
    }),
    db.keyCanary.findFirst({ orderBy: { updatedAt: 'desc' } }),
  ]);
  const emails = (rows: { email: string }[]) => rows.map((row) => row.email);
  const checks: ComplianceCheck[] = [
    check(
      'admins-2fa',
      'Every admin uses two-factor authentication',
      emails(admins),
      { pass: 'All admins have 2FA.', fail: `${admins.length} admin(s) without 2FA.` },
      'Ask these admins to set up 2FA, and turn on "require 2FA for admins" in the upload policy.',
    ),
    settings.requireTotpForEveryone
      ? check(
          'users-2fa',
          'Every user has 2FA (the policy requires it)',
          emails(users),
          {
            pass: 'All users have 2FA.',
            fail: `${users.length} user(s) still have to set up 2FA.`,
          },
          'They are asked to set it up at their next sign-in; disable accounts that are no longer used.',
        )
      : {
          id: 'users-2fa',
          title: 'Users with 2FA',
          status: 'warn',
          detail: `2FA is not required of everyone; ${users.length} user(s) do not use it.`,
          remedy:
            'Turn on "require 2FA for everyone" in the upload policy if your rules call for it.',
          items: emails(users),
        },
    check(
      'stale-accounts',
      `No account unused for ${staleDays} days`,
      emails(stale),
      {
        pass: 'Every active account signed in recently.',
        fail: `${stale.length} account(s) unused for ${staleDays}+ days.`,
      },
      'Disable or delete accounts nobody uses any more.',
      'warn',
    ),
    check(
      'tokens-expiry',
      'Every API token expires',
      tokens.map((token) => `${token.user.email}: ${token.name}`),
      { pass: 'No API token lives forever.', fail: `${tokens.length} token(s) never expire.` },
      'Revoke these tokens and issue new ones with an expiry.',
    ),
    check(
      'connections-sse',
      'Every connection encrypts at rest (SSE)',
      connections.filter((c) => c.sseMode === 'none').map((c) => c.name),
      {
        pass: 'All connections request server-side encryption.',
        fail: 'Some connections store objects without SSE.',
      },
      'Set SSE-S3 or SSE-KMS on these connections (and a default encryption rule on their buckets).',
    ),
    check(
      'connections-long-lived-keys',
      'Connections use roles, not long-lived access keys',
      connections.filter((c) => c.authMode === 'static_keys' && !c.managedLocal).map((c) => c.name),
      {
        pass: 'No connection relies on long-lived keys.',
        fail: 'Some connections use static access keys.',
      },
      'Switch them to AssumeRole (with an external id) or the default credential chain, and delete the keys.',
      'warn',
    ),
    await corsCheck(deps),
    {
      id: 'audit-chain-verified',
      title: `Audit chain verified within ${AUDIT_VERIFY_DAYS} days`,
      status:
        lastVerify && now.getTime() - lastVerify.at.getTime() < AUDIT_VERIFY_DAYS * DAY_MS
          ? 'pass'
          : 'fail',
      detail: lastVerify
        ? `Last verified ${lastVerify.at.toISOString()}.`
        : 'The audit chain was never verified.',
      remedy: 'Run "Verify chain" on the Audit page (or POST /api/audit/verify) regularly.',
      items: [],
    },
    {
      id: 'master-key-age',
      title: `Master key rotated within ${KEY_ROTATION_DAYS} days`,
      status:
        canary && now.getTime() - canary.updatedAt.getTime() < KEY_ROTATION_DAYS * DAY_MS
          ? 'pass'
          : 'warn',
      detail: canary
        ? `The current master key sealed the key canary on ${canary.updatedAt.toISOString()} (first start or last rotation).`
        : 'No key canary found.',
      remedy: 'Put a new key first in MASTER_KEYS, restart, and run `pnpm admin:rotate-key`.',
      items: [],
    },
    {
      id: 'password-policy',
      title: 'Password policy',
      status: PASSWORD_MIN_LENGTH >= 12 ? 'pass' : 'warn',
      detail: `Passwords need at least ${PASSWORD_MIN_LENGTH} characters, may not contain the email, and common passwords are refused; sign-in is throttled per account and address.`,
      remedy: 'Nothing to do; pair it with 2FA for admins.',
      items: [],
    },
  ];
  return {
    checkedAt: now.toISOString(),
    passed: checks.filter((item) => item.status === 'pass').length,
    failed: checks.filter((item) => item.status === 'fail').length,
    checks,
  };
}
