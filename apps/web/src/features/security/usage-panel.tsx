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
import type { SecurityUsageReport } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { formatDateTime } from '../i18n/intl-format';

function SmallTable({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
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
        <Typography color="text.secondary">Nothing in this period.</Typography>
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
  const { totals } = usage;
  return (
    <Stack spacing={2}>
      <Typography>
        {totals.uploads} uploads · {formatBytes(totals.bytes)} · {totals.activeUsers} active people
      </Typography>
      {usage.byDay.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h3">
            Uploads per day
          </Typography>
          <BarChart
            height={220}
            dataset={usage.byDay}
            xAxis={[{ scaleType: 'band', dataKey: 'day' }]}
            yAxis={[{ tickMinStep: 1 }]}
            series={[
              {
                dataKey: 'uploads',
                label: 'Uploads',
                color: theme.palette.primary.main,
                valueFormatter: (value, { dataIndex }) =>
                  `${value ?? 0} (${formatBytes(usage.byDay[dataIndex]?.bytes ?? 0)})`,
              },
            ]}
          />
        </Paper>
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <SmallTable
          label="By person"
          head={['Person', 'Uploads', 'Bytes']}
          rows={usage.byUser.map((row) => [
            row.email ?? 'Guest',
            row.uploads,
            formatBytes(row.bytes),
          ])}
        />
        <SmallTable
          label="By location"
          head={['Location', 'Uploads', 'Bytes']}
          rows={usage.byLocation.map((row) => [
            `${row.connection} · ${row.bucket}/${row.prefix}`,
            row.uploads,
            formatBytes(row.bytes),
          ])}
        />
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <SmallTable
          label="Largest files"
          head={['File', 'Size', 'By']}
          rows={usage.largestFiles.map((row) => [
            `${row.bucket}/${row.key}`,
            formatBytes(row.size),
            row.email ?? 'Guest',
          ])}
        />
        <SmallTable
          label="Active people"
          head={['Person', 'Sign-ins', 'Uploads', 'Last seen']}
          rows={usage.activeUsers.map((row) => [
            row.email,
            row.signIns,
            row.uploads,
            formatDateTime(row.lastSeen),
          ])}
        />
      </Stack>
    </Stack>
  );
}
