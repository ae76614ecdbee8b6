// One migration job, live for every viewer (SSE): configuration, numbers and progress, speed and
// ETA, the log, failed objects with reasons and Retry, controls and the final report.
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  CircularProgress,
  Divider,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { MigrationControls } from '../features/migrations/migration-controls';
import { STATE_COLOR, STATE_LABEL, isFinished } from '../features/migrations/migration-display';
import { MigrationFailures } from '../features/migrations/migration-failures';
import { MigrationLog } from '../features/migrations/migration-log';
import { MigrationProgress } from '../features/migrations/migration-progress';
import { MigrationSummary } from '../features/migrations/migration-summary';
import { useMigrationStream } from '../features/migrations/use-migration-stream';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Not live',
} as const;

export function MigrationPage() {
  const { id = '' } = useParams();
  const live = useMigrationStream(id);
  const { migration } = live;

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Migration
        </Typography>
        {migration && (
          <Chip
            color={STATE_COLOR[migration.state]}
            label={STATE_LABEL[migration.state]}
            data-testid="migration-state"
          />
        )}
        <Chip
          size="small"
          variant="outlined"
          color={live.connection === 'live' ? 'success' : 'default'}
          label={CONNECTION_LABEL[live.connection]}
        />
        <Button component={RouterLink} to="/migrations">
          All jobs
        </Button>
      </Stack>
      {live.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {live.error}
        </Alert>
      )}
      {!migration && !live.error && <CircularProgress aria-label="Loading the job" />}
      {migration && (
        <Stack spacing={3}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <MigrationSummary migration={migration} />
          </Paper>
          {migration.error && (
            <Alert severity="error">
              <AlertTitle>The job stopped with an error</AlertTitle>
              {migration.error}
            </Alert>
          )}
          {migration.state === 'completed' && (
            <Alert severity={migration.counts.failed.objects > 0 ? 'warning' : 'success'}>
              {migration.options.dryRun
                ? `Dry run finished: ${migration.counts.pending.objects.toLocaleString()} object(s) would be copied. Nothing was written.`
                : `Finished: ${migration.counts.copied.objects.toLocaleString()} copied, ${migration.counts.skipped.objects.toLocaleString()} skipped, ${migration.counts.failed.objects.toLocaleString()} failed. Download the report below.`}
            </Alert>
          )}
          <Paper variant="outlined" sx={{ p: 2 }}>
            <MigrationProgress
              migration={migration}
              speedBytesPerSecond={live.speedBytesPerSecond}
              etaSeconds={live.etaSeconds}
            />
            <Divider sx={{ my: 2 }} />
            <MigrationControls migration={migration} />
          </Paper>
          <MigrationFailures
            jobId={migration.id}
            failedCount={migration.counts.failed.objects}
            canRetry={!migration.options.dryRun && migration.state !== 'cancelled'}
          />
          <Box>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              Log
            </Typography>
            <MigrationLog lines={live.log} dropped={live.droppedLines} />
          </Box>
          {isFinished(migration.state) && migration.averageBytesPerSecond === null && (
            <Typography variant="body2" color="text.secondary">
              No bytes were moved.
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
}
