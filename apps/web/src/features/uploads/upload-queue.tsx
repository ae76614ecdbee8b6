// The queue: overall progress with total speed and time left, then one row per file. Only the
// rows in view are rendered (a folder of thousands of files costs what a screenful does), and
// each row follows its own file.
import { Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes } from '../common/format-bytes';
import { useUploadManager, useUploadSummary } from './upload-manager-context';
import { formatPercent, formatSpeedAndEta } from './upload-format';
import { UploadRow } from './upload-row';

/** A row without a message; rows are measured once shown. */
const ESTIMATED_ROW_PX = 84;

export function UploadQueueView() {
  const manager = useUploadManager();
  const { ids, counts, overall } = useUploadSummary();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 6,
  });
  if (ids.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Queue
        </Typography>
        {counts.running + counts.queued > 0 && (
          <Button onClick={() => manager.pauseAll()}>Pause all</Button>
        )}
        {counts.paused > 0 && <Button onClick={() => manager.resumeAll()}>Resume all</Button>}
        <Button onClick={() => manager.clearFinished()} disabled={counts.done === 0}>
          Clear finished
        </Button>
      </Stack>
      <Box data-testid="upload-overall">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <LinearProgress
            variant="determinate"
            value={Math.floor(overall.fraction * 100)}
            aria-label="Overall progress"
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
          {counts.done} of {counts.total} files done · {formatBytes(overall.bytesDone)} of{' '}
          {formatBytes(overall.bytesTotal)}
          {counts.running > 0 && ` · ${formatSpeedAndEta(overall.speed, overall.etaSeconds)}`}
          {counts.failed > 0 && ` · ${counts.failed} failed`}
        </Typography>
      </Box>
      <Box
        ref={scroller}
        data-testid="upload-list"
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
