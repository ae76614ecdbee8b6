// Tags and user metadata of one object. Tags replace the whole set (PutObjectTagging); metadata
// can only change by rewriting the object onto itself (CopyObject, REPLACE), keeping its content
// type and other headers. Both need write on the key, and both are audited (names, never values).
import { PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { ErrorCode, type PutMetadataRequest, type PutTagsRequest } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import { auditObject, clientFor, type FileOpsDeps } from './file-ops-deps.js';
import { copyObject, headOrNull } from './object-copy.js';

const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'No object with this key.');

export async function putTags(deps: FileOpsDeps, caller: Caller, input: PutTagsRequest) {
  await authorize(deps.db, caller, { ...input, action: 'write' }, deps.clock());
  const client = await clientFor(deps, input.connectionId);
  try {
    if (!(await headOrNull(client, input.bucket, input.key))) throw notFound();
    await client.send(
      new PutObjectTaggingCommand({
        Bucket: input.bucket,
        Key: input.key,
        Tagging: { TagSet: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })) },
      }),
    );
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
  await auditObject(deps, caller, 'files.tags', input, {
    tags: Object.keys(input.tags).sort().join(','),
  });
  return { key: input.key, tags: input.tags };
}

export async function putMetadata(deps: FileOpsDeps, caller: Caller, input: PutMetadataRequest) {
  await authorize(deps.db, caller, { ...input, action: 'write' }, deps.clock());
  const client = await clientFor(deps, input.connectionId);
  try {
    const head = await headOrNull(client, input.bucket, input.key);
    if (!head) throw notFound();
    await copyObject(
      client,
      {
        bucket: input.bucket,
        sourceKey: input.key,
        targetKey: input.key,
        metadata: input.metadata,
      },
      deps.copyLimits,
      head,
    );
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
  await auditObject(deps, caller, 'files.metadata', input, {
    names: Object.keys(input.metadata).sort().join(','),
  });
  return { key: input.key, metadata: input.metadata };
}
