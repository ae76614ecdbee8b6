// Progress of a folder operation: a bar (determinate once the folder was counted), counts, and
// the objects that failed.
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { FileOperation } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';

const VERB = { move: 'Moved', copy: 'Copied', delete: 'Deleted' } as const;

export function OperationProgress({ operation }: { operation: FileOperation }) {
  const { totalObjects, doneObjects, failedObjects } = operation;
  const handled = doneObjects + failedObjects;
  const percent = totalObjects ? Math.round((handled / totalObjects) * 100) : undefined;
  const finished = Boolean(operation.finishedAt);
  return (
    <Box role="status" aria-live="polite">
      <LinearProgress
        variant={percent === undefined && !finished ? 'indeterminate' : 'determinate'}
        value={finished ? 100 : (percent ?? 0)}
        aria-label="Progress"
        sx={{ mb: 1 }}
      />
      <Typography variant="body2">
        {VERB[operation.kind]} {doneObjects}
        {totalObjects !== null ? ` of ${totalObjects}` : ''} objects (
        {formatBytes(operation.doneBytes)}
        {operation.totalBytes !== null ? ` of ${formatBytes(operation.totalBytes)}` : ''})
        {finished ? '' : '…'}
      </Typography>
      {operation.status === 'succeeded' && (
        <Alert severity="success" sx={{ mt: 1 }}>
          Done.
        </Alert>
      )}
      {operation.status === 'failed' && (
        <Alert severity="error" sx={{ mt: 1 }}>
          Stopped: {operation.error ?? 'the operation failed'}
        </Alert>
      )}
      {failedObjects > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {failedObjects} object(s) not {VERB[operation.kind].toLowerCase()}:
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
