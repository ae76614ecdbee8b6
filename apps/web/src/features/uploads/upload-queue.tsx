// The queue: overall progress with total speed and time left, then one row per file. Only the
// rows in view are rendered (a folder of thousands of files costs what a screenful does), and
// each row follows its own file.
import { Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../common/format-bytes';
import { useUploadManager, useUploadSummary } from './upload-manager-context';
import { formatPercent, formatSpeedAndEta } from './upload-format';
import { UploadRow } from './upload-row';
import { useTranslation } from 'react-i18next';

/** A row without a message; rows are measured once shown. */
const ESTIMATED_ROW_PX = 84;

export function UploadQueueView() {
  const manager = useUploadManager();
  const { t } = useTranslation();
  const { ids, counts, overall } = useUploadSummary();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 6,
  });
  const added = useAddedFilesNotice(ids.length);
  if (ids.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} ref={added.anchor}>
      {/* Said aloud by screen readers; the scroll below shows it on a phone, where the queue is
          below the fold. */}
      <Typography role="status" variant="body2" sx={{ mb: added.message ? 1 : 0 }}>
        {added.message}
      </Typography>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', columnGap: 2, rowGap: 1 }}
      >
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('uploads.queue.title')}
        </Typography>
        {counts.running + counts.queued > 0 && (
          <Button onClick={() => manager.pauseAll()}>{t('uploads.queue.pauseAll')}</Button>
        )}
        {counts.paused > 0 && (
          <Button onClick={() => manager.resumeAll()}>{t('uploads.queue.resumeAll')}</Button>
        )}
        <Button onClick={() => manager.clearFinished()} disabled={counts.done === 0}>
          {t('uploads.queue.clearFinished')}
        </Button>
      </Stack>
      <Box data-testid="upload-overall">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <LinearProgress
            variant="determinate"
            value={Math.floor(overall.fraction * 100)}
            aria-label={t('uploads.queue.overall')}
            sx={{
              flexGrow: 1,
              height: 10,
              borderRadius: 5,
              '& .MuiLinearProgress-bar': { transition: 'transform 0.2s linear' },
            }}
          />
          <Typography
            sx={{
              width: 56,
              textAlign: 'right',
              whiteSpace: 'nowrap',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            {formatPercent(overall.fraction)}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t('uploads.queue.done', {
            done: counts.done,
            total: counts.total,
            bytesDone: formatBytes(overall.bytesDone),
            bytesTotal: formatBytes(overall.bytesTotal),
          })}
          {counts.running > 0 && ` · ${formatSpeedAndEta(overall.speed, overall.etaSeconds)}`}
          {counts.failed > 0 && t('uploads.queue.failed', { count: counts.failed })}
        </Typography>
      </Box>
      <Box
        ref={scroller}
        data-testid="upload-list"
        // A scroll region of its own: it takes focus so the keyboard can scroll it.
        tabIndex={0}
        role="region"
        aria-label={t('uploads.queue.region')}
        sx={{ maxHeight: 'min(70vh, 720px)', overflowY: 'auto', mt: 1 }}
      >
        <Box
          component="ul"
          sx={{ p: 0, m: 0, position: 'relative', height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => (
            <UploadRow
              key={row.key}
              id={ids[row.index]!}
              index={row.index}
              top={row.start}
              measure={virtualizer.measureElement}
            />
          ))}
        </Box>
      </Box>
    </Paper>
  );
}

/**
 * When files join the queue, says how many and brings the queue into view: on a phone the
 * queue is below the drop zone, and picking files otherwise changed nothing on screen.
 */
function useAddedFilesNotice(count: number) {
  const anchor = useRef<HTMLDivElement>(null);
  const previous = useRef(count);
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  useEffect(() => {
    const addedCount = count - previous.current;
    previous.current = count;
    if (addedCount <= 0) return;
    setMessage(t('uploads.queue.added', { count: addedCount }));
    anchor.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [count, t]);
  return { anchor, message };
}
