// Sign-in page: email + password, clear errors (wrong credentials, lockout, server down).
import LockOutlined from '@mui/icons-material/LockOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Link,
  Stack,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { problemCode } from '../api/problem';
import { useAuth } from '../features/auth/auth-context';
import { describeSignInError } from '../features/auth/sign-in-error';
import { OutlinedField } from '../features/common/outlined-field';
import { useCountdown } from '../features/auth/use-countdown';
import { LocaleButton } from '../features/i18n/locale-button';
import { Brand } from '../features/shell/brand';

/** Only same-site paths: `next` must never send people to another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { status, sessionEnded, signIn } = useAuth();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // While throttled, the button stays off and the message counts down to the next try.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);
  // Second step, when the account has two-factor authentication on.
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const next = safeNext(params.get('next'));

  if (status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (waitSeconds > 0) return;
    setSubmitting(true);
    setError(null);
    setRetryAt(null);
    try {
      const second = needsCode ? (useRecovery ? { recoveryCode: code } : { totpCode: code }) : {};
      await signIn({ email, password, ...second });
      await navigate(next, { replace: true });
    } catch (caught) {
      if (problemCode(caught) === 'TOTP_REQUIRED') {
        setNeedsCode(true);
        setError(null);
      } else {
        const described = describeSignInError(caught);
        setError(described.message);
        if (described.retryAfter) setRetryAt(Date.now() + described.retryAfter * 1000);
      }
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Stack spacing={3} sx={{ width: '100%', maxWidth: 400, alignItems: 'center' }}>
        <Brand size="large" />
        <Card sx={{ width: '100%' }}>
          <CardContent
            component="form"
            onSubmit={(event) => void submit(event)}
            sx={{ p: 4 }}
            noValidate
          >
            <Stack spacing={2.5}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <LockOutlined color="primary" />
                <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
                  {t('login.title')}
                </Typography>
                <LocaleButton />
              </Box>
              {sessionEnded && !error && (
                <Alert severity="info" role="status">
                  {t('login.sessionEnded')}
                </Alert>
              )}
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                  {retryAt !== null &&
                    ` ${waitSeconds > 0 ? t('login.tryAgainIn', { seconds: waitSeconds }) : t('login.tryAgainNow')}`}
                </Alert>
              )}
              <OutlinedField
                label={t('login.email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
                autoFocus
                fullWidth
              />
              <OutlinedField
                label={t('login.password')}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                fullWidth
              />
              {needsCode && (
                <Stack spacing={1}>
                  <OutlinedField
                    label={useRecovery ? t('login.recoveryCode') : t('login.twoFactorCode')}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    autoFocus
                    autoComplete="one-time-code"
                    helperText={useRecovery ? t('login.recoveryHelp') : t('login.codeHelp')}
                    slotProps={{ input: { inputMode: useRecovery ? 'text' : 'numeric' } }}
                  />
                  <Button
                    size="small"
                    onClick={() => {
                      setUseRecovery(!useRecovery);
                      setCode('');
                    }}
                    sx={{ alignSelf: 'flex-start' }}
                  >
                    {useRecovery ? t('login.useApp') : t('login.useRecovery')}
                  </Button>
                </Stack>
              )}
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={
                  submitting || waitSeconds > 0 || !email || !password || (needsCode && !code)
                }
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : undefined}
              >
                {t('login.submit')}
              </Button>
            </Stack>
          </CardContent>
        </Card>
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
          {t('login.tagline')} <Link href="/docs">{t('login.apiDocs')}</Link>
        </Typography>
      </Stack>
    </Box>
  );
}
