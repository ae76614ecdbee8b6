// Guest uploads through an upload request (`/u/:token`): the guest acts as a principal scoped to
// the request's folder. Each call finds the request by its token's hash and checks it again; the
// file runs through the ordinary upload engine (multipart or one presigned PUT, resumable) as an
// upload of the request's owner, so the owner's write grant, the server's limits, quotas and the
// audit all apply. The server names the file (request folder + sanitized name, renamed rather
// than overwriting), the request's limits are checked at create and again before completion, and
// guests never see the connection, bucket or folder: their upload records are masked.
import { ErrorCode, GUEST_BUCKET, type GuestUploadInfo, type UploadView } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { MAX_KEY_BYTES, truncateName } from '../../lib/key-rules.js';
import { extensionOf } from '../../lib/upload-rules.js';
import { hashToken } from '../../lib/secret-token.js';
import type { AuditContext } from '../audit/audit.service.js';
import { asGuestRefusal } from '../quotas/quota-guard.js';
import { auditLinkAccess, checkLink, ownerCaller } from '../shares/link-access.js';
import { completeUpload } from '../uploads/upload-completion.service.js';
import {
  abortUpload,
  createUpload,
  getUpload,
  listUploadedParts,
  signParts,
  type UploadsDeps,
} from '../uploads/uploads.service.js';

export interface GuestAccess {
  token: string;
  password: string | undefined;
  context: AuditContext;
}

/** Told when a guest's file has arrived (in-app notices are rows; this sends the email). */
export type ReceivedFileNotifier = (event: {
  ownerEmail: string;
  requestTitle: string | null;
  fileName: string;
  size: number;
}) => Promise<void>;

export interface GuestUploadsDeps extends UploadsDeps {
  notifyOwner?: ReceivedFileNotifier | undefined;
}

type RequestRow = NonNullable<
  Awaited<ReturnType<UploadsDeps['db']['uploadRequest']['findUnique']>>
>;

async function activeRequest(deps: UploadsDeps, access: GuestAccess, checkPassword: boolean) {
  const now = deps.clock();
  const row = await deps.db.uploadRequest.findUnique({
    where: { tokenHash: hashToken(access.token) },
  });
  if (!row) throw new AppError(ErrorCode.LINK_NOT_FOUND, 'There is no link at this address.');
  // Calls on an upload already started prove themselves by its id (122 random bits, handed only
  // to whoever passed the password): argon2 is paid once per file, not once per part.
  await checkLink(deps.db, 'upload_request', checkPassword ? row : { ...row, passwordHash: null }, {
    ...access,
    now,
  });
  return { row, owner: await ownerCaller(deps.db, row.ownerId, access.context), now };
}

/** What guests' records show: the request instead of the connection, the name without the folder. */
function masked(row: RequestRow, view: UploadView): UploadView {
  return {
    ...view,
    connectionId: row.id,
    bucket: GUEST_BUCKET,
    key: view.key.slice(row.prefix.length),
  };
}

/** The last path segment, without control or path characters, short enough for S3. */
export function safeFileName(name: string, prefix: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const named = clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
  return truncateName(named, MAX_KEY_BYTES - Buffer.byteLength(prefix, 'utf8') - 16);
}

function typeAllowed(allowed: readonly string[], name: string, contentType: string): boolean {
  if (allowed.length === 0) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return allowed.some((pattern) =>
    pattern.startsWith('.')
      ? extensionOf(name) === pattern
      : pattern.endsWith('/*')
        ? type.startsWith(pattern.slice(0, -1))
        : type === pattern,
  );
}

/** Files and bytes the request has taken so far (uploads not aborted or failed). */
async function taken(deps: UploadsDeps, requestId: string, completedOnly: boolean) {
  const files = await deps.db.uploadRequestFile.findMany({
    where: {
      uploadRequestId: requestId,
      ...(completedOnly ? { completedAt: { not: null } } : {}),
      upload: { state: { in: ['in_progress', 'completed'] } },
    },
    select: { size: true },
  });
  return { files: files.length, bytes: files.reduce((sum, f) => sum + Number(f.size), 0) };
}

function refuseBeyondLimits(row: RequestRow, used: { files: number; bytes: number }, size: number) {
  if (row.maxFiles !== null && used.files + 1 > row.maxFiles)
    throw new AppError(
      ErrorCode.UPLOAD_REQUEST_FULL,
      `This request takes at most ${row.maxFiles} file(s), and has them.`,
    );
  if (row.maxTotalBytes !== null && used.bytes + size > Number(row.maxTotalBytes))
    throw new AppError(
      ErrorCode.UPLOAD_REQUEST_FULL,
      `This request takes at most ${Number(row.maxTotalBytes).toLocaleString('en')} bytes in all; ` +
        `${Math.max(0, Number(row.maxTotalBytes) - used.bytes).toLocaleString('en')} are left.`,
    );
}

export async function guestUploadInfo(
  deps: UploadsDeps,
  access: GuestAccess,
): Promise<GuestUploadInfo> {
  const { row, now } = await activeRequest(deps, access, true);
  const used = await taken(deps, row.id, true);
  await auditLinkAccess(deps.db, {
    kind: 'upload_request',
    linkId: row.id,
    action: 'open',
    outcome: 'success',
    context: access.context,
    at: now,
  });
  return {
    id: row.id,
    title: row.title,
    expiresAt: row.expiresAt.toISOString(),
    maxFileBytes: row.maxFileBytes === null ? null : Number(row.maxFileBytes),
    maxTotalBytes: row.maxTotalBytes === null ? null : Number(row.maxTotalBytes),
    maxFiles: row.maxFiles,
    allowedTypes: row.allowedTypes,
    filesReceived: used.files,
    bytesReceived: used.bytes,
  };
}

export async function createGuestUpload(
  deps: UploadsDeps,
  access: GuestAccess,
  input: { key: string; size: number; contentType: string; lastModified?: number | undefined },
): Promise<UploadView> {
  const { row, owner } = await activeRequest(deps, access, true);
  const name = safeFileName(input.key, row.prefix);
  if (row.maxFileBytes !== null && input.size > Number(row.maxFileBytes))
    throw new AppError(
      ErrorCode.UPLOAD_TOO_LARGE,
      `Files may be at most ${Number(row.maxFileBytes).toLocaleString('en')} bytes here.`,
    );
  if (!typeAllowed(row.allowedTypes, name, input.contentType))
    throw new AppError(
      ErrorCode.UPLOAD_TYPE_NOT_ALLOWED,
      `Only these file types may be sent here: ${row.allowedTypes.join(', ')}.`,
    );
  refuseBeyondLimits(row, await taken(deps, row.id, false), input.size);
  const view = await createUpload(deps, owner, {
    connectionId: row.connectionId,
    bucket: row.bucket,
    key: `${row.prefix}${name}`,
    size: input.size,
    contentType: input.contentType,
    ...(input.lastModified === undefined ? {} : { lastModified: input.lastModified }),
    // Never replace anything: a taken name becomes `name (1).ext`, and S3 refuses to complete
    // over an object that appeared meanwhile (If-None-Match).
    onExisting: 'rename',
  }).catch(asGuestRefusal);
  await deps.db.uploadRequestFile.create({
    data: { uploadId: view.id, uploadRequestId: row.id, key: view.key, size: BigInt(view.size) },
  });
  return masked(row, view);
}

/** The request and the upload, which must have been started through this very request. */
async function guestUpload(deps: UploadsDeps, access: GuestAccess, uploadId: string) {
  const found = await activeRequest(deps, access, false);
  const file = await deps.db.uploadRequestFile.findUnique({ where: { uploadId } });
  if (!file || file.uploadRequestId !== found.row.id)
    throw new AppError(ErrorCode.UPLOAD_NOT_FOUND, 'No upload with this id.');
  return { ...found, file };
}

export async function getGuestUpload(deps: UploadsDeps, access: GuestAccess, id: string) {
  const { row, owner } = await guestUpload(deps, access, id);
  return masked(row, await getUpload(deps, owner, id));
}

export async function signGuestParts(
  deps: UploadsDeps,
  access: GuestAccess,
  id: string,
  partNumbers: number[],
) {
  const { owner } = await guestUpload(deps, access, id);
  return signParts(deps, owner, id, partNumbers);
}

export async function listGuestParts(
  deps: UploadsDeps,
  access: GuestAccess,
  id: string,
  marker: number | undefined,
) {
  const { owner } = await guestUpload(deps, access, id);
  return listUploadedParts(deps, owner, id, marker);
}

export async function abortGuestUpload(deps: UploadsDeps, access: GuestAccess, id: string) {
  const { owner } = await guestUpload(deps, access, id);
  await abortUpload(deps, owner, id);
}

export async function completeGuestUpload(
  deps: GuestUploadsDeps,
  access: GuestAccess,
  id: string,
  parts: { partNumber: number; etag: string }[],
): Promise<UploadView> {
  const { row, owner, file, now } = await guestUpload(deps, access, id);
  // Other requests' completions may have filled it since this file started.
  const done = await taken(deps, row.id, true);
  refuseBeyondLimits(row, done, Number(file.size));
  const view = await completeUpload(deps, owner, id, parts).catch(asGuestRefusal);
  await deps.db.uploadRequestFile.update({
    where: { uploadId: id },
    data: { completedAt: now, size: BigInt(view.size), key: view.key },
  });
  await auditLinkAccess(deps.db, {
    kind: 'upload_request',
    linkId: row.id,
    action: 'received',
    outcome: 'success',
    context: access.context,
    at: now,
    details: { bucket: row.bucket, key: view.key, size: view.size, uploadId: id },
  });
  // Not awaited: the file is stored and the in-app notice recorded; a mail server that is slow or
  // down must neither hold the guest's answer nor turn the finished upload into an error.
  void deps
    .notifyOwner?.({
      ownerEmail: owner.email,
      requestTitle: row.title,
      fileName: view.key.slice(row.prefix.length),
      size: view.size,
    })
    .catch(() => undefined);
  return masked(row, view);
}
