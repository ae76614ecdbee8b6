// Upload usage for the period: totals, uploads and bytes per day, top people and locations, the
// largest files and who was active.
import {
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityUsageReport } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { formatDateTime, formatNumber } from '../i18n/intl-format';

function SmallTable({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  const { t } = useTranslation();
  return (
    <Paper
      variant="outlined"
      tabIndex={0}
      aria-label={label}
      sx={{ p: 2, flex: 1, minWidth: 0, overflowX: 'auto' }}
    >
      <Typography variant="subtitle1" component="h3">
        {label}
      </Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('security.usage.nothing')}</Typography>
      ) : (
        <Table size="small" aria-label={label}>
          <TableHead>
            <TableRow>
              {head.map((cell, index) => (
                <TableCell
                  key={cell}
                  align={index === 0 ? 'left' : 'right'}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={index}>
                {row.map((cell, column) => (
                  <TableCell
                    key={column}
                    align={column === 0 ? 'left' : 'right'}
                    sx={column === 0 ? { overflowWrap: 'anywhere' } : { whiteSpace: 'nowrap' }}
                  >
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

export function UsagePanel({ usage }: { usage: SecurityUsageReport }) {
  const theme = useTheme();
  const { t } = useTranslation();
  const { totals } = usage;
  const guest = t('security.usage.guest');
  return (
    <Stack spacing={2}>
      <Typography>
        {t('security.usage.totals', {
          uploads: formatNumber(totals.uploads),
          size: formatBytes(totals.bytes),
          people: formatNumber(totals.activeUsers),
        })}
      </Typography>
      {usage.byDay.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h3">
            {t('security.usage.perDay')}
          </Typography>
          <BarChart
            height={220}
            dataset={usage.byDay}
            xAxis={[{ scaleType: 'band', dataKey: 'day' }]}
            yAxis={[{ tickMinStep: 1 }]}
            series={[
              {
                dataKey: 'uploads',
                label: t('security.usage.uploads'),
                color: theme.palette.primary.main,
                valueFormatter: (value, { dataIndex }) =>
                  `${formatNumber(value ?? 0)} (${formatBytes(usage.byDay[dataIndex]?.bytes ?? 0)})`,
              },
            ]}
          />
        </Paper>
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <SmallTable
          label={t('security.usage.byPerson')}
          head={[
            t('security.usage.person'),
            t('security.usage.uploads'),
            t('security.usage.bytes'),
          ]}
          rows={usage.byUser.map((row) => [
            row.email ?? guest,
            formatNumber(row.uploads),
            formatBytes(row.bytes),
          ])}
        />
        <SmallTable
          label={t('security.usage.byLocation')}
          head={[
            t('security.usage.location'),
            t('security.usage.uploads'),
            t('security.usage.bytes'),
          ]}
          rows={usage.byLocation.map((row) => [
            `${row.connection} · ${row.bucket}/${row.prefix}`,
            formatNumber(row.uploads),
            formatBytes(row.bytes),
          ])}
        />
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <SmallTable
          label={t('security.usage.largestFiles')}
          head={[t('security.usage.file'), t('security.usage.size'), t('security.usage.by')]}
          rows={usage.largestFiles.map((row) => [
            `${row.bucket}/${row.key}`,
            formatBytes(row.size),
            row.email ?? guest,
          ])}
        />
        <SmallTable
          label={t('security.usage.activePeople')}
          head={[
            t('security.usage.person'),
            t('security.usage.signIns'),
            t('security.usage.uploads'),
            t('security.usage.lastSeen'),
          ]}
          rows={usage.activeUsers.map((row) => [
            row.email,
            formatNumber(row.signIns),
            formatNumber(row.uploads),
            formatDateTime(row.lastSeen),
          ])}
        />
      </Stack>
    </Stack>
  );
}
