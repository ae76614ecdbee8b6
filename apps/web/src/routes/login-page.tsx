// Sign-in page: email + password, clear errors (wrong credentials, lockout, server down).
import LockOutlined from '@mui/icons-material/LockOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { problemMessage } from '../api/client';
import { useAuth } from '../features/auth/auth-context';
import { Brand } from '../features/shell/brand';

/** Only same-site paths: `next` must never send people to another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ email, password });
      await navigate(next, { replace: true });
    } catch (caught) {
      setError(problemMessage(caught));
      setSubmitting(false);
    }
  };

  return (
    <Box
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
                <Typography variant="h6" component="h1">
                  Sign in
                </Typography>
              </Box>
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              )}
              <TextField
                label="Email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
                autoFocus
                fullWidth
              />
              <TextField
                label="Password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                fullWidth
              />
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={submitting || !email || !password}
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : undefined}
              >
                Sign in
              </Button>
            </Stack>
          </CardContent>
        </Card>
        <Typography variant="body2" color="text.secondary">
          Files go straight to your S3 buckets. <a href="/docs">API documentation</a>
        </Typography>
      </Stack>
    </Box>
  );
}
