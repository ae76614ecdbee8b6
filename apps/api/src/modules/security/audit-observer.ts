// Which audit events the detectors look at, as security events (failed sign-ins are not among
// them: the request observer counts the failed answer itself, once).
import type { FedAuditEvent } from '../audit/audit-feed.js';
import type { ObservedEvent } from './security-events.repo.js';

function bytesOf(details: FedAuditEvent['details']): number | null {
  const size = details.size;
  return typeof size === 'number' ? size : null;
}

export function securityEventFromAudit(event: FedAuditEvent): ObservedEvent | null {
  const base = {
    at: event.at,
    source: 'api' as const,
    ip: event.ip,
    userId: event.actorId,
    principal: event.actorEmail,
    userAgent: event.userAgent,
    requestId: event.requestId,
    auditSeq: event.seq,
  };
  const route = typeof event.details.route === 'string' ? event.details.route : null;
  switch (event.action) {
    case 'auth.login':
      return event.outcome === 'success' ? { ...base, kind: 'sign_in' } : null;
    case 'access.denied':
      return event.details.adminRoute === true ? { ...base, kind: 'admin.denied', route } : null;
    case 'upload.complete':
      return { ...base, kind: 'upload', bytes: bytesOf(event.details) };
    case 'files.read':
    case 'files.download_link':
      return { ...base, kind: 'object.read', bytes: bytesOf(event.details) };
    case 'files.delete':
      return { ...base, kind: 'object.delete', bytes: bytesOf(event.details) };
    // A folder delete (or move) runs in a worker and is audited once, with its totals: it counts
    // as one deletion of all its bytes (so the mass-delete rule's byte window sees it).
    case 'files.delete_folder':
    case 'files.move_folder': {
      const bytes = event.details.bytes;
      return { ...base, kind: 'object.delete', bytes: typeof bytes === 'number' ? bytes : null };
    }
    default:
      return null;
  }
}
