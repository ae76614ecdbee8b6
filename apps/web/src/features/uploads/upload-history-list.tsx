// My recent uploads as a table on wide screens and as a list on phones, where five columns do
// not fit 360 px.
import {
  Chip,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type ChipProps,
  type Theme,
} from '@mui/material';
import type { UploadState, UploadView } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { formatDateTime } from '../i18n/intl-format';

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

function StateChip({ state }: { state: UploadState }) {
  return (
    <Chip size="small" variant="outlined" label={STATE_LABEL[state]} color={STATE_COLOR[state]} />
  );
}

const when = (upload: UploadView) => formatDateTime(upload.completedAt ?? upload.updatedAt);

export function UploadHistoryList({ uploads }: { uploads: UploadView[] }) {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (phone) {
    return (
      <List dense aria-label="Upload history" disablePadding>
        {uploads.map((upload) => (
          <ListItem
            key={upload.id}
            divider
            disableGutters
            sx={{ alignItems: 'flex-start', gap: 1 }}
          >
            <ListItemText
              primary={upload.key}
              secondary={`${upload.bucket} · ${formatBytes(upload.size)} · ${when(upload)}${upload.error ? ` · ${upload.error}` : ''}`}
              sx={{ overflowWrap: 'anywhere', m: 0 }}
            />
            <StateChip state={upload.state} />
          </ListItem>
        ))}
      </List>
    );
  }
  return (
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
        {uploads.map((upload) => (
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
              <StateChip state={upload.state} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(upload)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
