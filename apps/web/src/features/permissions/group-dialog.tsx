// Creates a group or edits one: its name and its members.
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
import type { GroupView } from '@s3am/contracts';
import { problemMessage } from '../../api/client';
import { formDialogPaper } from '../common/form-dialog-paper';
import { saveGroup, type UserOption } from './permissions-api';
import { UsersPicker } from './user-picker';

export function GroupDialog({
  open,
  group,
  onClose,
  onSaved,
}: {
  open: boolean;
  group: GroupView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<UserOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Load the form when the dialog opens on a group (or on none, for a new one).
  const [loadedFor, setLoadedFor] = useState<string | null | undefined>(undefined);
  if (open && loadedFor !== (group?.id ?? null)) {
    setLoadedFor(group?.id ?? null);
    setName(group?.name ?? '');
    setMembers(group?.members ?? []);
    setError(null);
  }

  const save = async () => {
    setError(null);
    try {
      await saveGroup(group?.id ?? null, { name, memberIds: members.map((m) => m.id) });
      onSaved();
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
      maxWidth="sm"
      slotProps={{
        ...formDialogPaper(() => {
          if (name.trim()) void save();
        }),
        transition: { onExited: () => setLoadedFor(undefined) },
      }}
    >
      <DialogTitle>{group ? `Edit group ${group.name}` : 'New group'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            label="Group name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <UsersPicker label="Members" value={members} onChange={setMembers} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={!name.trim()}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
