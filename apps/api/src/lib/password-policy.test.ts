// Password policy: length, email, common passwords (with decorations people add), zxcvbn score.
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

  it.each([
    ['qwertyuiop123!', /keyboard|words/i],
    ['1qaz2wsx3edc', /commonly used|words/i],
    ['zxcvbnm,./asdf', /Straight rows of keys/],
    ['abc123abc123abc', /Repeated character patterns/],
    ['abcdefghijkl1', /too easy to guess/],
  ])('refuses the guessable %s with zxcvbn feedback', (password, feedback) => {
    const problems = passwordProblems(password, email).filter((p) => !/too common/.test(p));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^This password is too easy to guess \(strength [0-2] of 4, 3 needed\)\./,
    );
    expect(problems[0]).toMatch(feedback);
  });

  it('accepts generated passwords and passphrases', () => {
    expect(passwordProblems('Hq7mZp3kVt9rWx2nBc5d', email)).toEqual([]);
    expect(passwordProblems('granite-orchard-lantern-58', email)).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('alice', 'alice@example.com')).toEqual([
      'Use at least 12 characters.',
      'Do not use your email address in the password.',
      expect.stringMatching(/too easy to guess/),
    ]);
  });
});
