// My share links: what each shares, its state, how often it was opened and downloaded, and a
// revoke button for the live ones.
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
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
import type { ShareStatus, ShareView } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { useApiQuery } from '../common/use-api-query';
import { api } from '../../api/api-client';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/intl-format';

const STATUS_COLOR: Record<ShareStatus, 'success' | 'default' | 'error' | 'warning'> = {
  active: 'success',
  expired: 'default',
  revoked: 'error',
  exhausted: 'warning',
};

export function LinkStatusChip({ status }: { status: ShareStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      label={t(`shares.status.${status}`)}
      color={STATUS_COLOR[status]}
      variant={status === 'active' ? 'filled' : 'outlined'}
      sx={{ textTransform: 'capitalize' }}
    />
  );
}

function What({ share }: { share: ShareView }) {
  const Icon = share.isFolder ? FolderOutlined : InsertDriveFileOutlined;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Icon fontSize="small" color="action" />
      <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
        {share.bucket}/{share.key}
      </Typography>
    </Stack>
  );
}

export function MySharesSection() {
  const shares = useApiQuery(() => api.listShares(), []);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  const revoke = async (share: ShareView) => {
    if (!window.confirm(t('shares.confirmRevoke', { what: share.key || share.bucket }))) return;
    setError(null);
    try {
      await api.revokeShare({ params: { id: share.id } });
      await shares.reload();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  const items = shares.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="shares-heading">
      <Typography id="shares-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('shares.title')}
      </Typography>
      {(error ?? shares.error) && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error ?? shares.error}
        </Alert>
      )}
      {shares.data && items.length === 0 && (
        <Typography color="text.secondary">{t('shares.none')}</Typography>
      )}
      {items.length > 0 && (
        <TableContainer tabIndex={0} aria-label={t('shares.tableLabel')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('shares.shared')}</TableCell>
                <TableCell>{t('shares.statusColumn')}</TableCell>
                <TableCell align="right">{t('shares.opened')}</TableCell>
                <TableCell align="right">{t('shares.downloads')}</TableCell>
                <TableCell>{t('shares.expires')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((share) => (
                <TableRow key={share.id}>
                  <TableCell>
                    <What share={share} />
                    {share.hasPassword && (
                      <Typography variant="caption" color="text.secondary">
                        {t('shares.password')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <LinkStatusChip status={share.status} />
                  </TableCell>
                  <TableCell align="right">{share.accessCount}</TableCell>
                  <TableCell align="right">
                    {share.downloadCount}
                    {share.maxDownloads !== null && t('shares.of', { max: share.maxDownloads })}
                  </TableCell>
                  <TableCell>{formatDateTime(share.expiresAt)}</TableCell>
                  <TableCell align="right">
                    {share.status === 'active' && (
                      <Button color="error" size="small" onClick={() => void revoke(share)}>
                        {t('shares.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
