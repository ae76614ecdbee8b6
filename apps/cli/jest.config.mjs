// CLI tests: the bundled `s3am` run as a process against the real API (listening on an ephemeral
// port) on this worker's migrated database and the real local S3 server — the API's test setup.
import { jestBase } from '../../jest.base.mjs';

/** @type {import('jest').Config} */
export default {
  ...jestBase,
  displayName: 'cli',
  globalSetup: '<rootDir>/../api/test/global-setup.ts',
  globalTeardown: '<rootDir>/../api/test/global-teardown.ts',
  setupFiles: ['<rootDir>/../api/test/worker-env.ts'],
};
