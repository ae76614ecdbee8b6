// Turns a failed sign-in into what the person should read, and how long they must wait.
import { problemCode, problemMessage, retryAfterSeconds } from '../../api/problem';
import { i18n } from '../i18n/i18n';

export interface SignInError {
  message: string;
  /** Set for throttling: seconds until the next attempt is allowed. */
  retryAfter?: number;
}

export function describeSignInError(error: unknown): SignInError {
  const t = i18n.t.bind(i18n);
  const code = problemCode(error);
  if (code === 'INVALID_CREDENTIALS') return { message: t('login.errors.invalidCredentials') };
  if (code === 'LOGIN_THROTTLED' || code === 'RATE_LIMITED') {
    const retryAfter = retryAfterSeconds(error);
    return retryAfter === undefined
      ? { message: t('login.errors.throttled') }
      : { message: t('login.errors.tooMany'), retryAfter };
  }
  return { message: problemMessage(error) };
}
