// Who is acting in a request, in the shape services record in the audit log.
import type { FastifyRequest } from 'fastify';
import type { Role } from '@s3am/contracts';
import { requirePrincipal, requireSession } from '../../plugins/auth.js';
import { auditContext } from '../audit/audit-context.js';
import type { AuditContext } from '../audit/audit.service.js';

export interface RequestActor extends AuditContext {
  userId: string;
  email: string;
  role: Role;
}

export function actorOf(request: FastifyRequest): RequestActor {
  const principal = requirePrincipal(request);
  return {
    ...auditContext(request),
    userId: principal.userId,
    email: principal.email,
    role: principal.role,
  };
}

/** For actions only an interactive sign-in may take (never an API token). */
export function sessionActorOf(request: FastifyRequest): RequestActor & { sessionId: string } {
  const principal = requireSession(request);
  return {
    ...auditContext(request),
    userId: principal.userId,
    email: principal.email,
    role: principal.role,
    sessionId: principal.sessionId,
  };
}
