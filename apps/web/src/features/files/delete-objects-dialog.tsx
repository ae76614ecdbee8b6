// Confirms deleting the selected objects, deletes them and reports any that S3 refused.
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import { deleteObjects, type BucketRef } from './files-api';
import { useTranslation } from 'react-i18next';

export function DeleteObjectsDialog({
  where,
  keys,
  onClose,
  onDeleted,
}: {
  where: BucketRef;
  keys: string[];
  onClose: () => void;
  onDeleted: (deleted: string[]) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = keys.length > 0;
  // Keep the list on screen while the dialog fades out after `keys` went empty.
  const [shown, setShown] = useState(keys);
  if (open && keys !== shown) setShown(keys);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await deleteObjects(where, keys);
      onDeleted(result.deleted);
      if (result.errors.length) {
        setError(
          t('files.deleteObjects.notDeleted', {
            list: result.errors.map((e) => `${e.key} (${e.message})`).join(', '),
          }),
        );
      } else {
        onClose();
      }
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      slotProps={{ transition: { onExited: () => setError(null) } }}
    >
      <DialogTitle>{t('files.deleteObjects.title', { count: shown.length })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('files.deleteObjects.cannotUndo')}</DialogContentText>
        <Box
          component="ul"
          sx={{ pl: 2, maxHeight: 200, overflow: 'auto', wordBreak: 'break-all' }}
        >
          {shown.map((key) => (
            <li key={key}>{key}</li>
          ))}
        </Box>
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button color="error" variant="contained" disabled={busy} onClick={() => void confirm()}>
          {t('files.deleteObjects.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
