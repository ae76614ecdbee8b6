// The uploader's error types, and one function turning any failure into a sentence for a person.

/** An HTTP answer that was not a success (a presigned PUT to S3, or an API call). */
export class HttpError extends Error {
  /** From a Retry-After header: the server's own idea of when to try again. */
  retryAfterMs: number | undefined = undefined;

  constructor(
    readonly status: number,
    /** The start of the response body: S3 puts its XML error (e.g. "Request has expired") here. */
    readonly body: string,
    message?: string,
  ) {
    super(message ?? `HTTP ${status}`);
    this.name = 'HttpError';
  }
}

/** The request never got an HTTP answer: connection refused, reset, DNS, offline, timeout. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** An API call answered with problem+json: `code` is the stable ErrorCode (when the body had one). */
export class UploadApiError extends HttpError {
  constructor(
    status: number,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    body: string,
  ) {
    super(status, body, detail ?? `${code ?? 'HTTP_ERROR'} (HTTP ${status})`);
    this.name = 'UploadApiError';
  }
}

/** The PUT to S3 succeeded but the browser would not let us read its ETag header. */
export class EtagNotExposedError extends Error {
  constructor() {
    super(
      'S3 accepted the part but its ETag header is not readable: the bucket CORS rule must expose it. ' +
        'Add "ExposeHeaders": ["ETag"] to the bucket\'s CORS configuration (an admin can apply the ' +
        "recommended CORS rule from the connection's page), then resume the upload.",
    );
    this.name = 'EtagNotExposedError';
  }
}

/** The object S3 assembled does not match the file we sent (size or ETag). */
export class UploadVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadVerificationError';
  }
}

/** The local file changed while it was being uploaded: its parts no longer belong together. */
export class FileChangedError extends Error {
  constructor(readonly fileName: string) {
    super(
      `"${fileName}" changed on disk during the upload; start it again to send the new content.`,
    );
    this.name = 'FileChangedError';
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** A DOMException-like AbortError without depending on DOMException being global. */
export function abortError(message = 'The upload was stopped'): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/**
 * What went wrong, as a kind and its values: the one place that tells failures apart. The engine
 * and the CLI word it in English (describeUploadError); the web app words it in the person's
 * language. `sentence` kinds carry their own words (the CORS advice, a failed verification).
 */
export type UploadFailure =
  | { kind: 'sentence'; text: string }
  | { kind: 'fileChanged'; name: string }
  | { kind: 'network'; message: string }
  | { kind: 'sessionEnded' }
  | { kind: 'notAllowed'; reason: string }
  | { kind: 'serverRefused'; reason: string }
  | { kind: 's3Exists' }
  | { kind: 's3PartRefused' }
  | { kind: 's3Status'; status: number };

export function uploadFailureOf(error: unknown): UploadFailure {
  if (error instanceof EtagNotExposedError || error instanceof UploadVerificationError)
    return { kind: 'sentence', text: error.message };
  if (error instanceof FileChangedError) return { kind: 'fileChanged', name: error.fileName };
  if (error instanceof NetworkError) return { kind: 'network', message: error.message };
  if (error instanceof UploadApiError) {
    if (error.status === 401) return { kind: 'sessionEnded' };
    if (error.status === 403)
      return { kind: 'notAllowed', reason: error.detail ?? error.code ?? 'forbidden' };
    return {
      kind: 'serverRefused',
      reason: error.detail ?? error.code ?? `HTTP ${error.status}`,
    };
  }
  if (error instanceof HttpError) {
    if (error.status === 412) return { kind: 's3Exists' };
    if (error.status === 403) return { kind: 's3PartRefused' };
    return { kind: 's3Status', status: error.status };
  }
  return { kind: 'sentence', text: error instanceof Error ? error.message : String(error) };
}

/** One human sentence (English) for any failure the engine reports. */
export function describeUploadError(error: unknown): string {
  const failure = uploadFailureOf(error);
  switch (failure.kind) {
    case 'sentence':
      return failure.text;
    case 'fileChanged':
      return `"${failure.name}" changed on disk during the upload; start it again to send the new content.`;
    case 'network':
      return `The network connection failed (${failure.message}). The upload can be resumed.`;
    case 'sessionEnded':
      return 'Your session has ended: sign in again, then resume the upload.';
    case 'notAllowed':
      return `Not allowed: ${failure.reason}.`;
    case 'serverRefused':
      return `The server refused the request: ${failure.reason}.`;
    case 's3Exists':
      return 'S3 refused to write the file: an object already exists at this name (or changed since the upload started). Upload it again to rename or overwrite.';
    case 's3PartRefused':
      return 'S3 refused the part (HTTP 403): the signed URL was rejected. Check the server clock and the connection credentials.';
    case 's3Status':
      return `S3 answered HTTP ${failure.status} for a part.`;
  }
}

/** The part arrived different from what was sent (corrupted on the way): send it again. */
export class PartChecksumError extends Error {
  constructor(
    readonly partNumber: number,
    expected: string,
    actual: string,
  ) {
    super(
      `Part ${partNumber} arrived altered (MD5 ${expected}, storage says ${actual}); resending it.`,
    );
    this.name = 'PartChecksumError';
  }
}
