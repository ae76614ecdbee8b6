// OpenAPI 3.1 generated from the zod contracts, served at /openapi.json. The interactive docs at
// /docs are a page of the web app (features/api-docs), so they can use the signed-in session.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { documentProblemResponses } from '../openapi/problem-responses.js';
import { assertRouteExamplesValid } from '../openapi/route-examples.js';

export const openapiPlugin = fp(
  async (app: FastifyInstance, options: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'S3 Access Manager API',
          version: options.version,
          description:
            'Self-hosted gateway between people and S3 buckets. Authenticate with `POST /api/auth/login` and send the access token as `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json with a stable `code`.',
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        tags: [
          { name: 'auth', description: 'Login, refresh and logout' },
          { name: 'system', description: 'Health, readiness and status' },
          { name: 'users', description: 'User administration (admins) and my password' },
          { name: 'sessions', description: 'My sessions' },
          {
            name: 'api-tokens',
            description: 'My personal API tokens (send as `Authorization: Bearer s3am_…`)',
          },
          { name: 'two-factor', description: 'My TOTP two-factor authentication' },
          { name: 'settings', description: 'Instance security settings (admins)' },
          { name: 'connections', description: 'S3 connections (admins)' },
          { name: 'permissions', description: 'Grants, groups and effective permissions' },
          { name: 'files', description: 'Browse, download and delete within your grants' },
          { name: 'audit', description: 'Tamper-evident audit log (admins)' },
          { name: 'migrations', description: 'Bucket-to-bucket migration jobs (admins)' },
          { name: 'reports', description: 'Upload activity reports (admins)' },
        ],
      },
      transform: (route) => {
        assertRouteExamplesValid(route);
        return jsonSchemaTransform(route);
      },
      transformObject: (document) => documentProblemResponses(jsonSchemaTransformObject(document)),
    });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
