// All grants: who, where (connection, bucket, prefix), which actions, until when; edit, remove.
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import {
  Chip,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import type { GrantAction, GrantView } from '@s3am/contracts';

export function ActionChips({ actions }: { actions: GrantAction[] }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {actions.map((action) => (
        <Chip key={action} size="small" variant="outlined" label={action} />
      ))}
    </Stack>
  );
}

function Grantee({ grant }: { grant: GrantView }) {
  const group = grant.groupId !== null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {group ? (
        <GroupOutlined fontSize="small" aria-label="Group" />
      ) : (
        <PersonOutlined fontSize="small" aria-label="User" />
      )}
      <span>{group ? grant.groupName : grant.userEmail}</span>
    </Stack>
  );
}

function expiry(expiresAt: string | null): { text: string; expired: boolean } {
  if (!expiresAt) return { text: 'Never', expired: false };
  return {
    text: new Date(expiresAt).toLocaleDateString(),
    expired: Date.parse(expiresAt) < Date.now(),
  };
}

export function GrantsTable({
  grants,
  onEdit,
  onDelete,
}: {
  grants: GrantView[];
  onEdit: (grant: GrantView) => void;
  onDelete: (grant: GrantView) => void;
}) {
  if (grants.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        No grants yet. Admins see every bucket; everyone else sees only what is granted here.
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
      aria-label="Grants, scrollable"
    >
      <Table size="small" aria-label="Grants" sx={{ minWidth: 760 }}>
        <TableHead>
          <TableRow>
            <TableCell>Grantee</TableCell>
            <TableCell>Connection</TableCell>
            <TableCell>Bucket</TableCell>
            <TableCell>Prefix</TableCell>
            <TableCell>Actions</TableCell>
            <TableCell>Expires</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {grants.map((grant) => {
            const { text, expired } = expiry(grant.expiresAt);
            return (
              <TableRow key={grant.id}>
                <TableCell>
                  <Grantee grant={grant} />
                </TableCell>
                <TableCell>{grant.connectionName}</TableCell>
                <TableCell>{grant.bucket}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {grant.prefix || <em>whole bucket</em>}
                </TableCell>
                <TableCell>
                  <ActionChips actions={grant.actions} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {expired ? <Chip size="small" color="warning" label={`Expired ${text}`} /> : text}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title="Edit grant">
                    <IconButton
                      size="small"
                      aria-label={`Edit grant on ${grant.bucket}/${grant.prefix} for ${grant.userEmail ?? grant.groupName}`}
                      onClick={() => onEdit(grant)}
                    >
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Remove grant">
                    <IconButton
                      size="small"
                      aria-label={`Remove grant on ${grant.bucket}/${grant.prefix} for ${grant.userEmail ?? grant.groupName}`}
                      onClick={() => onDelete(grant)}
                    >
                      <DeleteOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
