// Progress of a folder operation: a bar (determinate once the folder was counted), counts, and
// the objects that failed.
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { FileOperation } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { useTranslation } from 'react-i18next';

const DONE = {
  move: 'files.progress.move',
  copy: 'files.progress.copy',
  delete: 'files.progress.delete',
} as const;
const NOT_DONE = {
  move: 'files.progress.notMove',
  copy: 'files.progress.notCopy',
  delete: 'files.progress.notDelete',
} as const;

export function OperationProgress({ operation }: { operation: FileOperation }) {
  const { totalObjects, doneObjects, failedObjects } = operation;
  const { t } = useTranslation();
  const handled = doneObjects + failedObjects;
  const percent = totalObjects ? Math.round((handled / totalObjects) * 100) : undefined;
  const finished = Boolean(operation.finishedAt);
  return (
    <Box role="status" aria-live="polite">
      <LinearProgress
        variant={percent === undefined && !finished ? 'indeterminate' : 'determinate'}
        value={finished ? 100 : (percent ?? 0)}
        aria-label={t('files.progress.label')}
        sx={{ mb: 1 }}
      />
      <Typography variant="body2">
        {t(DONE[operation.kind], {
          done: doneObjects,
          total: totalObjects !== null ? t('files.progress.of', { total: totalObjects }) : '',
          doneBytes: formatBytes(operation.doneBytes),
          totalBytes:
            operation.totalBytes !== null
              ? t('files.progress.of', { total: formatBytes(operation.totalBytes) })
              : '',
        })}
        {finished ? '' : '…'}
      </Typography>
      {operation.status === 'succeeded' && (
        <Alert severity="success" sx={{ mt: 1 }}>
          {t('files.deleteSelection.done')}
        </Alert>
      )}
      {operation.status === 'failed' && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {t('files.progress.stopped', {
            error: operation.error ?? t('files.progress.failedDefault'),
          })}
        </Alert>
      )}
      {failedObjects > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t(NOT_DONE[operation.kind], { count: failedObjects })}
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {operation.failures.map((f) => (
              <li key={f.key}>
                {f.key}: {f.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
