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
import { useTranslation } from 'react-i18next';
import { type Role, type UserView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { CopyField } from '../common/copy-field';
import { formatDate, formatDateTime } from '../i18n/intl-format';

export function UserDetailDialog({
  user,
  onClose,
  onChanged,
}: {
  user: UserView | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
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
    act(async () => setCurrent(await api.updateUser({ params: { id: shown!.id }, body: change })));
  const reset = () =>
    act(async () =>
      setOneTime(
        (await api.resetUserPassword({ params: { id: shown!.id }, body: {} })).oneTimePassword ??
          null,
      ),
    );
  const remove = () =>
    act(async () => {
      await api.deleteUser({ params: { id: shown!.id } });
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
                label={t('users.detail.role')}
                value={shown.role}
                onChange={(e) => void patch({ role: e.target.value as Role })}
              >
                <MenuItem value="admin">{t('common.roles.admin')}</MenuItem>
                <MenuItem value="uploader">{t('common.roles.uploader')}</MenuItem>
                <MenuItem value="viewer">{t('common.roles.viewer')}</MenuItem>
              </TextField>
              <FormControlLabel
                control={
                  <Switch
                    checked={!shown.disabled}
                    onChange={(e) => void patch({ disabled: !e.target.checked })}
                  />
                }
                label={
                  shown.disabled ? t('users.detail.disabledLabel') : t('users.detail.enabledLabel')
                }
              />
              <Typography variant="body2" color="text.secondary">
                {t('users.detail.summary', {
                  twoFactor: shown.totpEnabled ? t('users.on') : t('users.off'),
                  lastSignIn: shown.lastLoginAt
                    ? formatDateTime(shown.lastLoginAt)
                    : t('common.never'),
                  created: formatDate(shown.createdAt),
                })}
              </Typography>
              {oneTime ? (
                <CopyField label={t('users.detail.newOneTimePassword')} value={oneTime} autoFocus />
              ) : (
                <Button
                  variant="outlined"
                  onClick={() => void reset()}
                  sx={{ alignSelf: 'flex-start' }}
                >
                  {t('users.detail.resetPassword')}
                </Button>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            {confirmDelete ? (
              <>
                <Typography color="error" sx={{ mr: 'auto', pl: 2 }}>
                  {t('users.detail.confirmDelete', { email: shown.email })}
                </Typography>
                <Button onClick={() => setConfirmDelete(false)}>{t('users.detail.keep')}</Button>
                <Button color="error" variant="contained" onClick={() => void remove()}>
                  {t('users.detail.delete')}
                </Button>
              </>
            ) : (
              <>
                <Button color="error" onClick={() => setConfirmDelete(true)} sx={{ mr: 'auto' }}>
                  {t('users.detail.deleteUser')}
                </Button>
                <Button onClick={close}>{t('common.close')}</Button>
              </>
            )}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
