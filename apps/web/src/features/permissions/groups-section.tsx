// Groups: list with members; create, rename and change members, remove (their grants go too).
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { GroupView } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { GroupDialog } from './group-dialog';
import { api } from '../../api/api-client';
import { useTranslation } from 'react-i18next';

export function GroupsSection({
  groups,
  onChanged,
}: {
  groups: GroupView[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<GroupView | null>(null);
  const { t } = useTranslation();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (group: GroupView | null) => {
    setEditing(group);
    setDialogOpen(true);
  };
  const remove = async (group: GroupView) => {
    if (!window.confirm(t('permissions.groups.confirmRemove', { name: group.name }))) return;
    setError(null);
    try {
      await api.deleteGroup({ params: { id: group.id } });
      onChanged();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Box component="section" aria-labelledby="groups-heading">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="groups-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('permissions.groups.title')}
        </Typography>
        <Button startIcon={<AddOutlined />} onClick={() => open(null)}>
          {t('permissions.groups.newGroup')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {groups.length === 0 ? (
        <Typography color="text.secondary">{t('permissions.groups.none')}</Typography>
      ) : (
        <Paper variant="outlined">
          <List aria-label={t('permissions.groups.title')} disablePadding>
            {groups.map((group, index) => (
              <ListItem
                key={group.id}
                divider={index < groups.length - 1}
                sx={{ flexWrap: 'wrap', gap: 1 }}
              >
                <ListItemText
                  primary={group.name}
                  secondary={t('permissions.groups.members', { count: group.members.length })}
                  sx={{ flex: '1 1 160px' }}
                />
                <Stack
                  direction="row"
                  spacing={0.5}
                  sx={{ flex: '3 1 240px', flexWrap: 'wrap', rowGap: 0.5 }}
                >
                  {group.members.map((member) => (
                    <Chip key={member.id} size="small" label={member.email} />
                  ))}
                </Stack>
                <Box>
                  <Button
                    size="small"
                    aria-label={t('permissions.groups.editName', { name: group.name })}
                    onClick={() => open(group)}
                  >
                    {t('permissions.groups.edit')}
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    aria-label={t('permissions.groups.removeName', { name: group.name })}
                    onClick={() => void remove(group)}
                  >
                    {t('permissions.groups.remove')}
                  </Button>
                </Box>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <GroupDialog
        open={dialogOpen}
        group={editing}
        onClose={() => setDialogOpen(false)}
        onSaved={onChanged}
      />
    </Box>
  );
}
