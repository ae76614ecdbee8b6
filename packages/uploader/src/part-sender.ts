// Sends one part's bytes to its presigned URL: fetch (Node, CLI) or XMLHttpRequest (browser, with upload progress).
/// <reference lib="dom" />
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  abortError,
  isAbortError,
} from './upload-errors.js';
import { parseRetryAfter } from './retry.js';

export type PartBody = Blob | Uint8Array;

export interface SendPartRequest {
  url: string;
  /** Signed headers: sent exactly as given. */
  headers: Record<string, string>;
  body: PartBody;
  signal?: AbortSignal;
  /** Bytes of this part sent so far. */
  onProgress?: (loaded: number) => void;
}

export interface PartSender {
  send(request: SendPartRequest): Promise<{ etag: string }>;
}

const MAX_ERROR_BODY = 4096;

export function bodyLength(body: PartBody): number {
  return body instanceof Uint8Array ? body.byteLength : body.size;
}

/**
 * PUT with fetch. Presigned URLs carry their own authorization, so no cookies or credentials are
 * sent. fetch cannot report upload progress, so progress jumps by whole parts.
 */
export class FetchPartSender implements PartSender {
  private readonly fetch: typeof fetch;

  constructor(options: { fetch?: typeof fetch } = {}) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async send({
    url,
    headers,
    body,
    signal,
    onProgress,
  }: SendPartRequest): Promise<{ etag: string }> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'PUT',
        headers,
        // A Uint8Array view may sit in a larger buffer; fetch sends exactly the view.
        body: body as BodyInit,
        credentials: 'omit',
        signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new NetworkError(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      const error = new HttpError(response.status, text.slice(0, MAX_ERROR_BODY));
      error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw error;
    }
    // Drain the (empty) body so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    const etag = response.headers.get('etag');
    if (!etag) throw new EtagNotExposedError();
    onProgress?.(bodyLength(body));
    return { etag };
  }
}

/** PUT with XMLHttpRequest: the browser's only way to get upload progress events. */
export class XhrPartSender implements PartSender {
  private readonly createXhr: () => XMLHttpRequest;

  constructor(options: { createXhr?: () => XMLHttpRequest } = {}) {
    this.createXhr = options.createXhr ?? (() => new XMLHttpRequest());
  }

  send({ url, headers, body, signal, onProgress }: SendPartRequest): Promise<{ etag: string }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const xhr = this.createXhr();
      const onAbortSignal = (): void => xhr.abort();
      const settle = (action: () => void): void => {
        signal?.removeEventListener('abort', onAbortSignal);
        xhr.upload.onprogress = null;
        xhr.onload = xhr.onerror = xhr.onabort = xhr.ontimeout = null;
        action();
      };
      xhr.open('PUT', url);
      xhr.withCredentials = false;
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => onProgress?.(event.loaded);
      xhr.onload = () =>
        settle(() => {
          if (xhr.status < 200 || xhr.status >= 300) {
            const error = new HttpError(
              xhr.status,
              String(xhr.responseText ?? '').slice(0, MAX_ERROR_BODY),
            );
            error.retryAfterMs = parseRetryAfter(xhr.getResponseHeader('Retry-After'));
            reject(error);
            return;
          }
          // null when the bucket's CORS rule does not list ETag in ExposeHeaders.
          const etag = xhr.getResponseHeader('ETag');
          if (!etag) {
            reject(new EtagNotExposedError());
            return;
          }
          onProgress?.(bodyLength(body));
          resolve({ etag });
        });
      xhr.onerror = () => settle(() => reject(new NetworkError('The connection to S3 failed')));
      xhr.ontimeout = () => settle(() => reject(new NetworkError('The request to S3 timed out')));
      xhr.onabort = () => settle(() => reject(abortError()));
      signal?.addEventListener('abort', onAbortSignal, { once: true });
      // XHR takes a Blob or an ArrayBufferView alike.
      xhr.send(body as XMLHttpRequestBodyInit);
    });
  }
}
