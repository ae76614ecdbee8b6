// Object versions where the bucket keeps them: the list (versions and delete markers, newest
// first; read), and restoring one by copying it over the current object (read + write).
import {
  GetBucketVersioningCommand,
  ListObjectVersionsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ErrorCode, type ObjectVersion, type ObjectVersions } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { isS3Error } from '../connections/connection-errors.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import { auditObject, clientFor, type FileOpsDeps } from './file-ops-deps.js';
import { copyObject, headOrNull } from './object-copy.js';

type Ref = { connectionId: string; bucket: string; key: string };

type VersioningState = ObjectVersions['versioning'];

async function versioningOf(client: S3Client, bucket: string): Promise<VersioningState> {
  try {
    const answer = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    if (answer.Status === 'Enabled') return 'enabled';
    return answer.Status === 'Suspended' ? 'suspended' : 'off';
  } catch (error) {
    // Some S3-compatible servers (the local one among them) do not implement versioning at all.
    if (isS3Error(error, 'NotImplemented') || isS3Error(error, 'MethodNotAllowed'))
      return 'unsupported';
    throw error;
  }
}

async function versionsOf(client: S3Client, ref: Ref): Promise<ObjectVersion[]> {
  const versions: ObjectVersion[] = [];
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  do {
    const page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: ref.bucket,
        Prefix: ref.key,
        KeyMarker: keyMarker,
        VersionIdMarker: versionMarker,
      }),
    );
    for (const v of page.Versions ?? [])
      if (v.Key === ref.key)
        versions.push({
          versionId: v.VersionId ?? 'null',
          isLatest: v.IsLatest ?? false,
          deleteMarker: false,
          size: v.Size ?? null,
          lastModified: v.LastModified?.toISOString() ?? null,
          etag: v.ETag ?? null,
        });
    for (const m of page.DeleteMarkers ?? [])
      if (m.Key === ref.key)
        versions.push({
          versionId: m.VersionId ?? 'null',
          isLatest: m.IsLatest ?? false,
          deleteMarker: true,
          size: null,
          lastModified: m.LastModified?.toISOString() ?? null,
          etag: null,
        });
    // Keys sort after ours once the listing moved past it: nothing more of ours follows.
    const passed = (page.NextKeyMarker ?? '') > ref.key;
    keyMarker = page.IsTruncated && !passed ? page.NextKeyMarker : undefined;
    versionMarker = page.NextVersionIdMarker;
  } while (keyMarker);
  return versions;
}

export async function listVersions(
  deps: FileOpsDeps,
  caller: Caller,
  ref: Ref,
): Promise<ObjectVersions> {
  await authorize(deps.db, caller, { ...ref, action: 'read' }, deps.clock());
  const client = await clientFor(deps, ref.connectionId);
  try {
    let state = await versioningOf(client, ref.bucket);
    let versions: ObjectVersion[] = [];
    if (state !== 'unsupported') {
      try {
        versions = await versionsOf(client, ref);
      } catch (error) {
        // The local server answers GetBucketVersioning but cannot list versions.
        if (!isS3Error(error, 'NotImplemented') && !isS3Error(error, 'MethodNotAllowed'))
          throw error;
        state = 'unsupported';
      }
    }
    // S3 lists each key's versions newest first, but the SDK splits versions and delete markers
    // into two lists: merge them by date, the latest first among equal dates.
    versions.sort(
      (a, b) =>
        (b.lastModified ?? '').localeCompare(a.lastModified ?? '') ||
        Number(b.isLatest) - Number(a.isLatest),
    );
    await auditObject(deps, caller, 'files.versions', ref);
    return { key: ref.key, versioning: state, versions };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
}

/**
 * HEAD of the version to restore. A HEAD answer has no body, so the status tells: 400 is a
 * version id storage never hands out (no such version), 405 a delete marker (nothing to copy).
 */
async function versionHead(client: S3Client, input: Ref & { versionId: string }) {
  try {
    return await headOrNull(client, input.bucket, input.key, input.versionId);
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 400) return null;
    if (status === 405)
      throw new AppError(
        ErrorCode.CONFLICT,
        'That version is a delete marker: it holds no content to restore. Pick an older version.',
      );
    throw error;
  }
}

/** Copies the version over the key, so it becomes the latest (the newer ones stay as versions). */
export async function restoreVersion(
  deps: FileOpsDeps,
  caller: Caller,
  input: Ref & { versionId: string },
): Promise<{ key: string; versionId: string | null }> {
  const now = deps.clock();
  await authorize(deps.db, caller, { ...input, action: 'read' }, now);
  await authorize(deps.db, caller, { ...input, action: 'write' }, now);
  const client = await clientFor(deps, input.connectionId);
  try {
    const state = await versioningOf(client, input.bucket);
    if (state === 'off' || state === 'unsupported')
      throw new AppError(
        ErrorCode.CONFLICT,
        state === 'off'
          ? 'This bucket keeps no versions: there is nothing to restore.'
          : 'This storage does not keep object versions: there is nothing to restore.',
      );
    const head = await versionHead(client, input);
    if (!head) throw new AppError(ErrorCode.NOT_FOUND, 'No such version of this object.');
    await copyObject(
      client,
      {
        bucket: input.bucket,
        sourceKey: input.key,
        sourceVersionId: input.versionId,
        targetKey: input.key,
      },
      deps.copyLimits,
      head,
    );
    const latest = await headOrNull(client, input.bucket, input.key);
    await auditObject(deps, caller, 'files.restore_version', input, {
      versionId: input.versionId,
    });
    return { key: input.key, versionId: latest?.VersionId ?? null };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}
