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
import { useTranslation } from 'react-i18next';

const STATE_COLOR: Record<UploadState, ChipProps['color']> = {
  in_progress: 'info',
  completed: 'success',
  failed: 'error',
  aborted: 'default',
};
const STATE_LABEL = {
  in_progress: 'uploads.history.inProgress',
  completed: 'uploads.history.completed',
  failed: 'uploads.history.failed',
  aborted: 'uploads.history.aborted',
} as const satisfies Record<UploadState, string>;

function StateChip({ state }: { state: UploadState }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={t(STATE_LABEL[state])}
      color={STATE_COLOR[state]}
    />
  );
}

const when = (upload: UploadView) => formatDateTime(upload.completedAt ?? upload.updatedAt);

export function UploadHistoryList({ uploads }: { uploads: UploadView[] }) {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { t } = useTranslation();
  if (phone) {
    return (
      <List dense aria-label={t('uploads.history.label')} disablePadding>
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
    <Table size="small" aria-label={t('uploads.history.label')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('uploads.history.file')}</TableCell>
          <TableCell>{t('uploads.history.bucket')}</TableCell>
          <TableCell align="right">{t('uploads.history.size')}</TableCell>
          <TableCell>{t('uploads.history.state')}</TableCell>
          <TableCell>{t('uploads.history.when')}</TableCell>
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
