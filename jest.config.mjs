// One jest run over every package that has tests; each package keeps its own jest.config.mjs.
/** @type {import('jest').Config} */
export default {
  projects: [
    '<rootDir>/apps/api',
    '<rootDir>/packages/local-s3',
    '<rootDir>/packages/contracts',
    '<rootDir>/packages/uploader',
    '<rootDir>/packages/client',
    '<rootDir>/apps/cli',
    '<rootDir>/deploy/aws',
  ],
  testTimeout: 30_000,
  cacheDirectory: '<rootDir>/.jest-cache',
};
