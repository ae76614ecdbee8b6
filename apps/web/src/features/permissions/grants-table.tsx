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
import { useTranslation } from 'react-i18next';
import { currentLocale, i18n } from '../i18n/i18n';

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
  const { t } = useTranslation();
  const group = grant.groupId !== null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {group ? (
        <GroupOutlined fontSize="small" aria-label={t('permissions.table.group')} />
      ) : (
        <PersonOutlined fontSize="small" aria-label={t('permissions.table.user')} />
      )}
      <span>{group ? grant.groupName : grant.userEmail}</span>
    </Stack>
  );
}

function expiry(expiresAt: string | null): { text: string; expired: boolean } {
  if (!expiresAt) return { text: i18n.t('permissions.table.never'), expired: false };
  return {
    text: new Date(expiresAt).toLocaleDateString(currentLocale()),
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
  const { t } = useTranslation();
  if (grants.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        {t('permissions.table.none')}
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
      aria-label={t('permissions.table.scrollable')}
    >
      <Table size="small" aria-label={t('permissions.grants')} sx={{ minWidth: 760 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('permissions.table.grantee')}</TableCell>
            <TableCell>{t('permissions.table.connection')}</TableCell>
            <TableCell>{t('permissions.table.bucket')}</TableCell>
            <TableCell>{t('permissions.table.prefix')}</TableCell>
            <TableCell>{t('permissions.table.actions')}</TableCell>
            <TableCell>{t('permissions.table.expires')}</TableCell>
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
                  {grant.prefix || <em>{t('permissions.table.wholeBucket')}</em>}
                </TableCell>
                <TableCell>
                  <ActionChips actions={grant.actions} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {expired ? (
                    <Chip
                      size="small"
                      color="warning"
                      label={t('permissions.table.expired', { date: text })}
                    />
                  ) : (
                    text
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={t('permissions.table.edit')}>
                    <IconButton
                      size="small"
                      aria-label={t('permissions.table.editOn', {
                        place: `${grant.bucket}/${grant.prefix}`,
                        who: grant.userEmail ?? grant.groupName,
                      })}
                      onClick={() => onEdit(grant)}
                    >
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('permissions.table.remove')}>
                    <IconButton
                      size="small"
                      aria-label={t('permissions.table.removeOn', {
                        place: `${grant.bucket}/${grant.prefix}`,
                        who: grant.userEmail ?? grant.groupName,
                      })}
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
