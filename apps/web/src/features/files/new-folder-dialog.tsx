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
import { problemMessage } from '../../api/client';
import { createFolder, type BucketRef } from './files-api';

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
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim().replace(/\/+$/, '');
  const invalid = trimmed.includes('/') || trimmed === '.' || trimmed === '..';

  const create = async () => {
    setError(null);
    try {
      await createFolder({ ...where, key: `${parent}${trimmed}/` });
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
        <DialogTitle>New folder</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField
              label="Folder name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              error={invalid}
              helperText={invalid ? 'One name, without "/".' : `Inside ${parent || '/'}`}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!trimmed || invalid}>
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
