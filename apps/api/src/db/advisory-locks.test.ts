import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADVISORY_LOCKS } from './advisory-locks.js';

describe('advisory lock ids', () => {
  it('are all different, the migration runner’s included', () => {
    const migrate = readFileSync(path.join(__dirname, 'migrate.ts'), 'utf8');
    const migrationLock = Number(
      /MIGRATION_LOCK_ID = ([\d_]+)/.exec(migrate)?.[1]?.replace(/_/g, ''),
    );
    const ids = [...Object.values(ADVISORY_LOCKS), migrationLock];
    expect(Number.isInteger(migrationLock)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
