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
import { DownloadLink, type ObjectRef } from '@s3am/contracts';
import { api, problemMessage } from '../../api/client';
import { formDialogPaper } from '../common/form-dialog-paper';
import { formatDateTime } from '../i18n/intl-format';

const LIFETIMES = [
  { seconds: 15 * 60, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 24 * 3600, label: '1 day' },
  { seconds: 7 * 24 * 3600, label: '7 days' },
];

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
      const link = DownloadLink.parse(
        (await api.post('/api/files/download-url', { ...ref, expiresInSeconds: seconds })).data,
      );
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
      <DialogTitle>Copy link</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            Anyone with the link can download <strong>{name}</strong> until it expires.
          </Typography>
          <TextField
            select
            label="Link works for"
            value={seconds}
            onChange={(event) => {
              setSeconds(Number(event.target.value));
              setResult(null);
            }}
            helperText="Your admin may allow less; the link then expires sooner (shown below)."
          >
            {LIFETIMES.map((lifetime) => (
              <MenuItem key={lifetime.seconds} value={lifetime.seconds}>
                {lifetime.label}
              </MenuItem>
            ))}
          </TextField>
          {result?.kind === 'error' && <Alert severity="error">{result.message}</Alert>}
          {result && result.kind !== 'error' && (
            <>
              <Alert severity={result.kind === 'copied' ? 'success' : 'info'} role="status">
                {result.kind === 'copied'
                  ? `Link copied. It works until ${formatDateTime(result.expiresAt)}.`
                  : `This browser does not allow copying here: select the link below and copy it. It works until ${formatDateTime(result.expiresAt)}.`}
              </Alert>
              <TextField
                label="Link"
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
        <Button onClick={close}>{result && result.kind !== 'error' ? 'Done' : 'Cancel'}</Button>
        {(!result || result.kind === 'error') && (
          <Button type="submit" variant="contained" loading={busy}>
            Create and copy link
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
