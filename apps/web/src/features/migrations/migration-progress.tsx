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
import type { MigrationView } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { formatDuration, formatSpeed, isFinished, progressPercent } from './migration-display';

const ROWS = [
  ['discovered', 'Discovered'],
  ['copied', 'Copied'],
  ['skipped', 'Skipped'],
  ['failed', 'Failed'],
  ['pending', 'Still to do'],
] as const;

export function MigrationProgress({
  migration,
  speedBytesPerSecond,
  etaSeconds,
}: {
  migration: MigrationView;
  speedBytesPerSecond: number;
  etaSeconds: number | null;
}) {
  const percent = progressPercent(migration);
  const finished = isFinished(migration.state);
  const dryRun = migration.options.dryRun;
  return (
    <Stack spacing={2} component="section" aria-label="Progress">
      <Box>
        <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5 }}>
          <Typography variant="h4" component="p" data-testid="migration-percent">
            {Math.floor(percent)} %
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'flex-end' }}>
            {migration.listingDone ? 'Listing done' : 'Listing…'}
          </Typography>
        </Stack>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label="Migration progress"
          sx={{ height: 10, borderRadius: 1 }}
          color={migration.counts.failed.objects > 0 ? 'warning' : 'primary'}
        />
      </Box>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
        <Metric
          label="Speed"
          value={
            finished
              ? formatSpeed(migration.averageBytesPerSecond)
              : formatSpeed(speedBytesPerSecond)
          }
          hint={finished ? 'average' : 'now'}
        />
        <Metric
          label="ETA"
          value={finished || etaSeconds === null ? '—' : formatDuration(etaSeconds * 1000)}
        />
        <Metric label="In flight" value={String(migration.counts.inFlight)} />
        <Metric label="Duration" value={formatDuration(migration.durationMs)} />
      </Stack>
      {migration.throttledUntil && !finished && (
        <Alert severity="warning">
          S3 asked to slow down: the whole job waits until{' '}
          {new Date(migration.throttledUntil).toLocaleTimeString()}. Lower the concurrency or set a
          bandwidth cap if this keeps happening.
        </Alert>
      )}
      <Table size="small" aria-label="Objects and bytes">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">Objects</TableCell>
            <TableCell align="right">Bytes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(([key, label]) => (
            <TableRow key={key} data-testid={`count-${key}`}>
              <TableCell component="th" scope="row">
                {key === 'pending' && dryRun && finished ? 'Would copy' : label}
              </TableCell>
              <TableCell align="right">{migration.counts[key].objects.toLocaleString()}</TableCell>
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
