// How an event's target reads: by the name its details carry (an email, a file key, a grant's
// grantee…) rather than a bare id; the short id is the fallback.
import type { AuditEventView } from '@s3am/contracts';

const NAME_FIELDS = ['email', 'name', 'key', 'grantee', 'from', 'prefix', 'bucket'] as const;

export function targetName(event: AuditEventView): string | null {
  for (const field of NAME_FIELDS) {
    const value = event.details[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** "user alice@example.org", "grant 1a2b3c4d", or '—'. */
export function describeTarget(event: AuditEventView): string {
  if (!event.targetType) return '—';
  return `${event.targetType} ${targetName(event) ?? event.targetId?.slice(0, 8) ?? ''}`.trim();
}
