// Replacing a generated or reset password (required before anything else) or changing one's own.
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@s3am/contracts';
import { api } from '../api/api-client';
import { problemMessage } from '../api/problem';
import { useAuth } from '../features/auth/auth-context';
import { PasswordStrengthMeter } from '../features/password/password-strength-meter';
import { usePasswordStrength } from '../features/password/use-password-strength';
import { useTranslation } from 'react-i18next';

export function ChangePasswordPage() {
  const { user, setUser } = useAuth();
  const { t } = useTranslation();
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
      await api.changeMyPassword({ body: { currentPassword, newPassword } });
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
        {t('password.title')}
      </Typography>
      {user?.mustChangePassword && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {user.passwordSetBy === 'first_start'
            ? t('password.generated')
            : t('password.setByAdmin')}
        </Alert>
      )}
      <Card>
        <CardContent component="form" onSubmit={(event) => void submit(event)} sx={{ p: 3 }}>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {t('password.signsOut')}
            </Typography>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField
              label={t('password.current')}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
            <TextField
              label={t('password.new')}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              helperText={t('password.newHelp', { min: PASSWORD_MIN_LENGTH })}
              required
            />
            <PasswordStrengthMeter state={strength} />
            <TextField
              label={t('password.repeat')}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={mismatch}
              helperText={mismatch ? t('password.differ') : ' '}
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
              {t('password.submit')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
