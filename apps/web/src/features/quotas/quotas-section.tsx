// Storage quotas (admins, on the Permissions page): every user's and group's measured usage under
// their granted folders with their limits, an Edit button per row, and a measurement on demand.
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { formatDateTime } from '../i18n/intl-format';
import { QuotaDialog, type QuotaSubject } from './quota-dialog';
import { api } from '../../api/api-client';
import { useTranslation } from 'react-i18next';

interface Row extends QuotaSubject {
  usedBytes: number;
  usedObjects: number;
  measuredAt: string | null;
}

function Used({
  used,
  max,
  format,
}: {
  used: number;
  max: number | null;
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  if (max === null) return <>{format(used)}</>;
  return (
    <Box sx={{ minWidth: 120 }}>
      {t('quotas.usedOf', { used: format(used), max: format(max) })}
      <LinearProgress
        variant="determinate"
        value={max === 0 ? 100 : Math.min(100, (used / max) * 100)}
        color={used >= max ? 'error' : 'primary'}
        aria-label={t('quotas.usedOfLabel', { used: format(used), max: format(max) })}
      />
    </Box>
  );
}

export function QuotasSection() {
  const usage = useApiQuery(() => api.quotaUsage(), []);
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<QuotaSubject | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [measuring, setMeasuring] = useState(false);

  const measure = async () => {
    setMeasuring(true);
    setMessage(null);
    try {
      const report = await api.measureQuotas();
      setMessage({
        text: t('quotas.measured', {
          prefixes: report.prefixes,
          objects: report.objects,
          size: formatBytes(report.bytes),
          failed: report.failed ? t('quotas.measureFailed', { count: report.failed }) : '',
        }),
        error: report.failed > 0,
      });
      await usage.reload();
    } catch (caught) {
      setMessage({ text: problemMessage(caught), error: true });
    } finally {
      setMeasuring(false);
    }
  };

  const rows: Row[] = [
    ...(usage.data?.groups ?? []).map((g) => ({ ...g, subject: 'group' as const, id: g.groupId })),
    ...(usage.data?.users ?? []).map((u) => ({
      ...u,
      subject: 'user' as const,
      id: u.userId,
      name: u.email,
    })),
  ].filter((row) => row.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <Box component="section" aria-labelledby="quotas-heading">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography id="quotas-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('quotas.title')}
        </Typography>
        <TextField
          size="small"
          label={t('quotas.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <Button disabled={measuring} onClick={() => void measure()}>
          {measuring ? t('quotas.measuring') : t('quotas.measureNow')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('quotas.body')}
      </Typography>
      {(usage.error ?? message) && (
        <Alert severity={usage.error || message?.error ? 'error' : 'success'} sx={{ mb: 1 }}>
          {usage.error ?? message?.text}
        </Alert>
      )}
      <TableContainer tabIndex={0} aria-label={t('quotas.tableLabel')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('quotas.who')}</TableCell>
              <TableCell>{t('quotas.size')}</TableCell>
              <TableCell>{t('quotas.files')}</TableCell>
              <TableCell>{t('quotas.measuredAt')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.subject}:${row.id}`}>
                <TableCell sx={{ wordBreak: 'break-all' }}>
                  {row.subject === 'group' ? t('quotas.group', { name: row.name }) : row.name}
                </TableCell>
                <TableCell>
                  <Used used={row.usedBytes} max={row.maxBytes} format={formatBytes} />
                </TableCell>
                <TableCell>
                  <Used used={row.usedObjects} max={row.maxObjects} format={String} />
                </TableCell>
                <TableCell>
                  {row.measuredAt ? formatDateTime(row.measuredAt) : t('quotas.notYet')}
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => setEditing(row)}
                    aria-label={t('quotas.editOf', { name: row.name })}
                  >
                    {t('quotas.edit')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <QuotaDialog
        key={editing ? `${editing.subject}:${editing.id}` : 'none'}
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => void usage.reload()}
      />
    </Box>
  );
}
