// The upload queue at a glance on every page but Uploads: how many files, overall progress,
// speed and time left, and the way to the full view. It follows the queue summary only (a few
// updates a second while bytes move), never the files one by one.
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import { Box, Button, IconButton, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useUploadSummary } from '../uploads/upload-manager-context';
import { formatPercent, formatSpeedAndEta } from '../uploads/upload-format';
import { type QueueCounts } from '../uploads/upload-store';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

const files = (n: number) => i18n.t('tray.files', { count: n });

/** "Uploading 360 files", "3 files paused", "2 files failed", "400 files uploaded"… */
function headline(counts: QueueCounts): string {
  const left = counts.total - counts.done;
  if (counts.running + counts.queued > 0) return i18n.t('tray.uploading', { files: files(left) });
  if (counts.paused > 0) return i18n.t('tray.paused', { files: files(counts.paused) });
  if (counts.failed > 0) return i18n.t('tray.failed', { files: files(counts.failed) });
  if (counts.done === 0) return i18n.t('tray.cancelled');
  return i18n.t('tray.uploaded', { files: files(counts.done) });
}

export function UploadTray() {
  const { counts, overall } = useUploadSummary();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Closed until the queue changes again (a file added, finished or failed).
  const [closedAt, setClosedAt] = useState<string | null>(null);
  const signature = `${counts.total}/${counts.done}/${counts.failed}/${counts.paused}`;
  if (counts.total === 0 || pathname.startsWith('/uploads') || closedAt === signature) return null;
  const active = counts.running + counts.queued > 0;
  return (
    <Paper
      elevation={6}
      role="status"
      aria-label={t('tray.label')}
      data-testid="upload-tray"
      sx={{
        position: 'fixed',
        right: 16,
        bottom: 16,
        width: { xs: 'calc(100% - 32px)', sm: 340 },
        p: 1.5,
        zIndex: (theme) => theme.zIndex.snackbar,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CloudUploadOutlined color={counts.failed > 0 ? 'error' : 'primary'} fontSize="small" />
        <Typography variant="body2" sx={{ flexGrow: 1, fontWeight: 500 }} noWrap>
          {headline(counts)}
        </Typography>
        <Button component={RouterLink} to="/uploads" size="small">
          {t('tray.open')}
        </Button>
        {!active && (
          <IconButton
            aria-label={t('common.close')}
            size="small"
            onClick={() => setClosedAt(signature)}
          >
            <CloseOutlined fontSize="small" />
          </IconButton>
        )}
      </Stack>
      <LinearProgress
        variant="determinate"
        value={Math.floor(overall.fraction * 100)}
        color={counts.failed > 0 ? 'error' : counts.done === counts.total ? 'success' : 'primary'}
        aria-label={t('tray.overall')}
        sx={{ my: 1, height: 6, borderRadius: 3 }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography
          variant="caption"
          color="text.secondary"
          data-testid="upload-tray-percent"
          sx={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {t('tray.done', {
            done: counts.done,
            total: counts.total,
            percent: formatPercent(overall.fraction),
          })}
        </Typography>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {counts.running > 0 ? formatSpeedAndEta(overall.speed, overall.etaSeconds) : ''}
        </Typography>
      </Box>
    </Paper>
  );
}
