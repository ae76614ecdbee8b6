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
import { problemMessage } from '../../api/client';
import { useApiQuery } from '../common/use-api-query';
import { fetchShares, revokeShare } from './owner-links-api';

const STATUS_COLOR: Record<ShareStatus, 'success' | 'default' | 'error' | 'warning'> = {
  active: 'success',
  expired: 'default',
  revoked: 'error',
  exhausted: 'warning',
};

export function LinkStatusChip({ status }: { status: ShareStatus }) {
  return (
    <Chip
      size="small"
      label={status === 'exhausted' ? 'used up' : status}
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
  const shares = useApiQuery(fetchShares, []);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (share: ShareView) => {
    if (
      !window.confirm(`Revoke the link to ${share.key || share.bucket}? It stops working at once.`)
    )
      return;
    setError(null);
    try {
      await revokeShare(share.id);
      await shares.reload();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  const items = shares.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="shares-heading">
      <Typography id="shares-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        Share links
      </Typography>
      {(error ?? shares.error) && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error ?? shares.error}
        </Alert>
      )}
      {shares.data && items.length === 0 && (
        <Typography color="text.secondary">
          No share links yet. On the Files page, choose Share on a folder or a file.
        </Typography>
      )}
      {items.length > 0 && (
        <TableContainer tabIndex={0} aria-label="My share links">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Shared</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Opened</TableCell>
                <TableCell align="right">Downloads</TableCell>
                <TableCell>Expires</TableCell>
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
                        password
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <LinkStatusChip status={share.status} />
                  </TableCell>
                  <TableCell align="right">{share.accessCount}</TableCell>
                  <TableCell align="right">
                    {share.downloadCount}
                    {share.maxDownloads !== null && ` of ${share.maxDownloads}`}
                  </TableCell>
                  <TableCell>{new Date(share.expiresAt).toLocaleString()}</TableCell>
                  <TableCell align="right">
                    {share.status === 'active' && (
                      <Button color="error" size="small" onClick={() => void revoke(share)}>
                        Revoke
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
