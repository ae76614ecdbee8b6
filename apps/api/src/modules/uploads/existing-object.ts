// What an upload would replace: the object already at its key (found by listing, which
// least-privilege uploaders may do) and whether the bucket keeps the old version when it is
// replaced. Overwriting is deleting unless the bucket keeps versions.
import {
  GetBucketVersioningCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface ExistingObject {
  etag: string;
  /** Set when the bucket keeps versions: the replaced version stays readable under this id. */
  keptVersionId: string | null;
  versioned: boolean;
}

/** The ETag of the object at `key`, or null when there is none. */
export async function currentEtag(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<string | null> {
  // `key` is the shortest key with prefix `key`, so it sorts first when it exists.
  const page = await client.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }),
  );
  const first = page.Contents?.[0];
  return first?.Key === key ? (first.ETag ?? '') : null;
}

/** True only when S3 says versioning is Enabled; any refusal counts as "not versioned". */
async function keepsOldVersions(client: S3Client, bucket: string): Promise<boolean> {
  try {
    const answer = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    return answer.Status === 'Enabled';
  } catch {
    return false;
  }
}

export async function existingObject(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<ExistingObject | null> {
  const etag = await currentEtag(client, bucket, key);
  if (etag === null) return null;
  if (!(await keepsOldVersions(client, bucket)))
    return { etag, keptVersionId: null, versioned: false };
  const head = await client
    .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    .catch(() => undefined);
  return { etag, keptVersionId: head?.VersionId ?? null, versioned: true };
}
