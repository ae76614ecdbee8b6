// Creating a user: email, role, and either an initial password or a generated one-time password.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useFormProblem } from '../common/use-form-problem';
import { PasswordStrengthMeter } from '../password/password-strength-meter';
import { usePasswordStrength } from '../password/use-password-strength';

export function NewUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('uploader');
  const [password, setPassword] = useState('');
  const problem = useFormProblem();
  const { t } = useTranslation();
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  const strength = usePasswordStrength(password, email);
  const canCreate = email !== '' && strength.strength?.acceptable !== false;

  const close = () => {
    setEmail('');
    setPassword('');
    problem.setMessage(null);
    setOneTime(null);
    onClose();
  };
  const create = async () => {
    problem.setMessage(null);
    try {
      const result = await api.createUser({
        body: { email, role, ...(password ? { password } : {}) },
      });
      onCreated();
      if (result.oneTimePassword)
        setOneTime({ email: result.user.email, password: result.oneTimePassword });
      else close();
    } catch (caught) {
      problem.show(caught, ['email', 'role', 'password']);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      slotProps={formDialogPaper(() => {
        if (oneTime) close();
        else if (canCreate) void create();
      })}
    >
      <DialogTitle>{oneTime ? t('users.create.created') : t('users.create.title')}</DialogTitle>
      <DialogContent>
        {oneTime ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{t('users.create.oneTimeInfo', { email: oneTime.email })}</Alert>
            <CopyField
              label={t('users.create.oneTimePassword')}
              value={oneTime.password}
              autoFocus
            />
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {problem.message && <Alert severity="error">{problem.message}</Alert>}
            <TextField
              label={t('users.create.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
              error={problem.fieldError('email') !== undefined}
              helperText={problem.fieldError('email')}
            />
            <TextField
              select
              label={t('users.create.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              helperText={t('users.create.roleHelp')}
            >
              <MenuItem value="admin">{t('common.roles.admin')}</MenuItem>
              <MenuItem value="uploader">{t('common.roles.uploader')}</MenuItem>
              <MenuItem value="viewer">{t('common.roles.viewer')}</MenuItem>
            </TextField>
            <TextField
              label={t('users.create.initialPassword')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={problem.fieldError('password') !== undefined}
              helperText={problem.fieldError('password') ?? t('users.create.initialPasswordHelp')}
            />
            <PasswordStrengthMeter state={strength} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{oneTime ? t('common.done') : t('common.cancel')}</Button>
        {!oneTime && (
          <Button type="submit" variant="contained" disabled={!canCreate}>
            {t('users.create.submit')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
