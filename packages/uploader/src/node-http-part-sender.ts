// Sends a part with node:http(s) (Node only). fetch copies a Uint8Array body before sending it,
// so each part in flight cost its buffer plus a copy plus garbage; here the bytes go to the
// socket as they are (1 MiB views of the engine's reused part buffer), with keep-alive sockets.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { bodyLength, type PartSender, type SendPartRequest } from './part-sender.js';
import { parseRetryAfter } from './retry.js';
import { EtagNotExposedError, HttpError, NetworkError, abortError } from './upload-errors.js';

const MAX_ERROR_BODY = 4096;
/** Progress granularity: the body is written as views of this size (no copies). */
const WRITE_CHUNK = 1024 * 1024;

export interface NodeHttpPartSenderOptions {
  /** Sockets per S3 host (default 16). */
  maxSockets?: number;
  /** A socket silent this long fails the PUT as a network error, to be retried (default 120 s). */
  idleTimeoutMs?: number;
}

export class NodeHttpPartSender implements PartSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly idleTimeoutMs: number;

  constructor(options: NodeHttpPartSenderOptions = {}) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16 };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
  }

  send({ url, headers, body, signal, onProgress }: SendPartRequest): Promise<{ etag: string }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const length = bodyLength(body);
      const request = (secure ? https : http).request(target, {
        method: 'PUT',
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers: { 'content-length': String(length), ...headers },
        timeout: this.idleTimeoutMs,
      });
      let settled = false;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        // Whatever happened, nothing may read the body after this: the buffer is reused.
        if (!request.writableFinished) request.destroy();
        action();
      };
      const onAbort = (): void =>
        settle(() => {
          request.destroy();
          reject(abortError());
        });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('timeout', () =>
        settle(() => reject(new NetworkError('The request to S3 timed out'))),
      );
      request.on('error', (error) =>
        settle(() => reject(new NetworkError(error.message, { cause: error }))),
      );
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept >= MAX_ERROR_BODY) return;
          chunks.push(chunk);
          kept += chunk.length;
        });
        response.on('error', (error) =>
          settle(() => reject(new NetworkError(error.message, { cause: error }))),
        );
        response.on('end', () =>
          settle(() => {
            if (status < 200 || status >= 300) {
              const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
              const error = new HttpError(status, text);
              const retryAfter = response.headers['retry-after'];
              error.retryAfterMs = parseRetryAfter(
                typeof retryAfter === 'string' ? retryAfter : null,
              );
              reject(error);
              return;
            }
            const etag = response.headers.etag;
            if (!etag) {
              reject(new EtagNotExposedError());
              return;
            }
            onProgress?.(length);
            resolve({ etag });
          }),
        );
      });
      if (body instanceof Uint8Array) {
        let written = 0;
        for (let offset = 0; offset < body.byteLength; offset += WRITE_CHUNK) {
          const view = body.subarray(offset, Math.min(body.byteLength, offset + WRITE_CHUNK));
          request.write(view, () => {
            written += view.byteLength;
            if (!settled && written < length) onProgress?.(written);
          });
        }
        request.end();
      } else {
        Readable.fromWeb(body.stream() as Parameters<typeof Readable.fromWeb>[0])
          .on('error', (error) =>
            settle(() => reject(new NetworkError(error.message, { cause: error }))),
          )
          .pipe(request);
      }
    });
  }

  /** Closes the kept sockets (call when the uploads are over, so the process can exit). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
