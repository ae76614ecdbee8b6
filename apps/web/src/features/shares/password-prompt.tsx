// Asks for a link's password (sent in the request body or a header, never in the URL).
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordPrompt(props: {
  error: string | null;
  busy: boolean;
  onSubmit: (password: string) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(password);
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} sx={{ maxWidth: 400 }}>
      {props.error && <Alert severity="error">{props.error}</Alert>}
      <TextField
        label={t('shares.link.password')}
        type="password"
        autoFocus
        autoComplete="off"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        required
      />
      <Button type="submit" variant="contained" disabled={props.busy || password === ''}>
        {t('shares.link.open')}
      </Button>
    </Stack>
  );
}
