// The job's live log: only the rows in view are rendered (the hook already keeps a bounded window),
// and it follows the newest line unless the reader scrolled up.
import { Box, Paper, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationLogLine } from '@s3am/contracts';
import { formatTime } from '../i18n/intl-format';

const ROW_PX = 22;
const LEVEL_COLOR = { info: 'text.primary', warn: 'warning.main', error: 'error.main' } as const;

export function MigrationLog({ lines, dropped }: { lines: MigrationLogLine[]; dropped: number }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
  });
  useEffect(() => {
    if (following.current && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1);
  }, [lines.length, virtualizer]);

  return (
    <Box component="section" aria-label={t('migrations.log')}>
      {dropped > 0 && (
        <Typography variant="caption" color="text.secondary">
          {t('migrations.logView.dropped', { count: dropped })}
        </Typography>
      )}
      <Paper
        variant="outlined"
        ref={scroller}
        tabIndex={0}
        role="log"
        aria-live="off"
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current =
            element.scrollHeight - element.scrollTop - element.clientHeight < ROW_PX * 2;
        }}
        sx={{ height: 240, overflow: 'auto', fontFamily: 'monospace', fontSize: 13 }}
      >
        {lines.length === 0 ? (
          <Typography sx={{ p: 1 }} color="text.secondary">
            {t('migrations.logView.empty')}
          </Typography>
        ) : (
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const line = lines[row.index]!;
              return (
                <Box
                  key={line.seq}
                  sx={{
                    position: 'absolute',
                    top: row.start,
                    left: 0,
                    right: 0,
                    height: ROW_PX,
                    px: 1,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    color: LEVEL_COLOR[line.level],
                  }}
                  title={line.message}
                >
                  {formatTime(line.at)} {line.message}
                </Box>
              );
            })}
          </Box>
        )}
      </Paper>
    </Box>
  );
}
