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
  // On two cores jest would run every file in its own process (one worker = in band), where what
  // 140+ files leave behind (the CDK library, app instances) grew past the 4 GB heap and killed
  // the run. With a limit, files run in a worker that is replaced once it holds more than this.
  workerIdleMemoryLimit: '1GB',
  cacheDirectory: '<rootDir>/.jest-cache',
};
