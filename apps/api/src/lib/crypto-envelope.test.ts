// AES-256-GCM envelopes: round trip, key rotation, and refusal of anything tampered with.
import { newMasterKeySpec, open, parseKeyring, seal } from './crypto-envelope.js';

const oldKey = newMasterKeySpec('old');
const newKey = newMasterKeySpec('new');

describe('crypto envelope', () => {
  it('round-trips a secret and never contains it in clear', () => {
    const keyring = parseKeyring(oldKey);
    const envelope = seal(keyring, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aad');
    expect(envelope).not.toContain('wJalrXUtnFEMI');
    expect(envelope.startsWith('v1.old.')).toBe(true);
    expect(open(keyring, envelope, 'aad')).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });

  it('uses a fresh IV each time', () => {
    const keyring = parseKeyring(oldKey);
    expect(seal(keyring, 'same')).not.toBe(seal(keyring, 'same'));
  });

  it('opens secrets written under an older key after rotation, and writes new ones under the current key', () => {
    const before = seal(parseKeyring(oldKey), 'secret');
    const rotated = parseKeyring(`${newKey},${oldKey}`);
    expect(open(rotated, before)).toBe('secret');
    expect(seal(rotated, 'secret').split('.')[1]).toBe('new');
  });

  it('refuses a modified ciphertext, a different AAD, or an unknown key', () => {
    const keyring = parseKeyring(oldKey);
    const envelope = seal(keyring, 'secret', 'connection-1');
    const parts = envelope.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(() => open(keyring, tampered, 'connection-1')).toThrow();
    expect(() => open(keyring, envelope, 'connection-2')).toThrow();
    expect(() => open(parseKeyring(newKey), envelope, 'connection-1')).toThrow(
      'unknown master key "old"',
    );
  });

  it('rejects malformed key specifications', () => {
    expect(() => parseKeyring('')).toThrow();
    expect(() => parseKeyring('k1:dG9vLXNob3J0')).toThrow('32 bytes');
  });
});
