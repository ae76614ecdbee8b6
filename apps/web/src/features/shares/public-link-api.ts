// Calls of the public link pages (/s/:token, /u/:token): the typed client without the session's
// token or refresh logic (guests have no account), problems surfaced with their code so the page
// can ask for a password or say the link is gone.
import { ApiError, NetworkError, createApiClient } from '@s3am/client';
import type { ErrorCode } from '@s3am/contracts';
import { fetchThroughAxios } from '../../api/http';
import { i18n } from '../i18n/i18n';

export class LinkProblem extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The typed client for people with a link and no account: no token, no refresh, no cookies.
 * Only the public link pages (lazily loaded) import it.
 */
export const guestApi = createApiClient({
  baseUrl: '',
  fetch: fetchThroughAxios,
  credentials: 'omit',
});

/** What the link pages show for a failed call; null when it was no API problem (a bug: rethrow). */
export function linkProblem(error: unknown): LinkProblem | null {
  if (error instanceof NetworkError) {
    return new LinkProblem('NETWORK', 0, i18n.t('shares.link.unreachable'));
  }
  if (error instanceof ApiError) {
    return new LinkProblem(error.code ?? 'INTERNAL', error.status, error.detail);
  }
  return null;
}

/** Saves a URL (a presigned GET with Content-Disposition: attachment) or a blob as a download. */
export function saveAs(href: string, name?: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  if (name) anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

// Sizes as everywhere in the app, in the chosen locale.
export { formatBytes } from '../common/format-bytes';
