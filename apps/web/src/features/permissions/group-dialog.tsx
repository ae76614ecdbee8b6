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
import { problemMessage } from '../../api/problem';
import { formDialogPaper } from '../common/form-dialog-paper';
import { saveGroup, type UserOption } from './permissions-api';
import { UsersPicker } from './user-picker';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
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
      <DialogTitle>
        {group
          ? t('permissions.groups.editName', { name: group.name })
          : t('permissions.groups.newTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            label={t('permissions.groups.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <UsersPicker
            label={t('permissions.groups.memberList')}
            value={members}
            onChange={setMembers}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={!name.trim()}>
          {t('permissions.groups.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
