// Says why the session is being renewed again instead of signing the person out: the server is
// busy (429, 5xx) or cannot be reached, with a countdown to the next try.
import { Alert, Snackbar } from '@mui/material';
import type { RefreshProblem } from '../../api/client';
import { useCountdown } from './use-countdown';

export function RefreshProblemNotice({ problem }: { problem: RefreshProblem | null }) {
  const seconds = useCountdown(problem?.retryAt ?? null);
  if (!problem) return null;
  const cause =
    problem.kind === 'busy'
      ? 'The server is busy.'
      : 'Cannot reach the server. Check your connection.';
  const next = seconds > 0 ? `Trying again in ${seconds} s…` : 'Trying again…';
  return (
    <Snackbar open anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
      <Alert severity="warning" variant="filled" role="status">
        {cause} You are still signed in. {next}
      </Alert>
    </Snackbar>
  );
}
