// My upload requests: each link's folder, state, limits and the files guests sent (new ones
// marked until I mark them seen), with revoke.
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { UploadRequestLinkView } from '@s3am/contracts';
import { problemMessage } from '../../api/client';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import {
  fetchUploadRequests,
  markRequestSeen,
  revokeUploadRequest,
} from '../shares/owner-links-api';
import { LinkStatusChip } from '../shares/my-shares-section';
import { announceUnseenFilesChanged } from './unseen-files';

function limitsOf(request: UploadRequestLinkView): string {
  const parts = [
    request.maxFileBytes !== null && `files up to ${formatBytes(request.maxFileBytes)}`,
    request.maxTotalBytes !== null && `${formatBytes(request.maxTotalBytes)} in all`,
    request.maxFiles !== null && `at most ${request.maxFiles} file(s)`,
    request.allowedTypes.length > 0 && request.allowedTypes.join(', '),
    request.hasPassword && 'password',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'No limits besides the server’s';
}

function RequestCard({
  request,
  onRevoke,
  onSeen,
}: {
  request: UploadRequestLinkView;
  onRevoke: () => void;
  onSeen: () => void;
}) {
  const received = request.files.filter((file) => file.completedAt !== null);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, wordBreak: 'break-all' }}>
          {request.title ?? `${request.bucket}/${request.prefix}`}
        </Typography>
        {request.unseenFiles > 0 && (
          <Chip size="small" color="secondary" label={`${request.unseenFiles} new`} />
        )}
        <LinkStatusChip status={request.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Into {request.bucket}/{request.prefix} · until{' '}
        {new Date(request.expiresAt).toLocaleString()}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {limitsOf(request)}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {request.filesReceived} file(s) received, {formatBytes(request.bytesReceived)}
      </Typography>
      {received.length > 0 && (
        <List dense aria-label={`Files received through ${request.title ?? request.prefix}`}>
          {received.map((file) => (
            <ListItem key={file.uploadId} disableGutters>
              <ListItemText
                primary={file.key.slice(request.prefix.length)}
                secondary={`${formatBytes(file.size)} · ${new Date(file.completedAt ?? file.createdAt).toLocaleString()}`}
              />
              {!file.seen && <Chip size="small" label="new" color="secondary" variant="outlined" />}
            </ListItem>
          ))}
        </List>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {request.unseenFiles > 0 && (
          <Button size="small" onClick={onSeen}>
            Mark as seen
          </Button>
        )}
        {request.status === 'active' && (
          <Button size="small" color="error" onClick={onRevoke}>
            Revoke
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

export function MyRequestsSection() {
  const requests = useApiQuery(fetchUploadRequests, []);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      await requests.reload();
      announceUnseenFilesChanged();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const items = requests.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="requests-heading">
      <Typography id="requests-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        Upload requests
      </Typography>
      {(error ?? requests.error) && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error ?? requests.error}
        </Alert>
      )}
      {requests.data && items.length === 0 && (
        <Typography color="text.secondary">
          No upload requests yet. On the Files page, choose Request files in a folder.
        </Typography>
      )}
      <Stack spacing={2}>
        {items.map((request) => (
          <RequestCard
            key={request.id}
            request={request}
            onSeen={() => void act(() => markRequestSeen(request.id))}
            onRevoke={() => {
              if (
                window.confirm('Revoke this upload request? Its link stops taking files at once.')
              )
                void act(() => revokeUploadRequest(request.id));
            }}
          />
        ))}
      </Stack>
    </Box>
  );
}
