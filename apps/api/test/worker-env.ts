// Points each jest worker at its own migrated database (created in global-setup.ts).
const pattern = process.env.S3AM_TEST_DB_URL_PATTERN;
if (pattern) {
  process.env.DATABASE_URL = pattern.replace('JESTWORKER', process.env.JEST_WORKER_ID ?? '1');
}
