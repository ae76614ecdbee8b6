// Dates people type on the command line (2026-11-01, 2026-11-01T12:00Z) → ISO 8601, or exit 2.
import { usageError } from './exit-codes.js';

export function isoDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw usageError(`${name}: "${value}" is not a date`);
  return date.toISOString();
}
