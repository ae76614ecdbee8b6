// How a migration job reads on a terminal: one status line, and what a finished job exits with.
import { type MigrationView } from '@s3am/contracts';
import { ExitCode } from './exit-codes.js';
import { type Output } from './output.js';
import { formatBytes } from './sizes.js';

export const FINISHED = new Set<MigrationView['state']>(['completed', 'failed', 'cancelled']);

export function describeMigration(job: MigrationView): string {
  const { counts } = job;
  const place = (location: MigrationView['source']) =>
    `${location.connectionName}:${location.bucket}/${location.prefix}`;
  const handled = counts.copied.objects + counts.skipped.objects + counts.failed.objects;
  const total = job.listingDone ? `${counts.discovered.objects}` : `${counts.discovered.objects}+`;
  return [
    `${job.id}  ${job.state}${job.options.dryRun ? ' (dry run)' : ''}`,
    `  ${place(job.source)} → ${place(job.destination)}`,
    `  ${handled}/${total} objects: ${counts.copied.objects} copied (${formatBytes(counts.copied.bytes)}), ${counts.skipped.objects} skipped, ${counts.failed.objects} failed, ${counts.inFlight} in flight`,
    ...(job.error ? [`  error: ${job.error}`] : []),
  ].join('\n');
}

export function progressLine(
  job: MigrationView,
  speedBytesPerSecond: number,
  etaSeconds: number | null,
): string {
  const { counts } = job;
  const handled = counts.copied.objects + counts.skipped.objects + counts.failed.objects;
  const eta = etaSeconds === null ? '' : `, ETA ${Math.round(etaSeconds)} s`;
  return `${job.state}: ${handled}/${counts.discovered.objects}${job.listingDone ? '' : '+'} objects, ${formatBytes(counts.copied.bytes)} copied, ${counts.failed.objects} failed, ${formatBytes(speedBytesPerSecond)}/s${eta}`;
}

/** 0 when everything was copied, 5 when some objects failed, 1 when the job failed or was cancelled. */
export function exitCodeOf(job: MigrationView): ExitCode {
  if (job.state !== 'completed') return ExitCode.ERROR;
  return job.counts.failed.objects > 0 ? ExitCode.PARTIAL : ExitCode.OK;
}

export function printMigration(out: Output, job: MigrationView): void {
  out.result(job);
  out.print(describeMigration(job));
}
