// Sets one user's or group's quota: a size limit (in GiB) and a file limit; both empty removes it.
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
import { problemMessage } from '../../api/problem';
import { formDialogPaper } from '../common/form-dialog-paper';
import { saveQuota } from './quotas-api';
import { useTranslation } from 'react-i18next';

export interface QuotaSubject {
  subject: 'user' | 'group';
  id: string;
  name: string;
  maxBytes: number | null;
  maxObjects: number | null;
}

const GIB = 1024 ** 3;
const asGib = (bytes: number | null) => (bytes === null ? '' : String(+(bytes / GIB).toFixed(3)));

export function QuotaDialog({
  target,
  onClose,
  onSaved,
}: {
  target: QuotaSubject | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  // Keyed by the subject (see the caller), so the fields start from its current limits.
  const [gib, setGib] = useState(asGib(target?.maxBytes ?? null));
  const [files, setFiles] = useState(
    target?.maxObjects === null ? '' : String(target?.maxObjects ?? ''),
  );
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!target) return;
    setError(null);
    try {
      await saveQuota(target.subject, target.id, {
        maxBytes: gib.trim() === '' ? null : Math.round(Number(gib) * GIB),
        maxObjects: files.trim() === '' ? null : Math.round(Number(files)),
      });
      onSaved();
      onClose();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      slotProps={formDialogPaper(() => void save())}
    >
      <DialogTitle>{t('quotas.dialog.title', { name: target?.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <Typography variant="body2" color="text.secondary">
            {target?.subject === 'group'
              ? t('quotas.dialog.countsGroup')
              : t('quotas.dialog.countsUser')}
          </Typography>
          <TextField
            label={t('quotas.dialog.sizeLimit')}
            type="number"
            value={gib}
            onChange={(e) => setGib(e.target.value)}
            slotProps={{ htmlInput: { min: 0, step: 'any' } }}
            autoFocus
          />
          <TextField
            label={t('quotas.dialog.fileLimit')}
            type="number"
            value={files}
            onChange={(e) => setFiles(e.target.value)}
            slotProps={{ htmlInput: { min: 0 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained">
          {t('quotas.dialog.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
