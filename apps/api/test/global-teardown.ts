// Stops what test/global-setup.ts started and removes its temp directory.
import { rm } from 'node:fs/promises';
import { testState } from './state.ts';

export default async function globalTeardown(): Promise<void> {
  await testState.stopS3?.();
  await testState.dropDatabases?.();
  await testState.stopPostgres?.();
  if (testState.tmpDir) await rm(testState.tmpDir, { recursive: true, force: true });
}
