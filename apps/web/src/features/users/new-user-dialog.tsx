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
import { UserWithOneTimePassword, type Role } from '@s3am/contracts';
import { api } from '../../api/client';
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
      const result = UserWithOneTimePassword.parse(
        (await api.post('/api/users', { email, role, ...(password ? { password } : {}) })).data,
      );
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
      <DialogTitle>{oneTime ? 'User created' : 'New user'}</DialogTitle>
      <DialogContent>
        {oneTime ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">
              Give {oneTime.email} this one-time password over a safe channel. It is shown only now;
              they choose their own at first sign-in.
            </Alert>
            <CopyField label="One-time password" value={oneTime.password} />
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {problem.message && <Alert severity="error">{problem.message}</Alert>}
            <TextField
              label="Email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
              error={problem.fieldError('email') !== undefined}
              helperText={problem.fieldError('email')}
            />
            <TextField
              select
              label="Role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              helperText="Admins manage everything; uploaders upload and read where granted; viewers only list and read."
            >
              <MenuItem value="admin">Admin</MenuItem>
              <MenuItem value="uploader">Uploader</MenuItem>
              <MenuItem value="viewer">Viewer</MenuItem>
            </TextField>
            <TextField
              label="Initial password (optional)"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={problem.fieldError('password') !== undefined}
              helperText={
                problem.fieldError('password') ?? 'Leave empty to generate a one-time password.'
              }
            />
            <PasswordStrengthMeter state={strength} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{oneTime ? 'Done' : 'Cancel'}</Button>
        {!oneTime && (
          <Button type="submit" variant="contained" disabled={!canCreate}>
            Create user
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
