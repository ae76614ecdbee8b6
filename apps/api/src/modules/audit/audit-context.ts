// Who/where of a request, as recorded with every audit event.
import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit.service.js';

export function auditContext(request: FastifyRequest): AuditContext {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(userAgent ? { userAgent } : {}) };
}
