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
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { api } from '../../api/api-client';
import { LinkStatusChip } from '../shares/my-shares-section';
import { announceUnseenFilesChanged } from './unseen-files';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { formatDateTime } from '../i18n/intl-format';

function limitsOf(request: UploadRequestLinkView): string {
  const t = i18n.t;
  const parts = [
    request.maxFileBytes !== null &&
      t('requests.filesUpTo', { size: formatBytes(request.maxFileBytes) }),
    request.maxTotalBytes !== null &&
      t('requests.inAll', { size: formatBytes(request.maxTotalBytes) }),
    request.maxFiles !== null && t('requests.atMost', { count: request.maxFiles }),
    request.allowedTypes.length > 0 && request.allowedTypes.join(', '),
    request.hasPassword && t('requests.password'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : t('requests.noLimits');
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
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, wordBreak: 'break-all' }}>
          {request.title ?? `${request.bucket}/${request.prefix}`}
        </Typography>
        {request.unseenFiles > 0 && (
          <Chip
            size="small"
            color="secondary"
            label={t('requests.new', { count: request.unseenFiles })}
          />
        )}
        <LinkStatusChip status={request.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('requests.into', {
          place: `${request.bucket}/${request.prefix}`,
          when: formatDateTime(request.expiresAt),
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {limitsOf(request)}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('requests.received', {
          count: request.filesReceived,
          size: formatBytes(request.bytesReceived),
        })}
      </Typography>
      {received.length > 0 && (
        <List
          dense
          aria-label={t('requests.receivedThrough', { name: request.title ?? request.prefix })}
        >
          {received.map((file) => (
            <ListItem key={file.uploadId} disableGutters>
              <ListItemText
                primary={file.key.slice(request.prefix.length)}
                secondary={`${formatBytes(file.size)} · ${formatDateTime(file.completedAt ?? file.createdAt)}`}
              />
              {!file.seen && (
                <Chip
                  size="small"
                  label={t('requests.newChip')}
                  color="secondary"
                  variant="outlined"
                />
              )}
            </ListItem>
          ))}
        </List>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {request.unseenFiles > 0 && (
          <Button size="small" onClick={onSeen}>
            {t('requests.markSeen')}
          </Button>
        )}
        {request.status === 'active' && (
          <Button size="small" color="error" onClick={onRevoke}>
            {t('requests.revoke')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

export function MyRequestsSection() {
  const requests = useApiQuery(() => api.listUploadRequests(), []);
  const { t } = useTranslation();
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
        {t('requests.title')}
      </Typography>
      {(error ?? requests.error) && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error ?? requests.error}
        </Alert>
      )}
      {requests.data && items.length === 0 && (
        <Typography color="text.secondary">{t('requests.none')}</Typography>
      )}
      <Stack spacing={2}>
        {items.map((request) => (
          <RequestCard
            key={request.id}
            request={request}
            onSeen={() => void act(() => api.markUploadRequestSeen({ params: { id: request.id } }))}
            onRevoke={() => {
              if (window.confirm(t('requests.confirmRevoke')))
                void act(() => api.closeUploadRequest({ params: { id: request.id } }));
            }}
          />
        ))}
      </Stack>
    </Box>
  );
}
