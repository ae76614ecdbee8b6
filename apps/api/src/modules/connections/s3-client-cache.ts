// One S3 client per connection (and per endpoint it is reached at), kept for the life of the
// process: its credential provider (an STS AssumeRole session, the default chain's lookup), its
// signing keys and its keep-alive sockets are reused by every call instead of rebuilt per request.
// Editing a connection changes its updatedAt, which retires the old client.
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Connection } from '../../db/prisma.js';

export class S3ClientCache {
  readonly #clients = new Map<string, { version: number; client: S3Client }>();
  /** Replaced clients may still serve a call in flight: destroyed when the cache closes. */
  readonly #retired: S3Client[] = [];

  get(
    connection: Pick<S3Connection, 'id' | 'endpoint' | 'updatedAt'>,
    build: () => S3Client,
  ): S3Client {
    const slot = `${connection.id}|${connection.endpoint ?? 'aws'}`;
    const version = connection.updatedAt.getTime();
    const cached = this.#clients.get(slot);
    if (cached?.version === version) return cached.client;
    if (cached) this.#retired.push(cached.client);
    const client = build();
    this.#clients.set(slot, { version, client });
    return client;
  }

  /** Closes every socket (app shutdown, end of a test). */
  close(): void {
    for (const { client } of this.#clients.values()) client.destroy();
    for (const client of this.#retired.splice(0)) client.destroy();
    this.#clients.clear();
  }
}
