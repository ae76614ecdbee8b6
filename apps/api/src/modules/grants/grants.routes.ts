// HTTP for grants, groups and effective permissions ("what can alice do?").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EffectivePermissions,
  GrantInput,
  GrantList,
  GrantUpdate,
  GrantView,
  GroupInput,
  GroupList,
  GroupView,
  ListGrantsQuery,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import {
  createGrant,
  deleteGrant,
  deleteGroup,
  listGrants,
  listGroups,
  saveGroup,
  updateGrant,
} from './grants.service.js';
import { effectivePermissions } from './permissions.service.js';

const Params = z.object({ id: z.uuid() });

export function grantsRoutes(app: FastifyInstance, options: { db: Db; clock: () => Date }): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['permissions'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404, 409);

  api.get(
    '/api/grants',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Lists grants with their grantee (user or group), connection, bucket, prefix, actions and expiry, optionally filtered by user, group or connection. Admins only.',
        summary: 'Grants, optionally for one user, group or connection',
        querystring: ListGrantsQuery,
        response: { 200: GrantList, ...errors },
      },
    },
    async (request) => ({ items: await listGrants(db, request.query) }),
  );
  api.post(
    '/api/grants',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          "Gives one user or one group (exactly one) list/read/write/delete on a bucket prefix of a connection, optionally until `expiresAt`. The prefix is normalised and matched on `/` boundaries (`''` is the whole bucket); 404 for an unknown connection, user or group. Admins only; audited as `grant.create`.",
        summary: 'Grant actions on a bucket prefix',
        body: GrantInput,
        response: { 201: GrantView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createGrant(db, actorOf(request), request.body)),
  );
  api.patch(
    '/api/grants/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Changes a grant’s actions and/or expiry; where it applies (grantee, bucket, prefix) is fixed, so make a new grant for that. Takes effect on the next request. Admins only; 404 when unknown; audited as `grant.update` with before and after.',
        summary: "Change a grant's actions or expiry",
        params: Params,
        body: GrantUpdate,
        response: { 200: GrantView, ...errors },
      },
    },
    async (request) => updateGrant(db, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/grants/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Deletes a grant; access it gave ends with the next request. Admins only; 404 when unknown; audited as `grant.delete`.',
        summary: 'Remove a grant',
        params: Params,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteGrant(db, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/groups',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description: 'Every group with its members’ ids and emails. Admins only.',
        summary: 'Groups with their members',
        response: { 200: GroupList, ...errors },
      },
    },
    async () => ({ items: await listGroups(db) }),
  );
  api.post(
    '/api/groups',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Creates a group with up to 1000 member user ids; grants can then name the group. 409 when the name exists. Admins only; audited as `group.create`.',
        summary: 'Create a group',
        body: GroupInput,
        response: { 201: GroupView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await saveGroup(db, actorOf(request), null, request.body)),
  );
  api.put(
    '/api/groups/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces the group’s name and its whole member list (members not listed leave the group). Admins only; 404 when unknown; audited as `group.update`.',
        summary: 'Rename a group and set its members',
        params: Params,
        body: GroupInput,
        response: { 200: GroupView, ...errors },
      },
    },
    (request) => saveGroup(db, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/groups/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Deletes the group, its memberships and every grant made to it. Admins only; 404 when unknown; audited as `group.delete`.',
        summary: 'Remove a group (its grants go with it)',
        params: Params,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteGroup(db, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/users/:id/permissions',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The effective permissions of one user: direct and group grants merged per connection, bucket and prefix, expired grants dropped, and actions capped by role (viewers only list and read; admins reach everything). Admins only; 404 for an unknown user.',
        summary: 'What a user can do, after groups, expiry and role',
        params: Params,
        response: { 200: EffectivePermissions, ...errors },
      },
    },
    (request) => effectivePermissions(db, request.params.id, options.clock()),
  );
  api.get(
    '/api/me/permissions',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'The caller’s own effective permissions, computed as for the admin view; the web app uses it to show only what the caller may do. Any authenticated user.',
        summary: 'What I can do',
        response: { 200: EffectivePermissions, ...errors },
      },
    },
    (request) => effectivePermissions(db, actorOf(request).userId, options.clock()),
  );
}
