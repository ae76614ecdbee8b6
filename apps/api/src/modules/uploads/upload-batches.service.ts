// Batches of small files: each item is created, signed or completed exactly like a single call
// (same grants, limits, audit), but a folder of 600 files costs 12 HTTP calls instead of 1,800.
// Items fail on their own; a few run at once so one slow S3 answer does not hold the batch.
import {
  ErrorCode,
  type CompleteUploadBatchResponse,
  type CreateUploadBatchResponse,
} from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import type { Caller } from '../grants/permissions.service.js';
import { completeUpload } from './upload-completion.service.js';
import { createUpload, signParts, type UploadsDeps } from './uploads.service.js';

const ITEMS_IN_FLIGHT = 4;

type CreateInput = Parameters<typeof createUpload>[2];

/** Runs `work` over `items` with at most ITEMS_IN_FLIGHT at once, keeping the order. */
async function mapInFlight<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ITEMS_IN_FLIGHT, items.length) }, worker));
  return results;
}

/** An expected refusal (grant, limit, key taken…) becomes the item's error; bugs still throw. */
function itemError(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return { status: error.statusCode, code: error.code, detail: error.detail };
}

export async function createUploadBatch(
  deps: UploadsDeps,
  caller: Caller,
  items: CreateInput[],
): Promise<CreateUploadBatchResponse> {
  return {
    items: await mapInFlight(items, async (item) => {
      try {
        if (item.size > deps.singlePutMaxBytes)
          throw new AppError(
            ErrorCode.VALIDATION,
            `Batches take files up to ${deps.singlePutMaxBytes} bytes; start larger ones with POST /api/uploads.`,
          );
        const upload = await createUpload(deps, caller, item);
        const signed = await signParts(deps, caller, upload.id, [1]);
        return {
          ok: true as const,
          upload,
          url: signed.urls[0]!.url,
          headers: signed.headers,
          expiresAt: signed.expiresAt,
        };
      } catch (error) {
        return { ok: false as const, error: itemError(error) };
      }
    }),
  };
}

export async function completeUploadBatch(
  deps: UploadsDeps,
  caller: Caller,
  items: { id: string; etag: string }[],
): Promise<CompleteUploadBatchResponse> {
  return {
    items: await mapInFlight(items, async ({ id, etag }) => {
      try {
        const upload = await completeUpload(deps, caller, id, [{ partNumber: 1, etag }]);
        return { ok: true as const, upload };
      } catch (error) {
        return { ok: false as const, id, error: itemError(error) };
      }
    }),
  };
}
