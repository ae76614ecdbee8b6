// Removes the throwaway data directory of the stack the suite started.
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.S3AM_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
