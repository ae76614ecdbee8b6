// Byte counts as people read them everywhere in the app: powers of 1024 with IEC units (MiB),
// so a file shows the same size in Files, Uploads and the history. The number follows the chosen
// locale ("1,5 MiB" in German); the fixed decimals keep columns of sizes steady.
import { currentLocale } from '../i18n/i18n';

const formats = new Map<string, Intl.NumberFormat>();
function fixed(value: number, digits: number): string {
  const key = `${currentLocale()}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = Intl.NumberFormat(currentLocale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${fixed(value, unit === 0 || value >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}
