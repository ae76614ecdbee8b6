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
import { useTranslation } from 'react-i18next';

const CONNECTION_LABEL = {
  connecting: 'migrations.connecting',
  live: 'migrations.live',
  reconnecting: 'migrations.reconnecting',
  closed: 'migrations.notLive',
} as const;

export function MigrationPage() {
  const { id = '' } = useParams();
  const live = useMigrationStream(id);
  const { migration } = live;
  const { t } = useTranslation();

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('migrations.jobTitle')}
        </Typography>
        {migration && (
          <Chip
            color={STATE_COLOR[migration.state]}
            label={t(STATE_LABEL[migration.state])}
            data-testid="migration-state"
          />
        )}
        <Chip
          size="small"
          variant="outlined"
          color={live.connection === 'live' ? 'success' : 'default'}
          label={t(CONNECTION_LABEL[live.connection])}
        />
        <Button component={RouterLink} to="/migrations">
          {t('migrations.allJobs')}
        </Button>
      </Stack>
      {live.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {live.error}
        </Alert>
      )}
      {!migration && !live.error && <CircularProgress aria-label={t('migrations.loadingJob')} />}
      {migration && (
        <Stack spacing={3}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <MigrationSummary migration={migration} />
          </Paper>
          {migration.error && (
            <Alert severity="error">
              <AlertTitle>{t('migrations.stoppedWithError')}</AlertTitle>
              {migration.error}
            </Alert>
          )}
          {migration.state === 'completed' && (
            <Alert severity={migration.counts.failed.objects > 0 ? 'warning' : 'success'}>
              {migration.options.dryRun
                ? t('migrations.dryRunFinished', { count: migration.counts.pending.objects })
                : t('migrations.finished', {
                    copied: migration.counts.copied.objects,
                    skipped: migration.counts.skipped.objects,
                    failed: migration.counts.failed.objects,
                  })}
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
              {t('migrations.log')}
            </Typography>
            <MigrationLog lines={live.log} dropped={live.droppedLines} />
          </Box>
          {isFinished(migration.state) && migration.averageBytesPerSecond === null && (
            <Typography variant="body2" color="text.secondary">
              {t('migrations.noBytes')}
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
}
