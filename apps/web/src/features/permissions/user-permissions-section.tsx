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
import { fetchEffectivePermissions, type UserOption } from './permissions-api';
import { UserPicker } from './user-picker';

function viaLabel(via: string): string {
  return via === 'direct' ? 'direct grant' : via.replace(/^group:/, 'group ');
}

function PermissionsTable({ permissions }: { permissions: EffectivePermissions }) {
  if (permissions.entries.length === 0) {
    return (
      <Typography color="text.secondary">
        {permissions.allAccess
          ? 'No grants, but nothing is hidden either.'
          : 'Nothing: this user sees no files.'}
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
      aria-label="Effective permissions, scrollable"
    >
      <Table size="small" aria-label="Effective permissions" sx={{ minWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>Connection</TableCell>
            <TableCell>Bucket</TableCell>
            <TableCell>Prefix</TableCell>
            <TableCell>Actions</TableCell>
            <TableCell>Via</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {permissions.entries.map((entry) => (
            <TableRow key={`${entry.connectionId}|${entry.bucket}|${entry.prefix}`}>
              <TableCell>{entry.connectionName}</TableCell>
              <TableCell>{entry.bucket}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {entry.prefix || <em>whole bucket</em>}
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
  const { data, error } = useApiQuery(
    async () => (user ? fetchEffectivePermissions(user.id) : null),
    [user],
  );
  const shown = data && data.userId === user?.id ? data : null;
  return (
    <Box component="section" aria-labelledby="user-permissions-heading">
      <Typography id="user-permissions-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        What can this user do?
      </Typography>
      <Box sx={{ maxWidth: 420, mb: 2 }}>
        <UserPicker label="User" value={user} onChange={setUser} />
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {shown && (
        <Stack spacing={1}>
          <Typography variant="body2">
            Role <strong>{shown.role}</strong>
            {shown.allAccess && ' — admins reach every bucket of every connection.'}
            {shown.role === 'viewer' &&
              ' — viewers never write or delete, whatever the grants say.'}
          </Typography>
          <PermissionsTable permissions={shown} />
        </Stack>
      )}
    </Box>
  );
}
