// How sizes and dates read in the file browser (dates in the chosen locale).
import { formatDateTime } from '../i18n/intl-format';

export function formatDate(iso: string | null): string {
  return iso ? formatDateTime(iso) : '—';
}
