// Points each jest worker at its own migrated database (created in global-setup.ts).
const template = process.env.S3AM_TEST_DB_TEMPLATE_URL;
if (template) {
  process.env.DATABASE_URL = template.replace('{worker}', process.env.JEST_WORKER_ID ?? '1');
}
