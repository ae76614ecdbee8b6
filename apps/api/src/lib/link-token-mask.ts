// Share-link and upload-request tokens are bearer secrets that travel in the path (/s/<token>,
// /u/<token>, /api/public/<kind>/<token>/…): whoever reads a log line holding one could open the
// link. Log lines show the path with the token replaced.

const LINK_PATH = /^(\/(?:s|u)\/|\/api\/public\/[^/]+\/)[^/?#]+/;

export const MASKED_TOKEN = '[token]';

/** The path with a link token masked; any other path unchanged. */
export function maskLinkToken(path: string): string {
  return path.replace(LINK_PATH, `$1${MASKED_TOKEN}`);
}
