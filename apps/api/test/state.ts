// Handles shared between globalSetup and globalTeardown (both run in jest's parent process;
// jest only guarantees that globals survive between the two, so they live on globalThis).
interface TestState {
  tmpDir?: string;
  stopPostgres?: () => Promise<void>;
  stopS3?: () => Promise<void>;
  dropDatabases?: () => Promise<void>;
}

const holder = globalThis as typeof globalThis & { __s3amTestState?: TestState };
export const testState: TestState = (holder.__s3amTestState ??= {});
