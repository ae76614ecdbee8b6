// Creates a share link on a file or folder: expiry, optional password, download limit and
// allowed networks. The link is shown once (the app keeps only its hash), with a copy button.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_DEFAULT_EXPIRY_DAYS, type CreatedShare } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { api } from '../../api/api-client';
import { formatDateTime } from '../i18n/intl-format';

export interface ShareTarget {
  connectionId: string;
  bucket: string;
  /** A file's key, or a folder ('' or ending in '/'). */
  path: string;
  isFolder: boolean;
}

/** "203.0.113.0/24, 198.51.100.7" → the entries. */
export const listOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

const whole = (text: string) => (text.trim() === '' ? undefined : Number(text));

export function ShareDialog({
  target,
  onClose,
}: {
  target: ShareTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState(String(SHARE_DEFAULT_EXPIRY_DAYS));
  const [password, setPassword] = useState('');
  const [maxDownloads, setMaxDownloads] = useState('');
  const [cidrs, setCidrs] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [busy, setBusy] = useState(false);
  const name = target ? target.path.replace(/\/$/, '').split('/').pop() || target.bucket : '';

  const submit = async () => {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      const ranges = listOf(cidrs);
      setCreated(
        await api.createShare({
          body: {
            connectionId: target.connectionId,
            bucket: target.bucket,
            ...(target.isFolder ? { prefix: target.path } : { key: target.path }),
            expiresInDays: Number(days),
            ...(password ? { password } : {}),
            ...(whole(maxDownloads) ? { maxDownloads: whole(maxDownloads) } : {}),
            ...(ranges.length > 0 ? { allowedCidrs: ranges } : {}),
          },
        }),
      );
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setDays(String(SHARE_DEFAULT_EXPIRY_DAYS));
    setPassword('');
    setMaxDownloads('');
    setCidrs('');
    setError(null);
    setCreated(null);
  };

  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      slotProps={{ ...formDialogPaper(() => void submit()), transition: { onExited: reset } }}
    >
      <DialogTitle>
        {target?.isFolder
          ? t('shares.dialog.titleFolder', { name })
          : t('shares.dialog.titleFile', { name })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          {created ? (
            <>
              <Alert severity="success">
                {t(target?.isFolder ? 'shares.dialog.createdFolder' : 'shares.dialog.createdFile', {
                  when: formatDateTime(created.expiresAt),
                })}
              </Alert>
              <CopyField label={t('shares.dialog.link')} value={created.url} autoFocus />
            </>
          ) : (
            <>
              <TextField
                label={t('shares.dialog.expiresAfter')}
                type="number"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                slotProps={{ htmlInput: { min: 1 } }}
                autoFocus
              />
              <TextField
                label={t('shares.dialog.password')}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                helperText={t('shares.dialog.passwordHelp')}
              />
              <TextField
                label={t('shares.dialog.downloadLimit')}
                type="number"
                value={maxDownloads}
                onChange={(e) => setMaxDownloads(e.target.value)}
                slotProps={{ htmlInput: { min: 1 } }}
              />
              <TextField
                label={t('shares.dialog.networks')}
                value={cidrs}
                onChange={(e) => setCidrs(e.target.value)}
                helperText={t('shares.dialog.networksHelp')}
              />
              <Typography variant="caption" color="text.secondary">
                {t('shares.dialog.recorded')}
              </Typography>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{created ? t('common.done') : t('common.cancel')}</Button>
        {!created && (
          <Button type="submit" variant="contained" disabled={busy || !(Number(days) >= 1)}>
            {t('shares.dialog.create')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
