// Steering a job: pause, resume, cancel (after a confirmation: copies in flight stop and their
// multipart uploads are aborted), re-run as an incremental sync, and the report as JSON or CSV.
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { migrationReportCsv } from '@s3am/client';
import { type MigrationView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AsyncButton } from '../common/async-button';
import { isFinished } from './migration-display';

async function download(jobId: string, format: 'json' | 'csv') {
  // The JSON report is saved as the API sent it; the CSV route is the same path, read raw.
  const response = await api.call(migrationReportCsv, {
    params: { id: jobId },
    query: { format },
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `migration-${jobId}.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}

const steer = {
  pause: api.pauseMigration,
  resume: api.resumeMigration,
  cancel: api.cancelMigration,
};

export function MigrationControls({ migration }: { migration: MigrationView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (action: 'pause' | 'resume' | 'cancel') => async () => {
    try {
      setError(null);
      await steer[action]({ params: { id: migration.id } });
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const rerun = async () => {
    try {
      const created = await api.rerunMigration({ params: { id: migration.id } });
      await navigate(`/migrations/${created.id}`);
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const finished = isFinished(migration.state);
  const steerable = migration.state === 'running' || migration.state === 'queued';
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {steerable && (
          <AsyncButton variant="outlined" onClick={act('pause')}>
            {t('migrations.controls.pause')}
          </AsyncButton>
        )}
        {migration.state === 'paused' && (
          <AsyncButton variant="contained" onClick={act('resume')}>
            {t('migrations.controls.resume')}
          </AsyncButton>
        )}
        {!finished && (
          <Button color="error" variant="outlined" onClick={() => setConfirmCancel(true)}>
            {t('migrations.controls.cancelJob')}
          </Button>
        )}
        {finished && !migration.options.dryRun && (
          <AsyncButton variant="outlined" onClick={rerun}>
            {t('migrations.controls.rerun')}
          </AsyncButton>
        )}
        <AsyncButton
          startIcon={<DownloadOutlined />}
          onClick={() =>
            download(migration.id, 'json').catch((e: unknown) => setError(problemMessage(e)))
          }
        >
          {t('migrations.controls.reportJson')}
        </AsyncButton>
        <AsyncButton
          startIcon={<DownloadOutlined />}
          onClick={() =>
            download(migration.id, 'csv').catch((e: unknown) => setError(problemMessage(e)))
          }
        >
          {t('migrations.controls.reportCsv')}
        </AsyncButton>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Dialog open={confirmCancel} onClose={() => setConfirmCancel(false)}>
        <DialogTitle>{t('migrations.controls.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('migrations.controls.confirmBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmCancel(false)}>
            {t('migrations.controls.keepRunning')}
          </Button>
          <AsyncButton
            color="error"
            variant="contained"
            onClick={async () => {
              await act('cancel')();
              setConfirmCancel(false);
            }}
          >
            {t('migrations.controls.cancelJob')}
          </AsyncButton>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
