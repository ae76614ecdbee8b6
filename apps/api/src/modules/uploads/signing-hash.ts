// The SHA-256 / HMAC-SHA256 the part signer gives SignatureV4. The SDK's own Node hash calls
// createHmac(secret) for every signature, and Node imports that secret as a fresh key object
// each time: most of a URL's signing time here (see bench/uploads.ts). SignatureV4 uses two
// secrets per URL that rarely change: its cached signing key (one Uint8Array per day, region
// and credentials) and the secret access key (to name that cache entry). Both are imported once.
import {
  createHash,
  createHmac,
  createSecretKey,
  type Hash,
  type Hmac,
  type KeyObject,
} from 'node:crypto';

/** What SignatureV4 hands a hash as its secret (the SDK's SourceData). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

const importedKeys = new WeakMap<Uint8Array, KeyObject>();
/** Secret access keys by value; bounded, since temporary credentials rotate hourly. */
const importedSecrets = new Map<string, KeyObject>();
const MAX_IMPORTED_SECRETS = 64;

/** The secret as a Node key object, imported once per distinct secret. */
export function keyFor(secret: string | Uint8Array): KeyObject {
  if (typeof secret === 'string') {
    let key = importedSecrets.get(secret);
    if (!key) {
      if (importedSecrets.size >= MAX_IMPORTED_SECRETS) importedSecrets.clear();
      key = createSecretKey(Buffer.from(secret, 'utf8'));
      importedSecrets.set(secret, key);
    }
    return key;
  }
  let key = importedKeys.get(secret);
  if (!key) {
    key = createSecretKey(secret);
    importedKeys.set(secret, key);
  }
  return key;
}

function bytesOf(data: SourceData): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** A Checksum constructor (SignatureV4's `sha256` option) over Node's crypto. */
export class SigningSha256 {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    const buffer = this.hash.digest();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  reset(): void {
    this.hash = this.create();
  }

  private create(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    return createHmac('sha256', keyFor(bytesOf(this.secret)));
  }
}
