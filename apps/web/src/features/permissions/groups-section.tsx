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
import { problemMessage } from '../../api/client';
import { GroupDialog } from './group-dialog';
import { deleteGroup } from './permissions-api';

export function GroupsSection({
  groups,
  onChanged,
}: {
  groups: GroupView[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<GroupView | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (group: GroupView | null) => {
    setEditing(group);
    setDialogOpen(true);
  };
  const remove = async (group: GroupView) => {
    if (!window.confirm(`Remove the group "${group.name}"? Its grants go too.`)) return;
    setError(null);
    try {
      await deleteGroup(group.id);
      onChanged();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Box component="section" aria-labelledby="groups-heading">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="groups-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Groups
        </Typography>
        <Button startIcon={<AddOutlined />} onClick={() => open(null)}>
          New group
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {groups.length === 0 ? (
        <Typography color="text.secondary">
          No groups yet. Grant a group once instead of each of its members.
        </Typography>
      ) : (
        <Paper variant="outlined">
          <List aria-label="Groups" disablePadding>
            {groups.map((group, index) => (
              <ListItem
                key={group.id}
                divider={index < groups.length - 1}
                sx={{ flexWrap: 'wrap', gap: 1 }}
              >
                <ListItemText
                  primary={group.name}
                  secondary={`${group.members.length} member${group.members.length === 1 ? '' : 's'}`}
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
                    aria-label={`Edit group ${group.name}`}
                    onClick={() => open(group)}
                  >
                    Edit
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    aria-label={`Remove group ${group.name}`}
                    onClick={() => void remove(group)}
                  >
                    Remove
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
