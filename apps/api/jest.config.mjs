// API tests: unit tests for pure logic and integration tests through app.inject() on a real,
// migrated PostgreSQL database per worker and the real local S3 server (test/global-setup.ts).
import { jestBase } from '../../jest.base.mjs';

/** @type {import('jest').Config} */
export default {
  ...jestBase,
  displayName: 'api',
  testPathIgnorePatterns: [...jestBase.testPathIgnorePatterns, '/src/generated/'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/worker-env.ts'],
};
