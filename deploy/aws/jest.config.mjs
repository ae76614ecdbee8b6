// deploy/aws tests: synthesise the CDK app offline and assert on the CloudFormation it writes.
import { jestBase } from '../../jest.base.mjs';

/** @type {import('jest').Config} */
export default {
  ...jestBase,
  displayName: 'deploy-aws',
  // cdk.out holds staged copies of the whole repository (Docker build contexts).
  testPathIgnorePatterns: [...jestBase.testPathIgnorePatterns, '/cdk.out/'],
  modulePathIgnorePatterns: ['<rootDir>/cdk.out/'],
  // One synthesis takes seconds on a shared machine; the CLI test runs a whole `cdk synth`.
  testTimeout: 120_000,
};
