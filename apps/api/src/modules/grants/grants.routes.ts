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
        summary: 'What I can do',
        response: { 200: EffectivePermissions, ...errors },
      },
    },
    (request) => effectivePermissions(db, actorOf(request).userId, options.clock()),
  );
}
