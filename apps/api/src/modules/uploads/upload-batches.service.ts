// Batches of small files: each item is checked like a single call (same grants, limits, key
// policy, signed headers, audit) and fails on its own, but the work is done for the batch at
// once: grants and connections read once, existing keys listed once per folder, the rows
// inserted, completed and audited in one statement each, the PUTs signed together. A folder of
// 1,000 files costs about 20 HTTP calls and a few dozen queries instead of 3,000 calls.
import { PutObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type CompleteUploadBatchResponse,
  type CreateUploadBatchResponse,
  type UploadView,
} from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import type { Caller, ObjectRequest } from '../grants/permissions.service.js';
import { quotaGuard } from '../quotas/quota-guard.js';
import {
  BATCH_CALLS_IN_FLIGHT,
  connectionsOf,
  failed,
  grantCheck,
  oncePerGroup,
  settleEach,
  type Settled,
} from './batch-items.js';
import { listedObjects, type ListedObject } from './batch-listing.js';
import { resolveKey } from './existing-key.js';
import { existingObject, type ExistingObject } from './existing-object.js';
import { createPartSigner } from './part-signer.js';
import { auditEach, view, withS3, type UploadsDeps } from './upload-access.js';
import { completeUpload } from './upload-completion.service.js';
import { insertUploads, markCompleted } from './upload-batches.repo.js';
import { assertInProgress, type Upload } from './upload-records.js';
import {
  clientHeaders,
  refuseIfNotAllowed,
  singlePutHeaders,
  startDetails,
  uploadRowData,
  type CreateInput,
} from './uploads.service.js';

type Listing = Map<string, ListedObject | null | undefined>;

/** Lists each (connection, bucket)'s keys of the batch once, folder by folder. */
function listingsOf(
  deps: UploadsDeps,
  entries: readonly { connection: S3Connection; bucket: string; key: string }[],
) {
  const keys = new Map<string, string[]>();
  const groupOf = (entry: { connection: S3Connection; bucket: string }) =>
    `${entry.connection.id}\u0000${entry.bucket}`;
  for (const entry of entries)
    keys.set(groupOf(entry), [...(keys.get(groupOf(entry)) ?? []), entry.key]);
  const once = oncePerGroup<Listing>();
  return (entry: { connection: S3Connection; bucket: string; key: string }) =>
    once(groupOf(entry), () =>
      withS3(deps, entry.connection, (client) =>
        listedObjects(client, entry.bucket, keys.get(groupOf(entry)) ?? []),
      ),
    ).then((listing) => listing.get(entry.key));
}

interface Checked {
  input: CreateInput;
  connection: S3Connection;
}

interface Decided extends Checked {
  key: string;
  replaces: ExistingObject | null;
}

/** Where each item goes: its key after the existing-key policy, and what it would replace. */
async function decideKeys(
  deps: UploadsDeps,
  checked: readonly Settled<Checked>[],
  mayDo: (request: ObjectRequest) => Promise<void>,
): Promise<Settled<Decided>[]> {
  const keyed = checked
    .filter((item): item is Checked => !failed(item) && item.input.onExisting !== 'overwrite')
    .map((item) => ({ ...item, bucket: item.input.bucket, key: item.input.key }));
  const stored = listingsOf(deps, keyed);
  return settleEach(checked, BATCH_CALLS_IN_FLIGHT, async (item) => {
    if (failed(item)) return item;
    const { input, connection } = item;
    const ref = { connectionId: input.connectionId, bucket: input.bucket };
    if (input.onExisting !== 'overwrite') {
      const found = await stored({ connection, bucket: input.bucket, key: input.key });
      if (found === null) return { ...item, key: input.key, replaces: null };
    }
    return withS3(deps, connection, async (client): Promise<Decided> => {
      if (input.onExisting === 'overwrite') {
        const replaces = await existingObject(client, input.bucket, input.key);
        // Replacing an object destroys it unless the bucket keeps the old version.
        if (replaces && !replaces.versioned)
          await mayDo({ ...ref, key: input.key, action: 'delete' });
        return { ...item, key: input.key, replaces };
      }
      // Taken (or in a folder too large to list): the single call's own check decides.
      const key = await resolveKey(client, input.bucket, input.key, input.onExisting);
      if (key !== input.key) await mayDo({ ...ref, key, action: 'write' });
      return { ...item, key, replaces: null };
    });
  });
}

/** Signs each new upload's single PUT with the headers the API decided (as signParts does). */
async function signAll(
  deps: UploadsDeps,
  rows: readonly { row: Upload; connection: S3Connection }[],
  now: Date,
) {
  const ttl = deps.singlePutUrlTtlSeconds;
  const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
  return settleEach(rows, BATCH_CALLS_IN_FLIGHT, async ({ row, connection }) =>
    withS3(deps, connection, async (client: S3Client) => {
      const headers = await singlePutHeaders(client, connection, row);
      const [url] = await createPartSigner(connection, client).presign(
        [{ method: 'PUT', bucket: row.bucket, key: row.key, headers }],
        ttl,
        now,
      );
      return { url: url!, headers: clientHeaders(headers), expiresAt };
    }),
  );
}

export async function createUploadBatch(
  deps: UploadsDeps,
  caller: Caller,
  items: CreateInput[],
): Promise<CreateUploadBatchResponse> {
  const now = deps.clock();
  const mayDo = await grantCheck(deps, caller, now);
  const connectionOf = connectionsOf(deps);
  const quota = await quotaGuard(deps, caller.userId, 'create');
  const checked = await settleEach(items, items.length, async (input): Promise<Checked> => {
    if (input.size > deps.singlePutMaxBytes)
      throw new AppError(
        ErrorCode.VALIDATION,
        `Batches take files up to ${deps.singlePutMaxBytes} bytes; start larger ones with POST /api/uploads.`,
      );
    const { connectionId, bucket, key } = input;
    await mayDo({ connectionId, bucket, key, action: 'write' });
    refuseIfNotAllowed(deps, input);
    await quota.admit(input);
    return { input, connection: await connectionOf(connectionId) };
  });
  const decided = await decideKeys(deps, checked, mayDo);

  const accepted = decided.filter((item): item is Decided => !failed(item));
  const records = accepted.map(({ input, key }) => ({
    id: randomUUID(),
    ...uploadRowData(caller, input, {
      key,
      s3UploadId: null,
      mode: 'single',
      plan: { partSize: input.size, partCount: 1 },
      now,
    }),
  }));
  const rows = await insertUploads(deps, records);
  const created = accepted.map((item, index) => ({ ...item, row: rows[index]! }));
  await auditEach(
    deps,
    caller,
    'upload.start',
    created.map(({ row, input, replaces }) => ({
      row,
      details: startDetails(input.size, 'single', replaces),
    })),
  );
  const signed = await signAll(deps, created, now);

  let next = 0;
  return {
    items: decided.map((item) => {
      if (failed(item)) return { ok: false as const, error: item.error };
      const index = next++;
      const signature = signed[index]!;
      if (failed(signature)) return { ok: false as const, error: signature.error };
      return { ok: true as const, upload: view(deps, created[index]!.row), ...signature };
    }),
  };
}

const bareEtag = (etag: string) => etag.replace(/"/g, '').toLowerCase();

export async function completeUploadBatch(
  deps: UploadsDeps,
  caller: Caller,
  items: { id: string; etag: string }[],
): Promise<CompleteUploadBatchResponse> {
  const now = deps.clock();
  const mayDo = await grantCheck(deps, caller, now);
  const connectionOf = connectionsOf(deps);
  const owned = await deps.db.upload.findMany({
    where: { id: { in: items.map((item) => item.id) }, ownerId: caller.userId },
  });
  const quota = await quotaGuard(deps, caller.userId, 'complete');
  const rows = new Map(owned.map((row) => [row.id, row]));
  const seen = new Set<string>();
  const checked = await settleEach(items, items.length, async ({ id, etag }) => {
    const row = rows.get(id);
    // Someone else's upload answers exactly like an unknown id.
    if (!row) throw new AppError(ErrorCode.UPLOAD_NOT_FOUND, 'No upload with this id.');
    if (seen.has(id))
      throw new AppError(ErrorCode.UPLOAD_NOT_IN_PROGRESS, 'This upload is named twice.');
    seen.add(id);
    assertInProgress(row);
    const { connectionId, bucket, key } = row;
    await mayDo({ connectionId, bucket, key, action: 'write' });
    return { row, etag, bucket, key, connection: await connectionOf(connectionId) };
  });
  type Ready = Exclude<(typeof checked)[number], { error: unknown }>;
  const stored = listingsOf(
    deps,
    checked.filter((item): item is Ready => !failed(item) && item.row.mode === 'single'),
  );

  type Completion = { done: UploadView } | { row: Upload; etag: string };
  const results = await settleEach(
    checked,
    BATCH_CALLS_IN_FLIGHT,
    async (item): Promise<Settled<Completion>> => {
      if (failed(item)) return item;
      const { row, etag, connection } = item;
      const listed = row.mode === 'single' ? await stored(item) : undefined;
      // The listing shows the file the client PUT: its size, and the ETag S3 answered that PUT
      // (the type was signed into the PUT URL, so S3 took no other). Anything else is checked
      // and, where needed, removed and recorded the long way, exactly as a single call does.
      // Over the quota too: the single call removes the file and says why.
      if (
        !listed ||
        listed.size !== Number(row.size) ||
        bareEtag(listed.etag) !== bareEtag(etag) ||
        (await quota.refusal({ ...row, size: listed.size })) !== null
      )
        return {
          done: await completeUpload(deps, caller, row.id, [{ partNumber: 1, etag }], quota),
        };
      const tags = Object.entries(row.tags as Record<string, string>);
      if (tags.length > 0)
        await withS3(deps, connection, (client) =>
          client.send(
            new PutObjectTaggingCommand({
              Bucket: row.bucket,
              Key: row.key,
              Tagging: { TagSet: tags.map(([Key, Value]) => ({ Key, Value })) },
            }),
          ),
        );
      return { row, etag: listed.etag };
    },
  );

  const updated = await markCompleted(
    deps,
    results.filter(
      (result): result is { row: Upload; etag: string } => !failed(result) && 'row' in result,
    ),
  );
  await quota.record(
    [...updated.values()]
      .filter((row) => row.state === 'completed')
      .map((row) => ({ ...row, size: Number(row.size) })),
  );
  await auditEach(
    deps,
    caller,
    'upload.complete',
    [...updated.values()].map((row) => ({
      row,
      details: {
        size: Number(row.size),
        parts: row.partCount,
        durationMs: now.getTime() - row.createdAt.getTime(),
      },
    })),
  );
  return {
    items: results.map((result, index) => {
      const id = items[index]!.id;
      if (failed(result)) return { ok: false as const, id, error: result.error };
      if ('done' in result) return { ok: true as const, upload: result.done };
      const row = updated.get(result.row.id);
      if (row?.state === 'completed') return { ok: true as const, upload: view(deps, row) };
      // Aborted (or failed) by another call between the check and the update.
      const gone = new AppError(
        ErrorCode.UPLOAD_NOT_IN_PROGRESS,
        `The upload is ${row?.state ?? 'gone'}; start a new one.`,
      );
      return {
        ok: false as const,
        id,
        error: { status: gone.statusCode, code: gone.code, detail: gone.detail },
      };
    }),
  };
}
