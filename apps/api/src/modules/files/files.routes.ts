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
  const errors = problemResponses(400, 401, 403, 404, 409, 502);

  api.get(
    '/api/files/locations',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Where the caller may `list` (or, with `action`, read/write/delete): the granted connection, bucket and prefix entries after groups, expiry and role cap; admins get every configured bucket. Any authenticated user; the web app builds its location picker from it.',
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
        description:
          'Lists one level under `prefix` (delimiter `/`) with sub-folders and objects, up to `maxKeys` (1–1000, default 200) per page, continued with `continuationToken`. Needs `list` on the prefix (403 `GRANT_DENIED`, audited as denied); S3 is called with the connection’s credentials, never the caller’s.',
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
        description:
          'HeadObject plus tags for one key: size, content type, ETag, user metadata, tags and server-side encryption. Needs `read` on the key; 404 when the object does not exist. Audited as `files.read`.',
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
        description:
          'Signs a GET for one object with an attachment Content-Disposition, valid for `expiresInSeconds` but never longer than the instance maximum; the bytes go straight from S3 to the client. Needs `read`; audited as `files.download_link` with the lifetime (the URL itself is never logged).',
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
        description:
          'Deletes up to 1000 keys in one bucket with DeleteObjects. Every key is authorized for `delete` first and the whole request is refused (403) if one is not; per-key S3 failures come back in `errors`. Audited as `files.delete` with the keys.',
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
        description:
          'Creates an empty folder marker (a zero-byte object; `/` is appended to the key when missing). Needs `write` on the new key; 409 `OBJECT_EXISTS` when a folder or object already has that name, nothing is overwritten. Audited as `files.create_folder`.',
        summary: 'Create a folder',
        body: ObjectRef.meta({
          examples: [
            {
              connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
              bucket: 'team-media',
              key: 'projects/launch/drafts/',
            },
          ],
        }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await createFolder(deps, actorOf(request), request.body);
      return reply.code(204).send();
    },
  );
}
