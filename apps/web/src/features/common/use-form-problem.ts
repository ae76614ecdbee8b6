// A form's failed submit: field errors from the API go under their fields; whatever no field on
// screen can show (or a problem without field errors) is the form's message.
import { useCallback, useState } from 'react';
import { problemMessage } from '../../api/problem';
import { problemFieldErrors } from '../../api/problem-fields';
import { i18n } from '../i18n/i18n';

export interface FormProblem {
  /** For an Alert above the fields; null when all is well. */
  message: string | null;
  /** The API's message for one field, for its helperText (and `error` flag). */
  fieldError: (field: string) => string | undefined;
  /** Spread last on a TextField: marks it and puts the API's message in its helper text. */
  fieldProps: (field: string) => { error?: boolean; helperText?: string };
  /** Takes a caught error; `fields` are the names this form shows. */
  show: (error: unknown, fields: readonly string[]) => void;
  /** A message of the form's own (a client-side check), or null to clear everything. */
  setMessage: (message: string | null) => void;
}

export function useFormProblem(): FormProblem {
  const [message, setMessageState] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const show = useCallback((error: unknown, shown: readonly string[]) => {
    const all = problemFieldErrors(error);
    const onScreen = Object.fromEntries(
      Object.entries(all).filter(([field]) => shown.includes(field)),
    );
    const elsewhere = Object.entries(all).filter(([field]) => !shown.includes(field));
    setFields(onScreen);
    if (elsewhere.length > 0) {
      setMessageState(elsewhere.map(([field, text]) => `${field}: ${text}`).join(' · '));
    } else if (Object.keys(onScreen).length > 0) {
      // Said once above the form (an alert is announced); the details sit under the fields.
      setMessageState(i18n.t('common.checkFields'));
    } else {
      setMessageState(problemMessage(error));
    }
  }, []);
  const setMessage = useCallback((next: string | null) => {
    setFields({});
    setMessageState(next);
  }, []);
  const fieldError = useCallback((field: string) => fields[field], [fields]);
  const fieldProps = useCallback(
    (field: string) => {
      const text = fields[field];
      return text === undefined ? {} : { error: true, helperText: text };
    },
    [fields],
  );
  return { message, fieldError, fieldProps, show, setMessage };
}
