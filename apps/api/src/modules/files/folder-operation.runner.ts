// Runs one slice of a folder operation: lists the source after the saved cursor and copies,
// moves or deletes object by object (deletes in batches of 1,000), saving progress as it goes.
// A slice stops after its budget and the job queues the next one, so a worker that dies loses at
// most the object in hand: the next slice starts again from the saved cursor.
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  type S3Client,
  type _Object,
} from '@aws-sdk/client-s3';
import { ErrorCode } from '@s3am/contracts';
import type { FileOperation as FileOperationRow } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import type { Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import { clientFor, type FileOpsDeps } from './file-ops-deps.js';
import { auditActionOf, authorizeFolderOperation } from './folder-operations.service.js';
import { copyObject, headOrNull } from './object-copy.js';

export type RunnerDeps = Omit<FileOpsDeps, 'enqueueFolderOperation' | 'previewTtlSeconds'>;

export interface SliceBudget {
  /** Stop after this many objects (tests use small numbers to cut a run short). */
  maxObjects?: number;
  /** Stop once this much time has passed. */
  maxMilliseconds?: number;
}

/** Failures listed on the operation; the count covers all of them. */
const MAX_LISTED_FAILURES = 100;
/** Counting stops here (the total stays unknown); the work itself goes on. */
const MAX_COUNTED_OBJECTS = 100_000;
/** Consecutive slices that may fail (storage unreachable) before the operation gives up. */
const MAX_FAILED_SLICES = 5;

type Failure = { key: string; message: string };

/** 'done' when the operation is finished (or was already), 'more' when another slice is due. */
export async function runFolderOperationSlice(
  deps: RunnerDeps,
  id: string,
  budget: SliceBudget = {},
): Promise<'done' | 'more'> {
  const row = await deps.db.fileOperation.findUnique({ where: { id } });
  if (!row || !['queued', 'running'].includes(row.status)) return 'done';
  const caller = await callerOf(deps, row);
  try {
    if (!caller)
      throw new AppError(ErrorCode.FORBIDDEN, 'The account that started this is gone or disabled.');
    await authorizeFolderOperation(deps, caller, {
      kind: row.kind as 'move' | 'copy' | 'delete',
      connectionId: row.connectionId,
      bucket: row.bucket,
      source: row.source,
      target: row.target,
      overwrite: row.overwrite,
    });
  } catch (error) {
    await finish(
      deps,
      row,
      caller,
      'failed',
      error instanceof AppError ? error.message : 'Not allowed.',
    );
    return 'done';
  }
  await deps.db.fileOperation.update({ where: { id }, data: { status: 'running' } });
  try {
    const client = await clientFor(deps, row.connectionId);
    if (row.totalObjects === null) await count(deps, client, row);
    const more = await work(deps, client, row, budget);
    await deps.db.fileOperation.update({ where: { id }, data: { attempts: 0 } });
    if (more) return 'more';
    const done = await deps.db.fileOperation.findUniqueOrThrow({ where: { id } });
    await finish(deps, done, caller, done.failedObjects > 0 ? 'partial' : 'succeeded', null);
    return 'done';
  } catch (error) {
    const failed = await deps.db.fileOperation.update({
      where: { id },
      data: { attempts: { increment: 1 } },
    });
    const reason = error instanceof AppError ? error : storageError(error);
    if (failed.attempts >= MAX_FAILED_SLICES) {
      await finish(deps, failed, caller, 'failed', reason.message);
      return 'done';
    }
    throw reason;
  }
}

async function callerOf(deps: RunnerDeps, row: FileOperationRow): Promise<Caller | null> {
  const user = await deps.db.user.findUnique({ where: { id: row.actorId } });
  if (!user || user.disabled) return null;
  return {
    ...(row.auditContext as AuditContext),
    userId: user.id,
    email: user.email,
    role: user.role,
  };
}

async function count(deps: RunnerDeps, client: S3Client, row: FileOperationRow): Promise<void> {
  let objects = 0;
  let bytes = 0;
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: row.bucket,
        Prefix: row.source,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      objects += 1;
      bytes += object.Size ?? 0;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && objects < MAX_COUNTED_OBJECTS);
  if (token) return; // too many to count up front: progress shows what is done
  await deps.db.fileOperation.update({
    where: { id: row.id },
    data: { totalObjects: objects, totalBytes: BigInt(bytes) },
  });
}

/** Works through pages after the cursor until the budget is spent: true when work is left. */
async function work(
  deps: RunnerDeps,
  client: S3Client,
  row: FileOperationRow,
  budget: SliceBudget,
): Promise<boolean> {
  const started = Date.now();
  let handled = 0;
  let cursor = row.cursor ?? undefined;
  const spent = () =>
    handled >= (budget.maxObjects ?? Infinity) ||
    Date.now() - started >= (budget.maxMilliseconds ?? Infinity);
  for (;;) {
    if (spent()) return true;
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: row.bucket,
        Prefix: row.source,
        StartAfter: cursor,
        MaxKeys: Math.min(
          row.kind === 'delete' ? 1000 : 100,
          (budget.maxObjects ?? Infinity) - handled,
        ),
      }),
    );
    const objects = (page.Contents ?? []).filter((o): o is _Object & { Key: string } => !!o.Key);
    if (objects.length === 0) return false;
    let finishedPage = true;
    if (row.kind === 'delete') {
      await deleteBatch(deps, client, row, objects);
      handled += objects.length;
      cursor = objects[objects.length - 1]!.Key;
    } else {
      for (const [index, object] of objects.entries()) {
        await transferOne(deps, client, row, object);
        handled += 1;
        cursor = object.Key;
        if (spent() && index < objects.length - 1) {
          finishedPage = false;
          break;
        }
      }
    }
    if (!finishedPage) return true;
    if (!page.IsTruncated) return false;
  }
}

async function transferOne(
  deps: RunnerDeps,
  client: S3Client,
  row: FileOperationRow,
  object: _Object & { Key: string },
): Promise<void> {
  const targetKey = `${row.target ?? ''}${object.Key.slice(row.source.length)}`;
  let failure: Failure | null = null;
  let bytes = 0;
  try {
    if (!row.overwrite && (await headOrNull(client, row.bucket, targetKey)))
      failure = { key: object.Key, message: `"${targetKey}" already exists; left as it is.` };
    else {
      bytes = await copyObject(
        client,
        { bucket: row.bucket, sourceKey: object.Key, targetKey },
        deps.copyLimits,
      );
      if (row.kind === 'move')
        await client.send(new DeleteObjectCommand({ Bucket: row.bucket, Key: object.Key }));
    }
  } catch (error) {
    failure = { key: object.Key, message: storageError(error).message };
  }
  await progress(deps, row.id, object.Key, failure ? 0 : 1, bytes, failure ? [failure] : []);
}

async function deleteBatch(
  deps: RunnerDeps,
  client: S3Client,
  row: FileOperationRow,
  objects: (_Object & { Key: string })[],
): Promise<void> {
  const result = await client.send(
    new DeleteObjectsCommand({
      Bucket: row.bucket,
      Delete: { Objects: objects.map((o) => ({ Key: o.Key })), Quiet: false },
    }),
  );
  const deleted = new Set((result.Deleted ?? []).map((d) => d.Key));
  const bytes = objects.filter((o) => deleted.has(o.Key)).reduce((s, o) => s + (o.Size ?? 0), 0);
  const failures = (result.Errors ?? []).map((e) => ({
    key: e.Key ?? '',
    message: e.Message ?? e.Code ?? 'failed',
  }));
  await progress(deps, row.id, objects[objects.length - 1]!.Key, deleted.size, bytes, failures);
}

async function progress(
  deps: RunnerDeps,
  id: string,
  cursor: string,
  doneObjects: number,
  doneBytes: number,
  failures: Failure[],
): Promise<void> {
  const current = await deps.db.fileOperation.findUniqueOrThrow({ where: { id } });
  const listed = current.failures as Failure[];
  await deps.db.fileOperation.update({
    where: { id },
    data: {
      cursor,
      doneObjects: { increment: doneObjects },
      doneBytes: { increment: BigInt(doneBytes) },
      failedObjects: { increment: failures.length },
      ...(failures.length > 0 && listed.length < MAX_LISTED_FAILURES
        ? { failures: [...listed, ...failures].slice(0, MAX_LISTED_FAILURES) }
        : {}),
    },
  });
}

async function finish(
  deps: RunnerDeps,
  row: FileOperationRow,
  caller: Caller | null,
  status: 'succeeded' | 'partial' | 'failed',
  error: string | null,
): Promise<void> {
  const done = await deps.db.fileOperation.update({
    where: { id: row.id },
    data: { status, error, finishedAt: deps.clock() },
  });
  await recordAudit(deps.db, {
    ...(row.auditContext as AuditContext),
    actorId: caller?.userId ?? row.actorId,
    actorEmail: caller?.email ?? row.actorEmail,
    outcome: status === 'failed' ? 'failure' : 'success',
    at: deps.clock(),
    action: auditActionOf(row.kind),
    targetType: 'object',
    targetId: `${row.bucket}/${row.source}`,
    details: {
      connectionId: row.connectionId,
      operationId: row.id,
      status,
      objects: done.doneObjects,
      bytes: Number(done.doneBytes),
      failed: done.failedObjects,
      ...(row.target ? { target: row.target } : {}),
      ...(error ? { error } : {}),
    },
  });
}
