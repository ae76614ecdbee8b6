// The queued folder operations a selection action started, each with its own progress; tells
// its parent when all of them have finished.
import { Box, Typography } from '@mui/material';
import { useEffect } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { OperationProgress } from './operation-progress';
import { useFileOperation } from './use-file-operation';

function FolderJob({
  label,
  started,
  onFinished,
}: {
  label: string;
  started: FileOperation;
  onFinished: (id: string) => void;
}) {
  const { operation, finished } = useFileOperation(started);
  useEffect(() => {
    if (finished) onFinished(started.id);
  }, [finished, onFinished, started.id]);
  return (
    <Box sx={{ mt: 1.5 }}>
      <Typography variant="subtitle2" sx={{ wordBreak: 'break-all' }}>
        {label}
      </Typography>
      {operation && <OperationProgress operation={operation} />}
    </Box>
  );
}

export function FolderJobList({
  jobs,
  onFinished,
}: {
  jobs: { label: string; operation: FileOperation }[];
  onFinished: (id: string) => void;
}) {
  return (
    <>
      {jobs.map((job) => (
        <FolderJob
          key={job.operation.id}
          label={job.label}
          started={job.operation}
          onFinished={onFinished}
        />
      ))}
    </>
  );
}
