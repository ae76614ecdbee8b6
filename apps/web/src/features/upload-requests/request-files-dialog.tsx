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
import { useTranslation } from 'react-i18next';
import type { CreatedUploadRequestLink } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { api } from '../../api/api-client';
import { formatDateTime } from '../i18n/intl-format';
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
  const { t } = useTranslation();
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
      <DialogTitle>{t('requests.dialog.title', { folder: target?.prefix || '/' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          {created ? (
            <>
              <Alert severity="success">
                {t('requests.dialog.created', { when: formatDateTime(created.expiresAt) })}
              </Alert>
              <CopyField label={t('requests.dialog.link')} value={created.url} autoFocus />
            </>
          ) : (
            <>
              <TextField label={t('requests.dialog.titleField')} autoFocus {...field('title')} />
              <TextField
                label={t('requests.dialog.expiresAfter')}
                type="number"
                slotProps={{ htmlInput: { min: 1 } }}
                {...field('days')}
              />
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label={t('requests.dialog.maxFile')}
                  type="number"
                  {...field('fileMiB')}
                />
                <TextField
                  label={t('requests.dialog.maxTotal')}
                  type="number"
                  {...field('totalMiB')}
                />
                <TextField
                  label={t('requests.dialog.maxFiles')}
                  type="number"
                  {...field('files')}
                />
              </Stack>
              <TextField
                label={t('requests.dialog.types')}
                helperText={t('requests.dialog.typesHelp')}
                {...field('types')}
              />
              <TextField
                label={t('requests.dialog.password')}
                type="password"
                autoComplete="new-password"
                helperText={t('requests.dialog.passwordHelp')}
                {...field('password')}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{created ? t('common.done') : t('common.cancel')}</Button>
        {!created && (
          <Button type="submit" variant="contained" disabled={busy || !(Number(form.days) >= 1)}>
            {t('requests.dialog.create')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
