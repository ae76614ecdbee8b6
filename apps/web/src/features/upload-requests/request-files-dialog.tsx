// Creates an upload request: a link through which people without an account send files into one
// folder, within the limits set here. The link is shown once, with a copy button.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { CreatedUploadRequestLink } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { api } from '../../api/api-client';
import { listOf } from '../shares/share-dialog';

export interface RequestTarget {
  connectionId: string;
  bucket: string;
  /** The folder guests upload into: '' or ending in '/'. */
  prefix: string;
}

const MIB = 1024 * 1024;
const optional = (text: string, unit = 1) =>
  text.trim() === '' ? undefined : Math.round(Number(text) * unit);

export function RequestFilesDialog({
  target,
  onClose,
}: {
  target: RequestTarget | null;
  onClose: () => void;
}) {
  const initial = {
    title: '',
    days: '7',
    fileMiB: '',
    totalMiB: '',
    files: '',
    types: '',
    password: '',
  };
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUploadRequestLink | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof initial) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  const submit = async () => {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      const limits = {
        maxFileBytes: optional(form.fileMiB, MIB),
        maxTotalBytes: optional(form.totalMiB, MIB),
        maxFiles: optional(form.files),
      };
      const types = listOf(form.types);
      setCreated(
        await api.createUploadRequest({
          body: {
            ...target,
            expiresInDays: Number(form.days),
            ...(form.title.trim() ? { title: form.title.trim() } : {}),
            ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
            ...(types.length > 0 ? { allowedTypes: types } : {}),
            ...(form.password ? { password: form.password } : {}),
          },
        }),
      );
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      slotProps={{
        ...formDialogPaper(() => void submit()),
        transition: {
          onExited: () => {
            setForm(initial);
            setError(null);
            setCreated(null);
          },
        },
      }}
    >
      <DialogTitle>Request files into “{target?.prefix || '/'}”</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          {created ? (
            <>
              <Alert severity="success">
                Anyone with this link can upload into this folder until{' '}
                {new Date(created.expiresAt).toLocaleString()}; files never replace others. Copy it
                now: it is shown only once. New files appear on the Shared links page.
              </Alert>
              <CopyField label="Upload link" value={created.url} autoFocus />
            </>
          ) : (
            <>
              <TextField label="Title shown to senders (optional)" autoFocus {...field('title')} />
              <TextField
                label="Expires after (days)"
                type="number"
                slotProps={{ htmlInput: { min: 1 } }}
                {...field('days')}
              />
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField label="Max file size (MiB)" type="number" {...field('fileMiB')} />
                <TextField label="Max in total (MiB)" type="number" {...field('totalMiB')} />
                <TextField label="Max files" type="number" {...field('files')} />
              </Stack>
              <TextField
                label="Allowed types (optional)"
                helperText='Extensions or content types, e.g. ".pdf, image/*"'
                {...field('types')}
              />
              <TextField
                label="Password (optional)"
                type="password"
                autoComplete="new-password"
                helperText="At least 8 characters. Send it separately from the link."
                {...field('password')}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{created ? 'Done' : 'Cancel'}</Button>
        {!created && (
          <Button type="submit" variant="contained" disabled={busy || !(Number(form.days) >= 1)}>
            Create link
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
