// Removes the throwaway data directory of the stack the suite started. Playwright keeps the web
// server up through global teardown (teardown may still call it) and stops it afterwards, so the
// folder goes when the runner exits: deleting it here pulled the embedded PostgreSQL's files away
// while it was still shutting down ("could not hand Local storage back").
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.S3AM_E2E_DATA_DIR;
  if (dir) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
