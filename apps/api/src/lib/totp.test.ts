// TOTP verification: the ±30 s window, malformed codes, and the step used for replay checks.
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp.js';

const secret = newTotpSecret();
const at = new Date('2026-11-23T12:00:15Z'); // inside the step starting at 12:00:00
const step = Math.floor(at.getTime() / 30_000);
const shifted = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe('verifyTotp', () => {
  it('accepts the current code and reports its step', () => {
    expect(verifyTotp(secret, totpCode(secret, at), at)).toBe(step);
  });

  it('accepts the previous and next step (clock drift), and nothing further', () => {
    expect(verifyTotp(secret, totpCode(secret, shifted(-30)), at)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, shifted(30)), at)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, shifted(-60)), at)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, shifted(60)), at)).toBeNull();
  });

  it('ignores spaces and refuses anything that is not six digits', () => {
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(step);
    for (const bad of ['', '12345', '1234567', 'abcdef'])
      expect(verifyTotp(secret, bad, at)).toBeNull();
  });

  it("refuses another secret's code", () => {
    expect(verifyTotp(newTotpSecret(), totpCode(secret, at), at)).toBeNull();
  });

  it('builds an otpauth URI an authenticator app can scan', () => {
    expect(totpUri(secret, 'alice@example.com')).toMatch(
      /^otpauth:\/\/totp\/S3%20Access%20Manager:alice%40example\.com\?issuer=S3%20Access%20Manager&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/,
    );
  });
});
