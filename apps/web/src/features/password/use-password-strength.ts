// Strength of a password being chosen, from the same check the API applies (zxcvbn-ts with a
// minimum score). The estimator and its dictionaries (~1.5 MB) load on first use, in a chunk of
// their own, so pages without a new-password field (sign-in above all) never download them.
import { useEffect, useState } from 'react';
import type * as StrengthModule from '@s3am/contracts/password-strength';
import type { PasswordStrength } from '@s3am/contracts/password-strength';

let loading: Promise<typeof StrengthModule> | undefined;
const loadStrength = () => (loading ??= import('@s3am/contracts/password-strength'));

export interface PasswordStrengthState {
  /** null while the estimator loads, or for an empty password. */
  strength: PasswordStrength | null;
  /** The sentence the API would answer for a weak password. */
  message: string | null;
}

export function usePasswordStrength(password: string, email = ''): PasswordStrengthState {
  const [state, setState] = useState<PasswordStrengthState>({ strength: null, message: null });
  useEffect(() => {
    let current = true;
    if (!password) {
      setState({ strength: null, message: null });
      return;
    }
    void loadStrength().then(
      (module) => {
        if (!current) return;
        const strength = module.passwordStrength(password, email);
        setState({
          strength,
          message: strength.acceptable ? null : module.weakPasswordMessage(strength),
        });
      },
      // Without the estimator the form still works: the API checks the password anyway.
      () => current && setState({ strength: null, message: null }),
    );
    return () => {
      current = false;
    };
  }, [password, email]);
  return state;
}
