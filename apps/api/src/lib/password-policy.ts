// Password rules: at least 12 characters, not built on the account's email, not a common
// password (also after stripping the digits and symbols people append), and hard enough to guess
// by zxcvbn's estimate (keyboard walks, sequences, dates, dictionary words with decorations).
import { PASSWORD_MIN_LENGTH } from '@s3am/contracts';
import { passwordStrength, weakPasswordMessage } from '@s3am/contracts/password-strength';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MAX_LENGTH = 1024;

// Index the dictionaries now, at start-up, instead of during the first password change.
passwordStrength('warm-up');

/** Returns the reasons a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH)
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);

  const lower = password.toLowerCase();
  const normalizedEmail = email.trim().toLowerCase();
  const localPart = normalizedEmail.split('@')[0] ?? '';
  if (lower === normalizedEmail || (localPart.length >= 4 && lower.includes(localPart))) {
    problems.push('Do not use your email address in the password.');
  }

  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  // Digits and symbols only, or one character repeated, is as guessable as a listed password.
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(core) ||
    core === '' ||
    /^(.)\1+$/.test(password)
  ) {
    problems.push('This password is too common; choose something less predictable.');
  }
  // zxcvbn looks at the first 256 characters only, so a long password costs bounded time.
  const strength = passwordStrength(password, email);
  if (!strength.acceptable) problems.push(weakPasswordMessage(strength));
  return problems;
}
