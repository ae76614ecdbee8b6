// The upload API as the engine sees it (UploadApi), and its fetch implementation parsing with the contracts.
/// <reference lib="dom" />
import {
  CompleteUploadBatchResponse,
  CreateUploadBatchResponse,
  ProblemSchema,
  SignedParts,
  UploadLimits,
  UploadView,
  UploadedParts,
  type CompleteUploadBatchRequest,
  type CompleteUploadRequest,
  type CreateUploadBatchRequest,
  type CreateUploadRequest,
} from '@s3am/contracts';
import { type z } from 'zod';
import { parseRetryAfter } from './retry.js';
import { ServerClock } from './server-clock.js';
import { NetworkError, UploadApiError, isAbortError } from './upload-errors.js';

export interface UploadApi {
  create(request: CreateUploadRequest, signal?: AbortSignal): Promise<UploadView>;
  get(uploadId: string, signal?: AbortSignal): Promise<UploadView>;
  signParts(uploadId: string, partNumbers: number[], signal?: AbortSignal): Promise<SignedParts>;
  /** One page of the parts S3 holds; pass `nextMarker` back as `marker` until it is null. */
  listParts(uploadId: string, marker?: number, signal?: AbortSignal): Promise<UploadedParts>;
  complete(
    uploadId: string,
    parts: CompleteUploadRequest['parts'],
    signal?: AbortSignal,
  ): Promise<UploadView>;
  abort(uploadId: string, signal?: AbortSignal): Promise<void>;
  /** Server time now (ms since epoch), from the answers' Date headers; URL expiry is judged by it. */
  serverNow?(): number;
  /** What may be uploaded, and the size up to which files go up as one PUT (batchable). */
  limits?(signal?: AbortSignal): Promise<UploadLimits>;
  /** Creates up to 100 small (single-PUT) uploads and signs their PUTs; items fail on their own. */
  createBatch?(
    items: CreateUploadBatchRequest['items'],
    signal?: AbortSignal,
  ): Promise<CreateUploadBatchResponse>;
  /** Completes up to 100 single-PUT uploads; items fail on their own. */
  completeBatch?(
    items: CompleteUploadBatchRequest['items'],
    signal?: AbortSignal,
  ): Promise<CompleteUploadBatchResponse>;
}

export type HeaderMap = Record<string, string>;

export interface FetchUploadApiOptions {
  /** Origin of the API, e.g. "http://127.0.0.1:3000"; "" for same-origin in a browser. */
  baseUrl: string;
  /** Headers for every call (e.g. `{ authorization: 'Bearer …' }`); called each time, so tokens can refresh. */
  getAuthHeaders?: () => HeaderMap | Promise<HeaderMap>;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Path of the uploads API under baseUrl (default "/api/uploads"); a guest upload request's is
   * "/api/public/upload-requests/<token>/uploads".
   */
  uploadsPath?: string;
  /** Cookie policy for the API calls (default "same-origin"). */
  credentials?: RequestCredentials;
  /** The local clock (default Date.now); the server's is learnt from each answer's Date header. */
  now?: () => number;
}

/** Reads the first part of a body for error reports (S3 and problem+json bodies are small). */
const MAX_ERROR_BODY = 4096;

export function createFetchUploadApi(options: FetchUploadApiOptions): UploadApi {
  const base = `${options.baseUrl.replace(/\/+$/, '')}${options.uploadsPath ?? '/api/uploads'}`;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const localNow = options.now ?? Date.now;
  const clock = new ServerClock(localNow);

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<S>> {
    const headers: HeaderMap = {
      accept: 'application/json',
      ...(await options.getAuthHeaders?.()),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    const sentAt = localNow();
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: options.credentials ?? 'same-origin',
        signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new NetworkError(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
    const date = response.headers.get('date');
    clock.observe(date, sentAt, localNow());
    const text = await response.text();
    if (!response.ok) {
      const error = apiErrorFrom(response.status, text);
      // An HTTP-date Retry-After is read against the server's clock (its Date), not ours.
      const serverNow = date === null ? Number.NaN : Date.parse(date);
      error.retryAfterMs = parseRetryAfter(
        response.headers.get('retry-after'),
        Number.isNaN(serverNow) ? Date.now() : serverNow,
      );
      throw error;
    }
    if (schema === null) return undefined as z.infer<S>;
    return schema.parse(JSON.parse(text));
  }

  return {
    create: (request, signal) => call('POST', '', UploadView, request, signal),
    get: (uploadId, signal) =>
      call('GET', `/${encodeURIComponent(uploadId)}`, UploadView, undefined, signal),
    signParts: (uploadId, partNumbers, signal) =>
      call('POST', `/${encodeURIComponent(uploadId)}/parts`, SignedParts, { partNumbers }, signal),
    listParts: (uploadId, marker, signal) =>
      call(
        'GET',
        `/${encodeURIComponent(uploadId)}/parts${marker === undefined ? '' : `?marker=${marker}`}`,
        UploadedParts,
        undefined,
        signal,
      ),
    complete: (uploadId, parts, signal) =>
      call('POST', `/${encodeURIComponent(uploadId)}/complete`, UploadView, { parts }, signal),
    abort: async (uploadId, signal) => {
      await call('DELETE', `/${encodeURIComponent(uploadId)}`, null, undefined, signal);
    },
    serverNow: () => clock.now(),
    limits: (signal) => call('GET', '/limits', UploadLimits, undefined, signal),
    createBatch: (items, signal) =>
      call('POST', '/batch', CreateUploadBatchResponse, { items }, signal),
    completeBatch: (items, signal) =>
      call('POST', '/batch/complete', CompleteUploadBatchResponse, { items }, signal),
  };
}

/** Turns a failed answer into an UploadApiError, keeping the problem+json `code` when there is one. */
export function apiErrorFrom(status: number, text: string): UploadApiError {
  const body = text.slice(0, MAX_ERROR_BODY);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const problem = ProblemSchema.safeParse(parsed);
  if (problem.success) {
    return new UploadApiError(
      status,
      problem.data.code,
      problem.data.detail ?? problem.data.title,
      body,
    );
  }
  // Not our problem+json (a proxy's page, or a code this client does not know yet): keep what we can.
  const loose = parsed as { code?: unknown; detail?: unknown; title?: unknown } | undefined;
  const code = typeof loose?.code === 'string' ? loose.code : undefined;
  const detail =
    typeof loose?.detail === 'string'
      ? loose.detail
      : typeof loose?.title === 'string'
        ? loose.title
        : undefined;
  return new UploadApiError(status, code, detail, body);
}
