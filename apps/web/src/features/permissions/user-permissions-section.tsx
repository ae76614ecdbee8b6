// "What can this user do?": a user's effective permissions after groups, expiry and role cap.
import {
  Alert,
  Box,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { EffectivePermissions } from '@s3am/contracts';
import { useApiQuery } from '../common/use-api-query';
import { ActionChips } from './grants-table';
import { api } from '../../api/api-client';
import { type UserOption } from './permissions-api';
import { UserPicker } from './user-picker';
import { Trans, useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

function viaLabel(via: string): string {
  return via === 'direct'
    ? i18n.t('permissions.effective.directGrant')
    : i18n.t('permissions.effective.viaGroup', { name: via.replace(/^group:/, '') });
}

function PermissionsTable({ permissions }: { permissions: EffectivePermissions }) {
  const { t } = useTranslation();
  if (permissions.entries.length === 0) {
    return (
      <Typography color="text.secondary">
        {permissions.allAccess
          ? t('permissions.effective.allAccessNoGrants')
          : t('permissions.effective.nothing')}
      </Typography>
    );
  }
  return (
    // Wider than a phone: the scroll region takes focus so keyboard users can scroll it too.
    <TableContainer
      component={Paper}
      variant="outlined"
      tabIndex={0}
      role="region"
      aria-label={t('permissions.effective.scrollable')}
    >
      <Table size="small" aria-label={t('permissions.effective.label')} sx={{ minWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('permissions.table.connection')}</TableCell>
            <TableCell>{t('permissions.table.bucket')}</TableCell>
            <TableCell>{t('permissions.table.prefix')}</TableCell>
            <TableCell>{t('permissions.table.actions')}</TableCell>
            <TableCell>{t('permissions.table.via')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {permissions.entries.map((entry) => (
            <TableRow key={`${entry.connectionId}|${entry.bucket}|${entry.prefix}`}>
              <TableCell>{entry.connectionName}</TableCell>
              <TableCell>{entry.bucket}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {entry.prefix || <em>{t('permissions.table.wholeBucket')}</em>}
              </TableCell>
              <TableCell>
                <ActionChips actions={entry.actions} />
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  {entry.via.map((via) => (
                    <Chip key={via} size="small" label={viaLabel(via)} />
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function UserPermissionsSection() {
  const [user, setUser] = useState<UserOption | null>(null);
  const { t } = useTranslation();
  const { data, error } = useApiQuery(
    async () => (user ? api.userPermissions({ params: { id: user.id } }) : null),
    [user],
  );
  const shown = data && data.userId === user?.id ? data : null;
  return (
    <Box component="section" aria-labelledby="user-permissions-heading">
      <Typography id="user-permissions-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('permissions.effective.title')}
      </Typography>
      <Box sx={{ maxWidth: 420, mb: 2 }}>
        <UserPicker label={t('permissions.effective.user')} value={user} onChange={setUser} />
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {shown && (
        <Stack spacing={1}>
          <Typography variant="body2">
            <Trans
              i18nKey="permissions.effective.role"
              values={{ role: shown.role }}
              components={{ strong: <strong /> }}
            />
            {shown.allAccess && t('permissions.effective.adminNote')}
            {shown.role === 'viewer' && t('permissions.effective.viewerNote')}
          </Typography>
          <PermissionsTable permissions={shown} />
        </Stack>
      )}
    </Box>
  );
}
