// The queue: overall progress with total speed and time left, then one row per file.
import { Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { type UploadsSnapshot } from './upload-manager';
import { useUploadManager } from './upload-manager-context';
import { formatBytes } from '../common/format-bytes';
import { formatPercent, formatSpeedAndEta } from './upload-format';
import { UploadRow } from './upload-row';

export function UploadQueueView({ uploads }: { uploads: UploadsSnapshot }) {
  const manager = useUploadManager();
  const { items, overall } = uploads;
  if (items.length === 0) return null;
  const running = items.filter((i) => ['preparing', 'uploading', 'completing'].includes(i.state));
  const done = items.filter((i) => i.state === 'completed').length;
  const paused = items.some((i) => i.state === 'paused');
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Queue
        </Typography>
        {running.length > 0 && <Button onClick={() => manager.pauseAll()}>Pause all</Button>}
        {paused && <Button onClick={() => manager.resumeAll()}>Resume all</Button>}
        <Button onClick={() => manager.clearFinished()} disabled={done === 0}>
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
          {done} of {items.length} files done · {formatBytes(overall.bytesDone)} of{' '}
          {formatBytes(overall.bytesTotal)}
          {running.length > 0 && ` · ${formatSpeedAndEta(overall.speed, overall.etaSeconds)}`}
        </Typography>
      </Box>
      <Box component="ul" sx={{ p: 0, m: 0, mt: 1 }}>
        {items.map((item) => (
          <UploadRow key={item.id} item={item} />
        ))}
      </Box>
    </Paper>
  );
}
