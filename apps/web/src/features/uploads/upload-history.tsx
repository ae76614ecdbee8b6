// My recent uploads from the server: completed, failed and aborted, newest first.
import {
  Alert,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Stack,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useState } from 'react';
import { type UploadState } from '@s3am/contracts';
import { useApiQuery } from '../common/use-api-query';
import { formatBytes } from '../common/format-bytes';
import { fetchMyUploads } from './uploads-api';

type Filter = 'all' | Exclude<UploadState, 'in_progress'>;

const STATE_COLOR: Record<UploadState, ChipProps['color']> = {
  in_progress: 'info',
  completed: 'success',
  failed: 'error',
  aborted: 'default',
};
const STATE_LABEL: Record<UploadState, string> = {
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  aborted: 'Aborted',
};

export function UploadHistory({ version }: { version: number }) {
  const [filter, setFilter] = useState<Filter>('all');
  const { data, error, loading } = useApiQuery(async () => {
    const list = await fetchMyUploads(filter === 'all' ? undefined : filter, { limit: 25 });
    return filter === 'all' ? list.items.filter((u) => u.state !== 'in_progress') : list.items;
  }, [filter, version]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          History
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_event, value: Filter | null) => value && setFilter(value)}
          aria-label="Show uploads"
        >
          <ToggleButton value="all">All</ToggleButton>
          <ToggleButton value="completed">Completed</ToggleButton>
          <ToggleButton value="failed">Failed</ToggleButton>
          <ToggleButton value="aborted">Aborted</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {!error && data?.length === 0 && !loading && (
        <Typography color="text.secondary">No uploads yet.</Typography>
      )}
      {data && data.length > 0 && (
        <Table size="small" aria-label="Upload history">
          <TableHead>
            <TableRow>
              <TableCell>File</TableCell>
              <TableCell>Bucket</TableCell>
              <TableCell align="right">Size</TableCell>
              <TableCell>State</TableCell>
              <TableCell>When</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((upload) => (
              <TableRow key={upload.id}>
                <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>
                  {upload.key}
                  {upload.error && (
                    <Typography variant="caption" color="error" component="div">
                      {upload.error}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{upload.bucket}</TableCell>
                <TableCell align="right">{formatBytes(upload.size)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    label={STATE_LABEL[upload.state]}
                    color={STATE_COLOR[upload.state]}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {new Date(upload.completedAt ?? upload.updatedAt).toLocaleString()}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
