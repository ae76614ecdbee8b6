// Password policy: length, email, common passwords (with decorations people add).
import { passwordProblems } from './password-policy.js';

const email = 'alice.smith@example.com';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('violet-harbour-tangent-42', email)).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(passwordProblems('short-pass1', email)).toEqual(['Use at least 12 characters.']);
    expect(passwordProblems('ñandú-colibrí', email)).toEqual([]);
  });

  it('refuses the email address or its local part inside the password', () => {
    expect(passwordProblems('alice.smith@example.com', email)).toContain(
      'Do not use your email address in the password.',
    );
    expect(passwordProblems('my-ALICE.SMITH-secret', email)).toContain(
      'Do not use your email address in the password.',
    );
  });

  it.each([
    'password1234',
    'Password2024!',
    'qwertyuiop123',
    '!!correcthorsebatterystaple!!',
    'aaaaaaaaaaaaaaa',
    '123456789012',
  ])('refuses the common password %s', (password) => {
    expect(passwordProblems(password, email)).toContain(
      'This password is too common; choose something less predictable.',
    );
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('alice', 'alice@example.com')).toHaveLength(2);
  });
});
