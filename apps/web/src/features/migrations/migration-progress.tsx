// A job's numbers: objects and bytes discovered / copied / skipped / failed, the progress bar,
// current speed and ETA, and the objects in flight.
import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { MigrationView } from '@s3am/contracts';
import { formatNumber, formatTime } from '../i18n/intl-format';
import { formatBytes } from '../common/format-bytes';
import { formatDuration, formatSpeed, isFinished, progressPercent } from './migration-display';

const ROWS = ['discovered', 'copied', 'skipped', 'failed', 'pending'] as const;

export function MigrationProgress({
  migration,
  speedBytesPerSecond,
  etaSeconds,
}: {
  migration: MigrationView;
  speedBytesPerSecond: number;
  etaSeconds: number | null;
}) {
  const { t } = useTranslation();
  const percent = progressPercent(migration);
  const finished = isFinished(migration.state);
  const dryRun = migration.options.dryRun;
  return (
    <Stack spacing={2} component="section" aria-label={t('migrations.progress.label')}>
      <Box>
        <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5 }}>
          <Typography variant="h4" component="p" data-testid="migration-percent">
            {formatNumber(Math.floor(percent))} %
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'flex-end' }}>
            {migration.listingDone
              ? t('migrations.progress.listingDone')
              : t('migrations.progress.listing')}
          </Typography>
        </Stack>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={t('migrations.progress.bar')}
          sx={{ height: 10, borderRadius: 1 }}
          color={migration.counts.failed.objects > 0 ? 'warning' : 'primary'}
        />
      </Box>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
        <Metric
          label={t('migrations.progress.speed')}
          value={
            finished
              ? formatSpeed(migration.averageBytesPerSecond)
              : formatSpeed(speedBytesPerSecond)
          }
          hint={finished ? t('migrations.progress.average') : t('migrations.progress.now')}
        />
        <Metric
          label={t('migrations.progress.eta')}
          value={finished || etaSeconds === null ? '—' : formatDuration(etaSeconds * 1000)}
        />
        <Metric
          label={t('migrations.progress.inFlight')}
          value={formatNumber(migration.counts.inFlight)}
        />
        <Metric
          label={t('migrations.progress.duration')}
          value={formatDuration(migration.durationMs)}
        />
      </Stack>
      {migration.throttledUntil && !finished && (
        <Alert severity="warning">
          {t('migrations.progress.throttled', { time: formatTime(migration.throttledUntil) })}
        </Alert>
      )}
      <Table size="small" aria-label={t('migrations.progress.table')}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{t('migrations.progress.objects')}</TableCell>
            <TableCell align="right">{t('migrations.progress.bytes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map((key) => (
            <TableRow key={key} data-testid={`count-${key}`}>
              <TableCell component="th" scope="row">
                {key === 'pending' && dryRun && finished
                  ? t('migrations.progress.wouldCopy')
                  : t(`migrations.progress.${key}`)}
              </TableCell>
              <TableCell align="right">{formatNumber(migration.counts[key].objects)}</TableCell>
              <TableCell align="right">{formatBytes(migration.counts[key].bytes)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

function Metric({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
        {hint ? ` (${hint})` : ''}
      </Typography>
      <Typography variant="h6" component="p">
        {value}
      </Typography>
    </Box>
  );
}
