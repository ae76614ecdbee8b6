// Blocked addresses (by hand or by a rule; with expiry) and the allow-lists below them.
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  Alert,
  Button,
  Chip,
  Divider,
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
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { formatDateTime } from '../i18n/intl-format';
import { AddBlockDialog } from './add-block-dialog';
import { AllowListPanel } from './allow-list-panel';
import { useTranslation } from 'react-i18next';

export function BlocksTab() {
  const [adding, setAdding] = useState(false);
  const { t } = useTranslation();
  const [actionError, setActionError] = useState<string | null>(null);
  const { data, error, loading, reload } = useApiQuery(
    async () => (await api.listBlocks()).items,
    [],
  );
  const remove = async (id: string) => {
    setActionError(null);
    try {
      await api.deleteBlock({ params: { id } });
      await reload();
    } catch (caught) {
      setActionError(problemMessage(caught));
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('security.blocks.title')}
        </Typography>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setAdding(true)}>
          {t('security.blocks.add')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('security.blocks.body')}
      </Typography>
      {(error ?? actionError) && <Alert severity="error">{error ?? actionError}</Alert>}
      <TableContainer tabIndex={0} aria-label={t('security.blocks.scrollable')}>
        <Table size="small" aria-label={t('security.blocks.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('security.blocks.address')}</TableCell>
              <TableCell>{t('security.blocks.reason')}</TableCell>
              <TableCell>{t('security.blocks.source')}</TableCell>
              <TableCell>{t('security.blocks.since')}</TableCell>
              <TableCell>{t('security.blocks.expires')}</TableCell>
              <TableCell align="right" />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((block) => (
              <TableRow key={block.id} hover>
                <TableCell sx={{ fontFamily: 'monospace' }}>{block.cidr}</TableCell>
                <TableCell>{block.reason}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    label={block.source}
                    color={block.source === 'manual' ? 'default' : 'warning'}
                  />
                </TableCell>
                <TableCell>
                  {formatDateTime(block.createdAt)}
                  {block.createdBy ? ` · ${block.createdBy}` : ''}
                </TableCell>
                <TableCell>
                  {block.expiresAt
                    ? formatDateTime(block.expiresAt)
                    : t('security.blocks.untilRemoved')}
                </TableCell>
                <TableCell align="right">
                  <AsyncButton
                    size="small"
                    color="error"
                    aria-label={t('security.blocks.removeOn', { cidr: block.cidr })}
                    onClick={() => remove(block.id)}
                  >
                    {t('security.blocks.remove')}
                  </AsyncButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!loading && data?.length === 0 && (
        <Typography color="text.secondary">{t('security.blocks.none')}</Typography>
      )}
      <Divider />
      <AllowListPanel />
      <AddBlockDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => void reload()}
      />
    </Stack>
  );
}
