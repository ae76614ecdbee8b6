// Rename, move and copy: one object at once (server-side copy, then delete the source for a move);
// a folder becomes a queued operation. Needs read on the source, write on the target, delete on
// the source for a move and delete on the target to overwrite.
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ErrorCode, type FolderSummary, type MoveResult } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import { auditObject, clientFor, type FileOpsDeps } from './file-ops-deps.js';
import { startFolderOperation } from './folder-operations.service.js';
import { copyObject, headOrNull } from './object-copy.js';

export interface MoveInput {
  connectionId: string;
  bucket: string;
  from: string;
  to: string;
  copy: boolean;
  overwrite: boolean;
}

export async function moveOrCopy(
  deps: FileOpsDeps,
  caller: Caller,
  input: MoveInput,
): Promise<MoveResult> {
  if (input.from.endsWith('/'))
    return {
      kind: 'folder',
      operation: await startFolderOperation(deps, caller, {
        kind: input.copy ? 'copy' : 'move',
        connectionId: input.connectionId,
        bucket: input.bucket,
        source: input.from,
        target: input.to,
        overwrite: input.overwrite,
      }),
    };
  const at = { connectionId: input.connectionId, bucket: input.bucket };
  const now = deps.clock();
  await authorize(deps.db, caller, { ...at, key: input.from, action: 'read' }, now);
  if (!input.copy)
    await authorize(deps.db, caller, { ...at, key: input.from, action: 'delete' }, now);
  await authorize(deps.db, caller, { ...at, key: input.to, action: 'write' }, now);
  if (input.overwrite)
    await authorize(deps.db, caller, { ...at, key: input.to, action: 'delete' }, now);
  const client = await clientFor(deps, input.connectionId);
  try {
    const source = await headOrNull(client, input.bucket, input.from);
    if (!source) throw new AppError(ErrorCode.NOT_FOUND, 'No object with this key.');
    if (!input.overwrite && (await headOrNull(client, input.bucket, input.to)))
      throw new AppError(
        ErrorCode.OBJECT_EXISTS,
        `"${input.to}" already exists; nothing was changed. Choose another name or overwrite it.`,
      );
    const bytes = await copyObject(
      client,
      { bucket: input.bucket, sourceKey: input.from, targetKey: input.to },
      deps.copyLimits,
      source,
    );
    if (!input.copy)
      await client.send(new DeleteObjectCommand({ Bucket: input.bucket, Key: input.from }));
    await auditObject(
      deps,
      caller,
      input.copy ? 'files.copy' : 'files.move',
      {
        ...at,
        key: input.from,
      },
      { to: input.to, bytes, overwrite: input.overwrite },
    );
    return { kind: 'object', key: input.to, copied: input.copy };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}

const SUMMARY_LIMIT = 100_000;

/** Objects and bytes under a folder (what a delete or move would touch), shown before asking. */
export async function folderSummary(
  deps: FileOpsDeps,
  caller: Caller,
  ref: { connectionId: string; bucket: string; prefix: string },
): Promise<FolderSummary> {
  await authorize(
    deps.db,
    caller,
    { connectionId: ref.connectionId, bucket: ref.bucket, key: ref.prefix, action: 'list' },
    deps.clock(),
  );
  const client = await clientFor(deps, ref.connectionId);
  let objects = 0;
  let bytes = 0;
  let token: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: ref.bucket,
          Prefix: ref.prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        objects += 1;
        bytes += object.Size ?? 0;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && objects < SUMMARY_LIMIT);
  } catch (error) {
    throw storageError(error);
  }
  return { prefix: ref.prefix, objects, bytes, complete: token === undefined };
}
