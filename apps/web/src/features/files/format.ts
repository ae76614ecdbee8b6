// How sizes and dates read in the file browser.
export function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}
