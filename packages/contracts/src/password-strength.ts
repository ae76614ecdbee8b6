// Password strength (zxcvbn-ts, English + common dictionaries), shared by the API, which refuses
// weak passwords, and the web app, which shows strength and suggestions while typing. Imported as
// `@s3am/contracts/password-strength`, never from the index: the dictionaries weigh ~1.5 MB, so
// the web app loads this module lazily (the login page never pays for it).
import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** zxcvbn scores 0–4; 3 means "safely unguessable" for online attacks and slow hashes. */
export const PASSWORD_MIN_SCORE = 3;

export interface PasswordStrength {
  score: Score;
  acceptable: boolean;
  /** Why it is weak, when zxcvbn can say (e.g. "Straight rows of keys … are easy to guess."). */
  warning: string | null;
  suggestions: string[];
}

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  // Built on first use (~100 ms: the dictionaries are indexed); the API does it at start-up.
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  });
  return factory;
}

/** Words of an email address, so a password built from them counts as guessable. */
export function emailWords(email: string): string[] {
  const normalized = email.trim().toLowerCase();
  const [local = '', domain = ''] = normalized.split('@');
  return [normalized, local, ...local.split(/[._+-]+/), ...domain.split('.')].filter(
    (word) => word.length >= 3,
  );
}

export function passwordStrength(password: string, email = ''): PasswordStrength {
  const result = estimator().check(password, emailWords(email));
  const score = result.score;
  return {
    score,
    acceptable: score >= PASSWORD_MIN_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** The sentence the API answers and the web app shows for a password below the minimum score. */
export function weakPasswordMessage(strength: PasswordStrength): string {
  return [
    `This password is too easy to guess (strength ${strength.score} of 4, ${PASSWORD_MIN_SCORE} needed).`,
    strength.warning,
    ...strength.suggestions,
  ]
    .filter(Boolean)
    .join(' ');
}
