// Dates, times and numbers in the chosen locale (not the browser's), through Intl. Formatters
// are cached per locale: building one is the costly part.
import { currentLocale } from './i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const fixedFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** "30.11.2026, 14:05:09" in German, "11/30/2026, 2:05:09 PM" in English. */
export function formatDateTime(value: string | number | Date): string {
  const locale = currentLocale();
  return cached(dateTimeFormats, locale, () =>
    Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }),
  ).format(new Date(value));
}

export function formatDate(value: string | number | Date): string {
  const locale = currentLocale();
  return cached(dateFormats, locale, () =>
    Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
  ).format(new Date(value));
}

/** "14:05:09" in German, "2:05:09 PM" in English. */
export function formatTime(value: string | number | Date): string {
  const locale = currentLocale();
  return cached(timeFormats, locale, () =>
    Intl.DateTimeFormat(locale, { timeStyle: 'medium' }),
  ).format(new Date(value));
}

/** Up to `fractionDigits` decimals: 1536.5 → "1,536.5" / "1.536,5". */
export function formatNumber(value: number, fractionDigits = 0): string {
  const locale = currentLocale();
  return cached(numberFormats, `${locale}|${fractionDigits}`, () =>
    Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }),
  ).format(value);
}

/** Exactly `digits` decimals, for values that update in place: 12.3 → "12.3" / "12,3". */
export function formatFixed(value: number, digits: number): string {
  const locale = currentLocale();
  return cached(fixedFormats, `${locale}|${digits}`, () =>
    Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}
