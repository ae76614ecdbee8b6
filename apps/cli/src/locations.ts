// `conn:bucket/prefix` on the command line → connection id, bucket and key/prefix. `conn` is a
// connection id or name, resolved through my granted locations (any user may read those).
import { type ApiClient } from '@s3am/client';
import { notFoundError, usageError } from './exit-codes.js';

export interface Location {
  connectionId: string;
  connectionName: string;
  bucket: string;
  /** Key or prefix inside the bucket ('' = the bucket's root). */
  path: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseLocation(text: string): { conn: string; bucket: string; path: string } {
  const colon = text.lastIndexOf(':', text.indexOf('/') < 0 ? text.length : text.indexOf('/'));
  if (colon <= 0)
    throw usageError(`"${text}" is not a location: write conn:bucket/prefix (conn = id or name)`);
  const conn = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (!bucket) throw usageError(`"${text}" names no bucket: write conn:bucket/prefix`);
  return { conn, bucket, path: slash < 0 ? '' : rest.slice(slash + 1) };
}

export async function resolveLocation(client: ApiClient, text: string): Promise<Location> {
  const { conn, bucket, path } = parseLocation(text);
  if (UUID.test(conn)) return { connectionId: conn, connectionName: conn, bucket, path };
  const { items } = await client.fileLocations({ query: { action: 'list' } });
  const writable =
    items.length === 0 ? (await client.fileLocations({ query: { action: 'write' } })).items : [];
  const match = [...items, ...writable].find((location) => location.connectionName === conn);
  if (!match)
    throw notFoundError(
      `No connection named "${conn}" among your granted locations (see \`s3am ls\`).`,
    );
  return { connectionId: match.connectionId, connectionName: match.connectionName, bucket, path };
}

export function formatLocation(
  location: Pick<Location, 'connectionName' | 'bucket'>,
  path = '',
): string {
  return `${location.connectionName}:${location.bucket}/${path}`;
}
