// What the file operations (move, folder jobs, tags, metadata, versions, previews) run with,
// and the audit record they share.
import type { S3Client } from '@aws-sdk/client-s3';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { s3ClientFor } from '../connections/s3-client.js';
import type { Caller } from '../grants/permissions.service.js';
import type { FilesDeps } from './files.service.js';
import type { CopyLimits } from './object-copy.js';

export interface FileOpsDeps extends FilesDeps {
  /** Hands a folder operation to the job queue (it runs in a worker, resumably). */
  enqueueFolderOperation(operationId: string): Promise<void>;
  copyLimits?: CopyLimits;
  /** Lifetime of preview links: short, they are fetched at once. */
  previewTtlSeconds: number;
}

export async function clientFor(deps: FilesDeps, connectionId: string): Promise<S3Client> {
  return s3ClientFor(await findConnection(deps.db, connectionId), deps);
}

/** A successful action on one object (or folder prefix) of a bucket. */
export function auditObject(
  deps: FilesDeps,
  caller: Caller,
  action: string,
  ref: { connectionId: string; bucket: string; key: string },
  details: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  return recordActorEvent(deps.db, caller, {
    at: deps.clock(),
    action,
    targetType: 'object',
    targetId: `${ref.bucket}/${ref.key}`,
    details: { connectionId: ref.connectionId, ...details },
  });
}
