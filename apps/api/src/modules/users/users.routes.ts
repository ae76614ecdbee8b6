// HTTP for user administration (admins) and the signed-in user's password change.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequest,
  CreateUserRequest,
  ListUsersQuery,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserList,
  UserView,
  UserWithOneTimePassword,
} from '@s3am/contracts';
import { actorOf, sessionActorOf } from '../auth/request-actor.js';
import {
  changeOwnPassword,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
  type UsersDeps,
} from './users.service.js';
import { problemResponses } from '../../plugins/errors.js';

const UserParams = z.object({ id: z.uuid() });

export function usersRoutes(app: FastifyInstance, deps: UsersDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const security = [{ bearerAuth: [] }];
  const tags = ['users'];
  const errors = problemResponses(400, 401, 403, 404, 409);

  api.get(
    '/api/users',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description:
          'Pages through all accounts, filtered by part of the email, role or disabled state and sorted by email, role, creation or last login (page size up to 200). Admins only; never returns password hashes or 2FA secrets.',
        summary: 'List users (search, sort, paginate)',
        querystring: ListUsersQuery,
        response: { 200: UserList, ...errors },
      },
    },
    (request) => listUsers(deps, request.query),
  );

  api.post(
    '/api/users',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description:
          'Creates an account with a role. A given password must meet the password policy (at least 12 characters); without one a one-time password is generated, returned once in this response, and must be changed at first sign-in. 409 when the email exists. Admins only; audited as `user.create`.',
        summary:
          'Create a user; without a password a one-time password is generated and returned once',
        body: CreateUserRequest,
        response: { 201: UserWithOneTimePassword, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(deps, actorOf(request), request.body)),
  );

  api.get(
    '/api/users/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description: 'One account by id. Admins only; 404 when there is no such user.',
        summary: 'One user',
        params: UserParams,
        response: { 200: UserView, ...errors },
      },
    },
    (request) => getUser(deps, request.params.id),
  );

  api.patch(
    '/api/users/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description:
          'Changes the role and/or the disabled flag. Disabling revokes every session and API token at once; demoting or disabling the last enabled admin is refused (409). Admins only; audited as `user.role_change`, `user.disable` or `user.enable`.',
        summary: 'Change role, or disable (revokes all sessions and tokens) / enable',
        params: UserParams,
        body: UpdateUserRequest,
        response: { 200: UserView, ...errors },
      },
    },
    (request) => updateUser(deps, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/users/:id/reset-password',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description:
          'Sets a new password for someone else (which they must change at next sign-in), or generates a one-time one returned once here; every session and API token of the user is revoked. Admins only; audited as `user.password_reset` (the password never is).',
        summary: 'Set a new password (or generate a one-time one); ends all sessions',
        params: UserParams,
        body: ResetPasswordRequest,
        response: { 200: UserWithOneTimePassword, ...errors },
      },
    },
    (request) => resetPassword(deps, actorOf(request), request.params.id, request.body.password),
  );

  api.delete(
    '/api/users/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        description:
          'Deletes the account and its sessions and tokens; audit events keep the actor’s email. Deleting the last enabled admin is refused (409). Admins only; audited as `user.delete`.',
        summary: 'Delete a user (their audit history is kept)',
        params: UserParams,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteUser(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/me/password',
    {
      onRequest: app.authenticate,
      config: { allowIncompleteAccount: true },
      schema: {
        tags,
        security,
        description:
          'Any signed-in user, also while a password change is required: checks the current password and the password policy, then stores the new one and clears `mustChangePassword`. Audited as `user.password_change`; the owner gets a notice (and an email when SMTP is configured).',
        summary: 'Change my password (current password required)',
        body: ChangePasswordRequest,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        deps,
        sessionActorOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send();
    },
  );
}
