// HTTP for the defender (admins): IP blocks and allow-lists. Changes apply on every instance at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AllowList,
  AllowListEntryView,
  CreateAllowListEntryRequest,
  CreateIpBlockRequest,
  IdParam,
  IpBlockList,
  IpBlockView,
} from '@s3am/contracts';
import { requirePrincipal } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import {
  addAllowEntry,
  addBlock,
  listAllowEntries,
  listBlocks,
  removeAllowEntry,
  removeBlock,
  toBlockView,
} from './blocks.service.js';
import type { SecurityRoutesOptions } from './security.routes.js';

function actorOf(request: FastifyRequest) {
  const principal = requirePrincipal(request);
  return { ...auditContext(request), userId: principal.userId, email: principal.email };
}

export function securityDefenderRoutes(app: FastifyInstance, options: SecurityRoutesOptions): void {
  const { db, monitor, clock } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['security'], security: [{ bearerAuth: [] }] };
  /** The change is applied here first, then announced to the other instances. */
  const changed = async () => {
    await monitor.defender.reload();
    await monitor.bus.publish({ type: 'blocks' });
  };

  api.get(
    '/api/security/blocks',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Manual and automatic IP blocks that are in force, with reason, origin and expiry. Blocked addresses are refused before authentication on every route. Admins only.',
        summary: 'IP blocks in force',
        response: { 200: IpBlockList, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await listBlocks(db, clock()) }),
  );

  api.post(
    '/api/security/blocks',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Blocks an address or CIDR range on every API instance at once, until `expiresAt` or until removed. Admins only; audited as `security.block_add`.',
        summary: 'Block an IP address or CIDR range (until expiresAt, or until removed)',
        body: CreateIpBlockRequest,
        response: { 201: IpBlockView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const block = await addBlock(db, actorOf(request), request.body, clock());
      monitor.defender.addLocal(block);
      await changed();
      return reply.code(201).send(toBlockView(block));
    },
  );

  api.delete(
    '/api/security/blocks/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Lifts a block at once on every instance. Admins only; 404 when unknown; audited as `security.block_remove`.',
        summary: 'Remove an IP block',
        params: IdParam,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeBlock(db, actorOf(request), request.params.id);
      await changed();
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/security/allow-list',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The global allow-list (when it has entries, only listed ranges reach the API) and per-user lists (limit where one account may sign in and use tokens from). Admins only.',
        summary: 'Global and per-user IP allow-lists',
        response: { 200: AllowList, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await listAllowEntries(db) }),
  );

  api.post(
    '/api/security/allow-list',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Adds an address or range to the global allow-list or to one user’s list (404 for an unknown user). Admins only; audited as `security.allow_add`.',
        summary:
          'Allow a range globally (then only listed ranges reach the API) or for one user (sign-in and tokens)',
        body: CreateAllowListEntryRequest,
        response: { 201: AllowListEntryView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const entry = await addAllowEntry(db, actorOf(request), request.body);
      await changed();
      return reply.code(201).send(entry);
    },
  );

  api.delete(
    '/api/security/allow-list/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Removes one allow-list entry. Admins only; 404 when unknown; audited as `security.allow_remove`.',
        summary: 'Remove an allow-list entry',
        params: IdParam,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeAllowEntry(db, actorOf(request), request.params.id);
      await changed();
      return reply.code(204).send();
    },
  );
}
