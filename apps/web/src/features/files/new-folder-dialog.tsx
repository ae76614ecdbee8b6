// Asks for a folder name and creates it inside the current folder.
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
import { problemMessage } from '../../api/problem';
import { api } from '../../api/api-client';
import { type BucketRef } from './files-api';
import { useTranslation } from 'react-i18next';

export function NewFolderDialog({
  open,
  where,
  parent,
  onClose,
  onCreated,
}: {
  open: boolean;
  where: BucketRef;
  parent: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim().replace(/\/+$/, '');
  const invalid = trimmed.includes('/') || trimmed === '.' || trimmed === '..';

  const create = async () => {
    setError(null);
    try {
      await api.createFolder({ body: { ...where, key: `${parent}${trimmed}/` } });
      onCreated();
      onClose();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      slotProps={{
        transition: {
          onExited: () => {
            setName('');
            setError(null);
          },
        },
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed && !invalid) void create();
        }}
      >
        <DialogTitle>{t('files.newFolderDialog.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField
              label={t('files.newFolderDialog.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              error={invalid}
              helperText={
                invalid
                  ? t('files.newFolderDialog.oneName')
                  : t('files.newFolderDialog.inside', { parent: parent || '/' })
              }
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!trimmed || invalid}>
            {t('files.newFolderDialog.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
