// Turns a failed sign-in into what the person should read, and how long they must wait.
import { problemCode, problemMessage, retryAfterSeconds } from '../../api/client';

export interface SignInError {
  message: string;
  /** Set for throttling: seconds until the next attempt is allowed. */
  retryAfter?: number;
}

export function describeSignInError(error: unknown): SignInError {
  const code = problemCode(error);
  if (code === 'INVALID_CREDENTIALS') return { message: 'Email or password is incorrect.' };
  if (code === 'LOGIN_THROTTLED' || code === 'RATE_LIMITED') {
    const retryAfter = retryAfterSeconds(error);
    return retryAfter === undefined
      ? { message: 'Too many attempts. Wait a moment, then try again.' }
      : { message: 'Too many attempts.', retryAfter };
  }
  return { message: problemMessage(error) };
}
