// HTTP for the file browser. Every route authorizes against the caller's grants.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeleteObjectsRequest,
  DeleteObjectsResult,
  DownloadLink,
  DownloadLinkRequest,
  FileListing,
  FileLocations,
  FileLocationsQuery,
  ListFilesQuery,
  ObjectDetails,
  ObjectRef,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import {
  createFolder,
  deleteObjects,
  downloadLink,
  listFiles,
  listLocations,
  objectDetails,
  type FilesDeps,
} from './files.service.js';

export function filesRoutes(app: FastifyInstance, deps: FilesDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { onRequest: app.authenticate };
  const schema = { tags: ['files'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404);

  api.get(
    '/api/files/locations',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'Buckets and prefixes I may browse (or write to, read, delete in)',
        querystring: FileLocationsQuery,
        response: { 200: FileLocations, ...errors },
      },
    },
    async (request) => ({
      items: await listLocations(deps, actorOf(request), request.query.action),
    }),
  );
  api.get(
    '/api/files',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'One folder: sub-folders and objects, paged',
        querystring: ListFilesQuery,
        response: { 200: FileListing, ...errors },
      },
    },
    (request) => listFiles(deps, actorOf(request), request.query),
  );
  api.get(
    '/api/files/object',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'Object details (size, type, metadata, tags, encryption)',
        querystring: ObjectRef,
        response: { 200: ObjectDetails, ...errors },
      },
    },
    (request) => objectDetails(deps, actorOf(request), request.query),
  );
  api.post(
    '/api/files/download-url',
    {
      ...signedIn,
      config: { tokenScope: 'read' },
      schema: {
        ...schema,
        summary: 'A presigned download link (lifetime chosen up to the admin maximum)',
        body: DownloadLinkRequest,
        response: { 200: DownloadLink, ...errors },
      },
    },
    (request) => downloadLink(deps, actorOf(request), request.body),
  );
  api.post(
    '/api/files/delete',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'Delete objects (all keys must be allowed)',
        body: DeleteObjectsRequest,
        response: { 200: DeleteObjectsResult, ...errors },
      },
    },
    (request) => deleteObjects(deps, actorOf(request), request.body),
  );
  api.post(
    '/api/files/folder',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'Create a folder',
        body: ObjectRef,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await createFolder(deps, actorOf(request), request.body);
      return reply.code(204).send();
    },
  );
}
