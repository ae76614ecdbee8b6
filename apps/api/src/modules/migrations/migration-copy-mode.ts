// Which copy strategy a job uses: server-side (CopyObject / UploadPartCopy, no bytes through the
// worker) whenever both connections point at the same S3 endpoint, streamed through the worker
// otherwise. With two identities on one endpoint, server-side copy is tried first and the job falls
// back to streaming when the destination identity is denied reading the source.
import type { CopyMode } from './migration-copy.js';

interface ConnectionEndpoint {
  id: string;
  /** null: AWS S3 itself (any region: CopyObject works across regions there). */
  endpoint: string | null;
}

export interface CopyModeChoice {
  mode: CopyMode;
  /** Server-side copy is a guess that an AccessDenied may prove wrong. */
  fallbackToStream: boolean;
}

function normalizedEndpoint(endpoint: string | null): string {
  if (endpoint === null) return 'aws';
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return endpoint.trim().replace(/\/+$/, '').toLowerCase();
  }
}

export function chooseCopyMode(
  source: ConnectionEndpoint,
  destination: ConnectionEndpoint,
  stored: string | null,
): CopyModeChoice {
  const sameIdentity = source.id === destination.id;
  const sameEndpoint =
    normalizedEndpoint(source.endpoint) === normalizedEndpoint(destination.endpoint);
  // A stored mode is what an earlier pass chose or learnt (a fallback is never undone).
  if (stored === 'stream') return { mode: 'stream', fallbackToStream: false };
  if (sameIdentity) return { mode: 'server_side', fallbackToStream: false };
  if (stored === 'server_side' || sameEndpoint)
    return { mode: 'server_side', fallbackToStream: true };
  return { mode: 'stream', fallbackToStream: false };
}

/** Whether a failed server-side copy step was denied (the identity may not read the source). */
export function serverSideCopyDenied(error: unknown, step: string): boolean {
  if (!step.startsWith('CopyObject') && !step.startsWith('UploadPartCopy')) return false;
  const e = (error ?? {}) as {
    name?: string;
    Code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return (
    e.name === 'AccessDenied' || e.Code === 'AccessDenied' || e.$metadata?.httpStatusCode === 403
  );
}
