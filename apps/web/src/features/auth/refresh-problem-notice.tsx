// Says why the session is being renewed again instead of signing the person out: the server is
// busy (429, 5xx) or cannot be reached, with a countdown to the next try.
import { Alert, Snackbar } from '@mui/material';
import type { RefreshProblem } from '../../api/session';
import { useCountdown } from './use-countdown';
import { useTranslation } from 'react-i18next';

export function RefreshProblemNotice({ problem }: { problem: RefreshProblem | null }) {
  const seconds = useCountdown(problem?.retryAt ?? null);
  const { t } = useTranslation();
  if (!problem) return null;
  const cause = problem.kind === 'busy' ? t('session.busy') : t('session.unreachable');
  const next = seconds > 0 ? t('session.tryingIn', { seconds }) : t('session.trying');
  return (
    <Snackbar open anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
      <Alert severity="warning" variant="filled" role="status">
        {t('session.stillSignedIn', { cause, next })}
      </Alert>
    </Snackbar>
  );
}
