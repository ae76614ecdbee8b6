// Sizes, speeds and times left as people read them on the Uploads page.
import { i18n } from '../i18n/i18n';
import { formatFixed, formatNumber } from '../i18n/intl-format';

/** Decimal units per second, as network speeds are usually quoted ("12.3 MB/s", "850 kB/s"). */
export function formatSpeed(bytesPerSecond: number): string {
  if (bytesPerSecond < 1_000_000) return `${formatNumber(Math.round(bytesPerSecond / 1000))} kB/s`;
  return `${formatFixed(bytesPerSecond / 1_000_000, 1)} MB/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "12.3 MB/s · 1 min 4 s left", or "estimating…" until the speed is known. */
export function formatSpeedAndEta(speed: number, etaSeconds: number | null): string {
  if (speed <= 0 || etaSeconds === null) return i18n.t('uploads.format.estimating');
  return i18n.t('uploads.format.left', { speed: formatSpeed(speed), eta: formatEta(etaSeconds) });
}

export function formatPercent(fraction: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)} %`;
}
