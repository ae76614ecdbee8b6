// Unfinished uploads from an earlier visit, waiting for their file to be selected again.
import { Alert, AlertTitle, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { formatDateTime } from '../i18n/intl-format';
import { baseName } from './upload-keys';
import { type UploadsSnapshot } from './upload-manager';
import { useUploadManager } from './upload-manager-context';
import { useTranslation } from 'react-i18next';

export function PendingUploadsList({ uploads }: { uploads: UploadsSnapshot }) {
  const manager = useUploadManager();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  const { pending, pendingError } = uploads;
  if (pending.length === 0 && !pendingError) return null;
  const chooseFileFor = (uploadId: string) => {
    setChoosingFor(uploadId);
    fileInput.current?.click();
  };
  const discard = async (uploadId: string, name: string) => {
    if (!window.confirm(t('uploads.pending.confirmDiscard', { name }))) return;
    try {
      setError(null);
      await manager.discardPending(uploadId);
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="pending-uploads">
      <Typography variant="h6" component="h2">
        {t('uploads.pending.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('uploads.pending.body')}
      </Typography>
      {pendingError && (
        <Alert severity="warning">{t('uploads.pending.listFailed', { error: pendingError })}</Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Box component="ul" sx={{ p: 0, m: 0 }}>
        {pending.map(({ upload }) => {
          const name = baseName(upload.key);
          return (
            <Stack
              key={upload.id}
              component="li"
              direction="row"
              spacing={2}
              data-testid="pending-upload"
              sx={{
                listStyle: 'none',
                alignItems: 'center',
                py: 1,
                borderTop: 1,
                borderColor: 'divider',
              }}
            >
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <Typography noWrap title={upload.key} sx={{ fontWeight: 500 }}>
                  {name}
                </Typography>
                <Typography variant="caption" color="text.secondary" noWrap component="div">
                  {t('uploads.pending.started', {
                    size: formatBytes(upload.size),
                    place: `${upload.bucket}/${upload.key}`,
                    when: formatDateTime(upload.createdAt),
                  })}
                </Typography>
              </Box>
              <Typography variant="body2" color="warning.main" sx={{ whiteSpace: 'nowrap' }}>
                {t('uploads.pending.waiting')}
              </Typography>
              <Button onClick={() => chooseFileFor(upload.id)} data-testid="pending-choose-file">
                {t('uploads.pending.chooseFile')}
              </Button>
              <Button color="inherit" onClick={() => void discard(upload.id, name)}>
                {t('uploads.discard')}
              </Button>
            </Stack>
          );
        })}
      </Box>
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="pending-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file && choosingFor) manager.resumePending(choosingFor, file);
          event.target.value = '';
          setChoosingFor(null);
        }}
      />
      {pending.length > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          <AlertTitle>{t('uploads.pending.toResume')}</AlertTitle>
          {t('uploads.pending.howToResume')}
        </Alert>
      )}
    </Paper>
  );
}
