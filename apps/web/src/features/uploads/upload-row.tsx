// One file in the queue: name, size, progress, speed, time left, state and its actions. It reads
// its own file from the manager, so a change elsewhere in the queue never re-renders it.
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import PauseOutlined from '@mui/icons-material/PauseOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import { Alert, Box, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { memo } from 'react';
import { useUploadItem, useUploadManager } from './upload-manager-context';
import { formatBytes } from '../common/format-bytes';
import { formatPercent, formatSpeedAndEta } from './upload-format';
import { UploadStateChip } from './upload-state-chip';
import { useTranslation } from 'react-i18next';

const MOVING = new Set(['preparing', 'uploading', 'completing']);

export const UploadRow = memo(function UploadRow({
  id,
  index,
  top,
  measure,
}: {
  id: string;
  /** Position in the list, and its offset (px) in the virtual list. */
  index: number;
  top: number;
  /** Tells the list the row's real height. */
  measure: (element: HTMLElement | null) => void;
}) {
  const manager = useUploadManager();
  const { t } = useTranslation();
  const item = useUploadItem(id);
  if (!item) return null;
  const { progress, state } = item;
  const moving = MOVING.has(state);
  const percent = Math.floor(progress.fraction * 100);
  return (
    <Box
      component="li"
      ref={measure}
      data-index={index}
      data-testid="upload-row"
      data-state={state}
      aria-label={item.name}
      sx={{
        listStyle: 'none',
        py: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
      }}
      // A plain style: an sx value per position would mint a CSS class per position.
      style={{ transform: `translateY(${top}px)` }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography noWrap title={item.key ?? item.name} sx={{ fontWeight: 500 }}>
            {item.name}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {formatBytes(item.size)} · {item.where}
            {item.key && item.key !== item.name && !item.key.endsWith(`/${item.name}`)
              ? t('uploads.row.savedAs', { key: item.key })
              : ''}
          </Typography>
        </Box>
        <UploadStateChip state={state} />
        {(state === 'uploading' || state === 'preparing' || state === 'queued') && (
          <Tooltip title={t('uploads.row.pause')}>
            <IconButton
              aria-label={t('uploads.row.pauseName', { name: item.name })}
              onClick={() => manager.pause(item.id)}
            >
              <PauseOutlined />
            </IconButton>
          </Tooltip>
        )}
        {state === 'paused' && (
          <Tooltip title={t('uploads.row.resume')}>
            <IconButton
              aria-label={t('uploads.row.resumeName', { name: item.name })}
              onClick={() => manager.resume(item.id)}
            >
              <PlayArrowOutlined />
            </IconButton>
          </Tooltip>
        )}
        {state === 'failed' && (
          <Tooltip title={t('uploads.row.retry')}>
            <IconButton
              aria-label={t('uploads.row.retryName', { name: item.name })}
              onClick={() => manager.resume(item.id)}
            >
              <ReplayOutlined />
            </IconButton>
          </Tooltip>
        )}
        {state !== 'completed' && state !== 'cancelled' && state !== 'completing' && (
          <Tooltip title={t('uploads.row.cancel')}>
            <IconButton
              aria-label={t('uploads.row.cancelName', { name: item.name })}
              onClick={() => manager.cancel(item.id)}
            >
              <CloseOutlined />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {state !== 'cancelled' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 0.5 }}>
          <LinearProgress
            variant="determinate"
            value={percent}
            color={state === 'failed' ? 'error' : state === 'completed' ? 'success' : 'primary'}
            aria-label={t('uploads.row.progressOf', { name: item.name })}
            sx={{
              flexGrow: 1,
              height: 8,
              borderRadius: 4,
              '& .MuiLinearProgress-bar': { transition: 'transform 0.2s linear' },
            }}
          />
          <Typography
            variant="body2"
            data-testid="upload-percent"
            sx={{
              width: 56,
              textAlign: 'right',
              whiteSpace: 'nowrap',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            {formatPercent(progress.fraction)}
          </Typography>
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ width: 170, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
          >
            {moving ? formatSpeedAndEta(progress.speed, progress.etaSeconds) : ''}
          </Typography>
        </Stack>
      )}
      {item.resumedBytes > 0 && state !== 'completed' && (
        <Typography variant="caption" color="text.secondary" data-testid="upload-resumed">
          {t('uploads.row.resumed', { size: formatBytes(item.resumedBytes) })}
        </Typography>
      )}
      {item.message && (
        <Alert
          severity={state === 'failed' ? 'error' : 'info'}
          sx={{ mt: 1, py: 0 }}
          data-testid="upload-message"
        >
          {item.message}
        </Alert>
      )}
    </Box>
  );
});
