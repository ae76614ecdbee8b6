// The upload engine's UploadApi over the typed client: the engine's calls become the client's
// route functions, and the client's errors become the engine's (so its retry rules still apply).
import { ApiError, NetworkError as ClientNetworkError, type ApiClient } from '@s3am/client';
import {
  NetworkError,
  UploadApiError,
  isAbortError,
  type ServerClock,
  type UploadApi,
} from '@s3am/uploader';

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAbortError(error)) throw error;
    if (error instanceof ApiError) {
      const engineError = new UploadApiError(
        error.status,
        error.code,
        error.detail,
        error.extra.body ?? '',
      );
      if (error.extra.retryAfterMs !== undefined)
        engineError.retryAfterMs = error.extra.retryAfterMs;
      throw engineError;
    }
    if (error instanceof ClientNetworkError)
      throw new NetworkError(error.message, { cause: error });
    throw error;
  }
}

export function uploadApiFor(client: ApiClient, clock: ServerClock): UploadApi {
  return {
    create: (request, signal) => translated(() => client.createUpload({ body: request, signal })),
    get: (id, signal) => translated(() => client.getUpload({ params: { id }, signal })),
    signParts: (id, partNumbers, signal) =>
      translated(() => client.signUploadParts({ params: { id }, body: { partNumbers }, signal })),
    listParts: (id, marker, signal) =>
      translated(() =>
        client.listUploadParts({
          params: { id },
          query: marker === undefined ? {} : { marker },
          signal,
        }),
      ),
    complete: (id, parts, signal) =>
      translated(() => client.completeUpload({ params: { id }, body: { parts }, signal })),
    abort: (id, signal) => translated(() => client.abortUpload({ params: { id }, signal })),
    serverNow: () => clock.now(),
    limits: (signal) => translated(() => client.uploadLimits({ signal })),
    createBatch: (items, signal) =>
      translated(() => client.createUploadBatch({ body: { items }, signal })),
    completeBatch: (items, signal) =>
      translated(() => client.completeUploadBatch({ body: { items }, signal })),
  };
}
