// Replacing a generated or reset password (required before anything else) or changing one's own.
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@s3am/contracts';
import { api, problemMessage } from '../api/client';
import { useAuth } from '../features/auth/auth-context';
import { PasswordStrengthMeter } from '../features/password/password-strength-meter';
import { usePasswordStrength } from '../features/password/use-password-strength';

export function ChangePasswordPage() {
  const { user, setUser } = useAuth();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== newPassword;
  const strength = usePasswordStrength(newPassword, user?.email);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/me/password', { currentPassword, newPassword });
      if (user) setUser({ ...user, mustChangePassword: false });
      await navigate('/', { replace: true });
    } catch (caught) {
      setError(problemMessage(caught));
      setSaving(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 480, mx: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Change password
      </Typography>
      {user?.mustChangePassword && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {user.passwordSetBy === 'first_start'
            ? 'This password was generated when the server first started (it printed it once on its console). Choose your own to continue.'
            : 'Your password was set by an administrator. Choose your own to continue.'}
        </Alert>
      )}
      <Card>
        <CardContent component="form" onSubmit={(event) => void submit(event)} sx={{ p: 3 }}>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              Changing your password signs out your other sessions and revokes your personal API
              tokens; create new tokens on your profile afterwards.
            </Typography>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField
              label="Current password"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              helperText={`At least ${PASSWORD_MIN_LENGTH} characters; not your email, not a common password, hard to guess.`}
              required
            />
            <PasswordStrengthMeter state={strength} />
            <TextField
              label="Repeat new password"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={mismatch}
              helperText={mismatch ? 'The passwords differ.' : ' '}
              required
            />
            <Button
              type="submit"
              variant="contained"
              disabled={
                saving ||
                !currentPassword ||
                newPassword.length < PASSWORD_MIN_LENGTH ||
                strength.strength?.acceptable === false ||
                confirm !== newPassword
              }
            >
              Change password
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
