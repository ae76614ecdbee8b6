// English strings of the Migrations pages (job list, new job, live job page).
import { migrationsFormEn } from './en-migrations-form';
import { migrationsJobEn } from './en-migrations-job';

export const migrationsEn = {
  title: 'Migrations',
  newMigration: 'New migration',
  intro:
    'Copy everything under a bucket/prefix to another bucket/prefix, across accounts, regions or providers. Jobs run on the server and survive restarts; everyone watching a job sees the same live progress.',
  jobs: 'Migration jobs',
  noJobs: 'No migration jobs yet.',
  state: {
    queued: 'Queued',
    running: 'Running',
    paused: 'Paused',
    cancelled: 'Cancelled',
    completed: 'Completed',
    failed: 'Failed',
  },
  columns: {
    state: 'State',
    route: 'Source → destination',
    progress: 'Progress',
    speed: 'Speed',
    copied: 'Copied',
    startedBy: 'Started by',
    duration: 'Duration',
    created: 'Created',
  },
  dryRun: 'Dry run',
  progressLabel: 'Progress {{percent}} %',
  progressText: '{{percent}} % · {{handled}}/{{discovered}} objects',
  newTitle: 'New migration',
  backToJobs: 'Back to jobs',
  cannotStart: 'The job cannot start',
  checkLocations: 'Check locations',
  startDryRun: 'Start dry run',
  start: 'Start migration',
  jobTitle: 'Migration',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  notLive: 'Not live',
  allJobs: 'All jobs',
  loadingJob: 'Loading the job',
  stoppedWithError: 'The job stopped with an error',
  dryRunFinished:
    'Dry run finished: {{count, number}} object(s) would be copied. Nothing was written.',
  finished:
    'Finished: {{copied, number}} copied, {{skipped, number}} skipped, {{failed, number}} failed. Download the report below.',
  log: 'Log',
  noBytes: 'No bytes were moved.',
  ...migrationsFormEn,
  ...migrationsJobEn,
};
