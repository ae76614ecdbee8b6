// Labels and colours shared by the Security page's tabs.
import type { AlertStatus, SecuritySeverity } from '@s3am/contracts';

export const SEVERITIES: SecuritySeverity[] = ['HIGH', 'MEDIUM', 'LOW'];

export const SEVERITY_COLOR: Record<SecuritySeverity, 'error' | 'warning' | 'info'> = {
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'info',
};

/** The label keys of severities (the codes in English, translated elsewhere). */
export const SEVERITY_LABEL = {
  HIGH: 'security.severityLevel.HIGH',
  MEDIUM: 'security.severityLevel.MEDIUM',
  LOW: 'security.severityLevel.LOW',
} as const satisfies Record<SecuritySeverity, string>;

/** The label keys of alert states. */
export const STATUS_LABEL = {
  open: 'security.status.open',
  acknowledged: 'security.status.acknowledged',
  resolved: 'security.status.resolved',
} as const satisfies Record<AlertStatus, string>;

/** An ISO timestamp for a datetime-local input (local time, minutes), or '' for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local input's value as an ISO timestamp, or null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
