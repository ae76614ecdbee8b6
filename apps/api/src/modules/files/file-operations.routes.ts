// HTTP for everyday file operations: move/rename/copy, folder deletes, tags, metadata, versions
// and preview links. Every route authorizes in its service against the caller's grants.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FileOperation,
  FileOperationParams,
  FolderRef,
  FolderSummary,
  MoveRequest,
  MoveResult,
  ObjectVersions,
  PreviewLink,
  PreviewUrlRequest,
  PutMetadataRequest,
  PutMetadataResult,
  PutTagsRequest,
  PutTagsResult,
  RestoreVersionRequest,
  RestoreVersionResult,
  VersionsQuery,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import type { FileOpsDeps } from './file-ops-deps.js';
import { getFolderOperation, startFolderOperation } from './folder-operations.service.js';
import { folderSummary, moveOrCopy } from './move.service.js';
import { putMetadata, putTags } from './object-properties.service.js';
import { previewLink } from './preview.service.js';
import { listVersions, restoreVersion } from './versions.service.js';

export function fileOperationsRoutes(app: FastifyInstance, deps: FileOpsDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { onRequest: app.authenticate };
  const schema = { tags: ['files'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404, 409, 502);

  api.post(
    '/api/files/move',
    {
      ...signedIn,
      schema: {
        ...schema,
        summary: 'Move, rename or copy an object or a folder (a folder becomes a queued operation)',
        description:
          'Server-side copy (UploadPartCopy above 5 GiB), then the source is deleted unless `copy`. ' +
          'Needs read on the source, write on the target, delete on the source for a move and ' +
          'delete on the target with `overwrite`. A folder answers 202 with the operation to poll.',
        body: MoveRequest,
        response: { 200: MoveResult, 202: MoveResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await moveOrCopy(deps, actorOf(request), request.body);
      return reply.code(result.kind === 'folder' ? 202 : 200).send(result);
    },
  );
  api.get(
    '/api/files/folder-summary',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Counts the objects and bytes under a prefix (ListObjectsV2, all pages), shown before a folder delete or move so the person knows what they are about to change. Needs `list` on the prefix; read-only.',
        summary: 'How many objects and bytes a folder holds (shown before a delete or move)',
        querystring: FolderRef,
        response: { 200: FolderSummary, ...errors },
      },
    },
    (request) => folderSummary(deps, actorOf(request), request.query),
  );
  api.post(
    '/api/files/delete-folder',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Queues a background operation that deletes every object under the prefix and answers 202 with it; poll `GET /api/files/operations/{id}` for progress. Needs `list` and `delete` on the prefix; audited as `files.delete_folder`.',
        summary: 'Delete a folder and everything in it (a queued operation; needs list + delete)',
        body: FolderRef,
        response: { 202: FileOperation, ...errors },
      },
    },
    async (request, reply) => {
      const operation = await startFolderOperation(deps, actorOf(request), {
        kind: 'delete',
        connectionId: request.body.connectionId,
        bucket: request.body.bucket,
        source: request.body.prefix,
        target: null,
        overwrite: false,
      });
      return reply.code(202).send(operation);
    },
  );
  api.get(
    '/api/files/operations/:id',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'State, counts and errors of a queued folder operation. Only the person who started it, or an admin, sees it (404 otherwise).',
        summary: 'Progress of a folder move, copy or delete I started',
        params: FileOperationParams,
        response: { 200: FileOperation, ...errors },
      },
    },
    (request) => getFolderOperation(deps, actorOf(request), request.params.id),
  );
  api.put(
    '/api/files/tags',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Replaces all tags of one object (at most 10, S3’s limit) with PutObjectTagging and returns them as stored. Needs `write` on the key; audited as `files.tags`.',
        summary: "Replace an object's tags (needs write)",
        body: PutTagsRequest,
        response: { 200: PutTagsResult, ...errors },
      },
    },
    (request) => putTags(deps, actorOf(request), request.body),
  );
  api.put(
    '/api/files/metadata',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Replaces all user metadata (x-amz-meta-*) of one object by copying it onto itself, keeping content type and other system headers, and returns the metadata as stored. Needs `write` on the key; audited as `files.metadata`.',
        summary:
          "Replace an object's user metadata (copied in place; content type kept; needs write)",
        body: PutMetadataRequest,
        response: { 200: PutMetadataResult, ...errors },
      },
    },
    (request) => putMetadata(deps, actorOf(request), request.body),
  );
  api.get(
    '/api/files/versions',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Lists the versions and delete markers of one key (newest first) together with the bucket’s versioning state (`unsupported` when the storage cannot list versions). Needs `read`; audited as `files.versions`.',
        summary: 'Versions and delete markers of an object (needs read)',
        querystring: VersionsQuery,
        response: { 200: ObjectVersions, ...errors },
      },
    },
    (request) => listVersions(deps, actorOf(request), request.query),
  );
  api.post(
    '/api/files/restore-version',
    {
      ...signedIn,
      schema: {
        ...schema,
        description:
          'Copies an older version over the key, so it becomes the current version again; history is kept. Needs `read` and `write` on the key; audited as `files.restore_version`.',
        summary: 'Make an older version the latest again (copied over it; needs read + write)',
        body: RestoreVersionRequest,
        response: { 200: RestoreVersionResult, ...errors },
      },
    },
    (request) => restoreVersion(deps, actorOf(request), request.body),
  );
  api.post(
    '/api/files/preview-url',
    {
      ...signedIn,
      config: { tokenScope: 'read' },
      schema: {
        ...schema,
        description:
          'Signs an inline GET (optionally of an older version) for the preview pane, valid for the short preview lifetime, and returns the content type so the client can choose a viewer. Needs `read`; audited as `files.preview_link`.',
        summary: 'A short-lived presigned GET for a preview (or an older version), with its type',
        body: PreviewUrlRequest,
        response: { 200: PreviewLink, ...errors },
      },
    },
    (request) => previewLink(deps, actorOf(request), request.body),
  );
}
