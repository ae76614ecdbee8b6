// Folder moves, copies and deletes as queued operations: who may start one, the row that holds
// its progress, and what its owner (or an admin) sees of it.
import { ErrorCode, type FileOperation } from '@s3am/contracts';
import type { FileOperation as FileOperationRow } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { auditObject, type FileOpsDeps } from './file-ops-deps.js';

export type FolderOperationKind = 'move' | 'copy' | 'delete';

export interface FolderOperationInput {
  kind: FolderOperationKind;
  connectionId: string;
  bucket: string;
  source: string;
  target: string | null;
  overwrite: boolean;
}

/** What each kind needs, checked when it is requested and again on every slice of the job. */
export async function authorizeFolderOperation(
  deps: Pick<FileOpsDeps, 'db' | 'clock'>,
  caller: Caller,
  input: FolderOperationInput,
): Promise<void> {
  const at = { connectionId: input.connectionId, bucket: input.bucket };
  const now = deps.clock();
  await authorize(deps.db, caller, { ...at, key: input.source, action: 'list' }, now);
  if (input.kind === 'delete') {
    await authorize(deps.db, caller, { ...at, key: input.source, action: 'delete' }, now);
    return;
  }
  await authorize(deps.db, caller, { ...at, key: input.source, action: 'read' }, now);
  if (input.kind === 'move')
    await authorize(deps.db, caller, { ...at, key: input.source, action: 'delete' }, now);
  const target = input.target ?? '';
  await authorize(deps.db, caller, { ...at, key: target, action: 'write' }, now);
  if (input.overwrite)
    await authorize(deps.db, caller, { ...at, key: target, action: 'delete' }, now);
}

const AUDIT_ACTION: Record<FolderOperationKind, string> = {
  move: 'files.move_folder',
  copy: 'files.copy_folder',
  delete: 'files.delete_folder',
};
export const auditActionOf = (kind: string) =>
  AUDIT_ACTION[kind as FolderOperationKind] ?? `files.${kind}_folder`;

/** Authorizes, records and queues a folder operation; the job does the work. */
export async function startFolderOperation(
  deps: FileOpsDeps,
  caller: Caller,
  input: FolderOperationInput,
): Promise<FileOperation> {
  await authorizeFolderOperation(deps, caller, input);
  const { userId, email, role: _role, ...auditContext } = caller;
  const row = await deps.db.fileOperation.create({
    data: {
      kind: input.kind,
      actorId: userId,
      actorEmail: email,
      auditContext: { ...auditContext },
      connectionId: input.connectionId,
      bucket: input.bucket,
      source: input.source,
      target: input.target,
      overwrite: input.overwrite,
    },
  });
  await auditObject(
    deps,
    caller,
    `${auditActionOf(input.kind)}.start`,
    {
      ...input,
      key: input.source,
    },
    { operationId: row.id, ...(input.target ? { target: input.target } : {}) },
  );
  try {
    await deps.enqueueFolderOperation(row.id);
  } catch {
    // The row stays queued: the worker's recovery pass picks up queued operations it never got.
  }
  return operationView(row);
}

export async function getFolderOperation(
  deps: Pick<FileOpsDeps, 'db'>,
  caller: Caller,
  id: string,
): Promise<FileOperation> {
  const row = await deps.db.fileOperation.findUnique({ where: { id } });
  // Someone else's operation is as unknown as a missing one: ids are not a way to probe.
  if (!row || (row.actorId !== caller.userId && caller.role !== 'admin'))
    throw new AppError(ErrorCode.NOT_FOUND, 'No such operation.');
  return operationView(row);
}

export function operationView(row: FileOperationRow): FileOperation {
  return {
    id: row.id,
    kind: row.kind as FileOperation['kind'],
    status: row.status as FileOperation['status'],
    connectionId: row.connectionId,
    bucket: row.bucket,
    source: row.source,
    target: row.target,
    totalObjects: row.totalObjects,
    totalBytes: row.totalBytes === null ? null : Number(row.totalBytes),
    doneObjects: row.doneObjects,
    doneBytes: Number(row.doneBytes),
    failedObjects: row.failedObjects,
    failures: (row.failures ?? []) as FileOperation['failures'],
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
