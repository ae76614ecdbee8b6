// Copy link: people choose how long the link lives (the server caps it at the admin's maximum),
// see until when it works, and get the link in a field to copy by hand when the browser does
// not allow the clipboard (plain http, a denied permission). One dialog for the whole app,
// opened from wherever a file is (openCopyLinkDialog), hosted once in the app shell.
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
  Typography,
} from '@mui/material';
import { useState, useSyncExternalStore } from 'react';
import { type ObjectRef } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { formDialogPaper } from '../common/form-dialog-paper';
import { formatDateTime } from '../i18n/intl-format';
import { Trans, useTranslation } from 'react-i18next';

const LIFETIMES = [
  { seconds: 15 * 60, label: 'files.copyLink.minutes15' },
  { seconds: 3600, label: 'files.copyLink.hour1' },
  { seconds: 24 * 3600, label: 'files.copyLink.day1' },
  { seconds: 7 * 24 * 3600, label: 'files.copyLink.days7' },
] as const;

let target: ObjectRef | null = null;
const listeners = new Set<() => void>();
function setTarget(next: ObjectRef | null) {
  target = next;
  for (const listener of listeners) listener();
}

export function openCopyLinkDialog(ref: ObjectRef): void {
  setTarget(ref);
}

type Result =
  | { kind: 'copied' | 'manual'; url: string; expiresAt: string }
  | { kind: 'error'; message: string };

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyLinkDialogHost() {
  const ref = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => target,
  );
  const [seconds, setSeconds] = useState(3600);
  const { t } = useTranslation();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setTarget(null);
    setResult(null);
  };
  const create = async () => {
    if (!ref || busy) return;
    setBusy(true);
    try {
      const link = await api.downloadUrl({ body: { ...ref, expiresInSeconds: seconds } });
      const copied = await copyToClipboard(link.url);
      setResult({ kind: copied ? 'copied' : 'manual', url: link.url, expiresAt: link.expiresAt });
    } catch (caught) {
      setResult({ kind: 'error', message: problemMessage(caught) });
    } finally {
      setBusy(false);
    }
  };
  const name = ref ? ref.key.slice(ref.key.lastIndexOf('/') + 1) : '';
  return (
    <Dialog
      open={ref !== null}
      onClose={close}
      fullWidth
      maxWidth="sm"
      slotProps={formDialogPaper(() => {
        if (result && result.kind !== 'error') close();
        else void create();
      })}
    >
      <DialogTitle>{t('files.copyLink.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <Trans
              i18nKey="files.copyLink.anyone"
              values={{ name }}
              components={{ strong: <strong /> }}
            />
          </Typography>
          <TextField
            select
            label={t('files.copyLink.worksFor')}
            value={seconds}
            onChange={(event) => {
              setSeconds(Number(event.target.value));
              setResult(null);
            }}
            helperText={t('files.copyLink.worksForHelp')}
          >
            {LIFETIMES.map((lifetime) => (
              <MenuItem key={lifetime.seconds} value={lifetime.seconds}>
                {t(lifetime.label)}
              </MenuItem>
            ))}
          </TextField>
          {result?.kind === 'error' && <Alert severity="error">{result.message}</Alert>}
          {result && result.kind !== 'error' && (
            <>
              <Alert severity={result.kind === 'copied' ? 'success' : 'info'} role="status">
                {result.kind === 'copied'
                  ? t('files.copyLink.copied', { when: formatDateTime(result.expiresAt) })
                  : t('files.copyLink.manual', { when: formatDateTime(result.expiresAt) })}
              </Alert>
              <TextField
                label={t('files.copyLink.link')}
                value={result.url}
                slotProps={{ htmlInput: { readOnly: true } }}
                onFocus={(event) => event.target.select()}
                autoFocus={result.kind === 'manual'}
                multiline
                maxRows={4}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>
          {result && result.kind !== 'error' ? t('common.done') : t('common.cancel')}
        </Button>
        {(!result || result.kind === 'error') && (
          <Button type="submit" variant="contained" loading={busy}>
            {t('files.copyLink.create')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
