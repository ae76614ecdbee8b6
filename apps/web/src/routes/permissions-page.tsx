// Permissions (admins): grants on bucket prefixes, groups, and what one user can do.
import AddOutlined from '@mui/icons-material/AddOutlined';
import { Alert, Box, Button, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { GrantView } from '@s3am/contracts';
import { problemMessage } from '../api/problem';
import { useApiQuery } from '../features/common/use-api-query';
import { EditGrantDialog } from '../features/permissions/edit-grant-dialog';
import { GrantDialog } from '../features/permissions/grant-dialog';
import { GrantsTable } from '../features/permissions/grants-table';
import { GroupsSection } from '../features/permissions/groups-section';
import { api } from '../api/api-client';
import {
  fetchConnections,
  fetchGrants,
  fetchGroups,
} from '../features/permissions/permissions-api';
import { UserPermissionsSection } from '../features/permissions/user-permissions-section';
import { QuotasSection } from '../features/quotas/quotas-section';
import { useTranslation } from 'react-i18next';

export function PermissionsPage() {
  const { t } = useTranslation();
  const grants = useApiQuery(fetchGrants, []);
  const groups = useApiQuery(fetchGroups, []);
  const connections = useApiQuery(fetchConnections, []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GrantView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const remove = async (grant: GrantView) => {
    const who = grant.userEmail ?? t('permissions.groupWho', { name: grant.groupName });
    const place = `${grant.bucket}/${grant.prefix}`;
    if (!window.confirm(t('permissions.confirmRemove', { who, place }))) return;
    setActionError(null);
    try {
      await api.deleteGrant({ params: { id: grant.id } });
      await grants.reload();
    } catch (caught) {
      setActionError(problemMessage(caught));
    }
  };
  const error = grants.error ?? groups.error ?? connections.error ?? actionError;

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 3, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('permissions.title')}
        </Typography>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          {t('permissions.newGrant')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Stack spacing={4} divider={<Divider />}>
        <Box component="section" aria-labelledby="grants-heading">
          <Typography id="grants-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('permissions.grants')}
          </Typography>
          {grants.data && (
            <GrantsTable
              grants={grants.data}
              onEdit={setEditing}
              onDelete={(g) => void remove(g)}
            />
          )}
        </Box>
        <GroupsSection
          groups={groups.data ?? []}
          onChanged={() => {
            void groups.reload();
            // Renaming or removing a group changes how its grants read.
            void grants.reload();
          }}
        />
        <UserPermissionsSection />
        <QuotasSection />
      </Stack>
      <EditGrantDialog
        grant={editing}
        onClose={() => setEditing(null)}
        onSaved={() => void grants.reload()}
      />
      <GrantDialog
        open={creating}
        connections={connections.data ?? []}
        groups={groups.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={() => void grants.reload()}
      />
    </Box>
  );
}
