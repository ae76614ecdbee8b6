// Presigns many S3 requests fast: the SDK's SigV4 signer used directly over memoized credentials,
// instead of the SDK's middleware stack per URL (~7× faster; see TOOLCHAIN.md). URLs point at
// the connection's browser-facing endpoint, since browsers and the CLI send the bytes.
// Unlike S3RequestPresigner, which never signs content-type, every header a request names is
// signed (content-type, content-length, conditional and SSE headers): S3 then refuses a PUT whose
// size, type or precondition differs from what the API decided.
import type { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { S3Connection } from '../../db/prisma.js';
import { browserFacing } from '../connections/s3-client.js';
import { SigningSha256 } from './signing-hash.js';

const RESERVED_BY_S3 = /[!'()*]/g;

/** encodeURIComponent plus the characters S3's canonical URI escapes too (rare: tested first). */
function encodeSegment(segment: string): string {
  const encoded = encodeURIComponent(segment);
  if (!/[!'()*]/.test(encoded)) return encoded;
  return encoded.replace(RESERVED_BY_S3, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

interface Target {
  protocol: string;
  hostname: string;
  port: number | undefined;
  path: string;
}

type ObjectLocator = (bucket: string, key: string) => Target;

/**
 * Where objects live: path-style on custom endpoints, virtual-hosted on AWS when possible.
 * The endpoint is parsed once per signer, not once per URL.
 */
function objectLocator(connection: S3Connection): ObjectLocator {
  const encode = (key: string) => key.split('/').map(encodeSegment).join('/');
  const { endpoint } = browserFacing(connection);
  if (endpoint) {
    const url = new URL(endpoint);
    const base = url.pathname.replace(/\/+$/, '');
    const port = url.port ? Number(url.port) : undefined;
    const pathStyle = connection.forcePathStyle;
    return (bucket, key) => ({
      protocol: url.protocol,
      hostname: pathStyle ? url.hostname : `${bucket}.${url.hostname}`,
      port,
      path: pathStyle ? `${base}/${bucket}/${encode(key)}` : `${base}/${encode(key)}`,
    });
  }
  const host = `s3.${connection.region}.amazonaws.com`;
  return (bucket, key) => {
    // Dotted bucket names break TLS wildcard certificates on virtual-hosted URLs.
    const virtual = !connection.forcePathStyle && !bucket.includes('.');
    return {
      protocol: 'https:',
      hostname: virtual ? `${bucket}.${host}` : host,
      port: undefined,
      path: virtual ? `/${encode(key)}` : `/${bucket}/${encode(key)}`,
    };
  };
}

export interface PresignRequest {
  method: 'PUT' | 'GET';
  bucket: string;
  key: string;
  query?: Record<string, string>;
  /**
   * Headers the sender must send exactly: signed, never moved into the query string.
   * `content-length` is signed too; browsers set it themselves from the body.
   */
  headers?: Record<string, string>;
}

export interface PartSigner {
  presign(requests: PresignRequest[], expiresIn: number, signingDate: Date): Promise<string[]>;
}

/** One signer per (kept) client, so its cached signing key serves every batch of the day. */
const signers = new WeakMap<S3Client, SignatureV4>();

function signerFor(connection: S3Connection, client: S3Client): SignatureV4 {
  let signer = signers.get(client);
  if (!signer) {
    signer = newSigner(connection, client);
    signers.set(client, signer);
  }
  return signer;
}

function newSigner(connection: S3Connection, client: S3Client): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    credentials: client.config.credentials,
    region: connection.region,
    sha256: SigningSha256,
    // Keys are escaped once by objectLocator, as S3 (unlike other services) expects.
    uriEscapePath: false,
    applyChecksum: false,
  });
}

export function createPartSigner(connection: S3Connection, client: S3Client): PartSigner {
  const signer = signerFor(connection, client);
  const locate = objectLocator(connection);
  return {
    async presign(requests, expiresIn, signingDate) {
      return Promise.all(
        requests.map(async (request) => {
          const target = locate(request.bucket, request.key);
          const headers = {
            host: target.port ? `${target.hostname}:${target.port}` : target.hostname,
            // The body is not part of the signature: S3 verifies it by length (signed) and MD5.
            'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
            ...request.headers,
          };
          // presign() resolves the client's memoized credential provider (static, STS or chain).
          const signed = await signer.presign(
            { ...target, method: request.method, query: { ...request.query }, headers },
            {
              expiresIn,
              signingDate,
              unhoistableHeaders: new Set(Object.keys(request.headers ?? {})),
            },
          );
          const query: string[] = [];
          for (const [name, value] of Object.entries(signed.query ?? {}))
            for (const item of Array.isArray(value) ? value : [value])
              if (item !== null) query.push(`${encodeSegment(name)}=${encodeSegment(item)}`);
          const port = target.port ? `:${target.port}` : '';
          return `${target.protocol}//${target.hostname}${port}${target.path}?${query.join('&')}`;
        }),
      );
    },
  };
}
