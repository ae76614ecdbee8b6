// How a migration reads on screen: state names and colours, progress, durations and speeds.
import type { MigrationState, MigrationView } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';

/** The label keys of job states. */
export const STATE_LABEL = {
  queued: 'migrations.state.queued',
  running: 'migrations.state.running',
  paused: 'migrations.state.paused',
  cancelled: 'migrations.state.cancelled',
  completed: 'migrations.state.completed',
  failed: 'migrations.state.failed',
} as const satisfies Record<MigrationState, string>;

export const STATE_COLOR: Record<
  MigrationState,
  'default' | 'info' | 'warning' | 'success' | 'error'
> = {
  queued: 'default',
  running: 'info',
  paused: 'warning',
  cancelled: 'default',
  completed: 'success',
  failed: 'error',
};

export const isFinished = (state: MigrationState) =>
  state === 'completed' || state === 'failed' || state === 'cancelled';

/**
 * Share of the discovered bytes handled (copied, skipped or failed), 0–100. While listing goes on
 * the total still grows, so a running job never shows 100 % before its listing is done.
 */
export function progressPercent(view: MigrationView): number {
  const { discovered, copied, skipped, failed } = view.counts;
  if (view.state === 'completed' && !view.options.dryRun) return 100;
  if (view.options.dryRun) return isFinished(view.state) ? 100 : 0;
  const handledObjects = copied.objects + skipped.objects + failed.objects;
  if (discovered.objects === 0) return view.listingDone ? 100 : 0;
  const total = discovered.bytes > 0 ? discovered.bytes : discovered.objects;
  const handled =
    discovered.bytes > 0 ? copied.bytes + skipped.bytes + failed.bytes : handledObjects;
  const percent = Math.min(100, (handled / total) * 100);
  return view.listingDone ? percent : Math.min(percent, 99);
}

/** 3723 s → "1 h 2 min", 42 s → "42 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatSpeed(bytesPerSecond: number | null): string {
  if (bytesPerSecond === null || bytesPerSecond <= 0) return '—';
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function locationText(location: MigrationView['source']): string {
  return `${location.connectionName} · ${location.bucket}/${location.prefix}`;
}
