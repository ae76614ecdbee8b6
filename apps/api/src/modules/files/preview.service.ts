// Short-lived presigned GETs for previews (and for downloading an older version): the browser
// fetches the bytes from storage itself; the link names the type it will be answered with.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ErrorCode, type PreviewLink } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import {
  effectiveContentType,
  previewKindOf,
  previewResponseType,
} from '../../lib/preview-kind.js';
import { findConnection } from '../connections/connections.service.js';
import { browserFacing, s3ClientFor } from '../connections/s3-client.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import { auditObject, type FileOpsDeps } from './file-ops-deps.js';
import { headOrNull } from './object-copy.js';

export async function previewLink(
  deps: FileOpsDeps,
  caller: Caller,
  input: {
    connectionId: string;
    bucket: string;
    key: string;
    versionId?: string | undefined;
    disposition: 'inline' | 'attachment';
  },
): Promise<PreviewLink> {
  await authorize(deps.db, caller, { ...input, action: 'read' }, deps.clock());
  const connection = await findConnection(deps.db, input.connectionId);
  const client = s3ClientFor(connection, deps);
  try {
    const head = await headOrNull(client, input.bucket, input.key, input.versionId);
    if (!head) throw new AppError(ErrorCode.NOT_FOUND, 'No object (or version) with this key.');
    const contentType = effectiveContentType(input.key, head.ContentType);
    const kind = previewKindOf(contentType);
    const responseType = previewResponseType(kind, contentType);
    const name = input.key.slice(input.key.lastIndexOf('/') + 1);
    const now = deps.clock();
    const ttl = Math.min(deps.previewTtlSeconds, deps.downloadTtlSeconds);
    const url = await getSignedUrl(
      s3ClientFor(browserFacing(connection), deps),
      new GetObjectCommand({
        Bucket: input.bucket,
        Key: input.key,
        VersionId: input.versionId,
        ResponseContentType: responseType,
        ResponseContentDisposition:
          input.disposition === 'attachment' ? attachmentDisposition(name) : 'inline',
      }),
      { expiresIn: ttl, signingDate: now },
    );
    await auditObject(deps, caller, 'files.preview_link', input, {
      disposition: input.disposition,
      ...(input.versionId ? { versionId: input.versionId } : {}),
    });
    return {
      url,
      expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
      contentType: responseType,
      kind,
      size: head.ContentLength ?? 0,
      etag: head.ETag ?? null,
    };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}
