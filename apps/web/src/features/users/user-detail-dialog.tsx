// One user: change role, disable/enable (ends their sessions), reset password, delete.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { UserView, UserWithOneTimePassword, type Role } from '@s3am/contracts';
import { api, problemMessage } from '../../api/client';
import { CopyField } from '../common/copy-field';

export function UserDetailDialog({
  user,
  onClose,
  onChanged,
}: {
  user: UserView | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [current, setCurrent] = useState<UserView | null>(user);
  if (user && current?.id !== user.id) setCurrent(user);
  const shown = current ?? user;

  const close = () => {
    setError(null);
    setOneTime(null);
    setConfirmDelete(false);
    onClose();
  };
  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const patch = (change: { role?: Role; disabled?: boolean }) =>
    act(async () =>
      setCurrent(UserView.parse((await api.patch(`/api/users/${shown!.id}`, change)).data)),
    );
  const reset = () =>
    act(async () =>
      setOneTime(
        UserWithOneTimePassword.parse(
          (await api.post(`/api/users/${shown!.id}/reset-password`, {})).data,
        ).oneTimePassword ?? null,
      ),
    );
  const remove = () =>
    act(async () => {
      await api.delete(`/api/users/${shown!.id}`);
      close();
    });

  return (
    <Dialog open={user !== null} onClose={close} fullWidth maxWidth="sm">
      {shown && (
        <>
          <DialogTitle>{shown.email}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              {error && <Alert severity="error">{error}</Alert>}
              <TextField
                select
                label="Role"
                value={shown.role}
                onChange={(e) => void patch({ role: e.target.value as Role })}
              >
                <MenuItem value="admin">Admin</MenuItem>
                <MenuItem value="uploader">Uploader</MenuItem>
                <MenuItem value="viewer">Viewer</MenuItem>
              </TextField>
              <FormControlLabel
                control={
                  <Switch
                    checked={!shown.disabled}
                    onChange={(e) => void patch({ disabled: !e.target.checked })}
                  />
                }
                label={shown.disabled ? 'Disabled: cannot sign in' : 'Enabled'}
              />
              <Typography variant="body2" color="text.secondary">
                Two-factor: {shown.totpEnabled ? 'on' : 'off'} · last sign-in:{' '}
                {shown.lastLoginAt ? new Date(shown.lastLoginAt).toLocaleString() : 'never'} ·
                created {new Date(shown.createdAt).toLocaleDateString()}
              </Typography>
              {oneTime ? (
                <CopyField label="New one-time password" value={oneTime} />
              ) : (
                <Button
                  variant="outlined"
                  onClick={() => void reset()}
                  sx={{ alignSelf: 'flex-start' }}
                >
                  Reset password
                </Button>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            {confirmDelete ? (
              <>
                <Typography color="error" sx={{ mr: 'auto', pl: 2 }}>
                  Delete {shown.email}? Their audit history is kept.
                </Typography>
                <Button onClick={() => setConfirmDelete(false)}>Keep</Button>
                <Button color="error" variant="contained" onClick={() => void remove()}>
                  Delete
                </Button>
              </>
            ) : (
              <>
                <Button color="error" onClick={() => setConfirmDelete(true)} sx={{ mr: 'auto' }}>
                  Delete user…
                </Button>
                <Button onClick={close}>Close</Button>
              </>
            )}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
