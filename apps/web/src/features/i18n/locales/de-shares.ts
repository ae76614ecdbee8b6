// German strings of share links (Shared links page, Files page buttons).
import type { Dictionary } from './en';
import { sharesLinksDe } from './de-shares-links';

export const sharesDe: Dictionary['shares'] = {
  status: {
    active: 'aktiv',
    expired: 'abgelaufen',
    revoked: 'widerrufen',
    exhausted: 'aufgebraucht',
  },
  confirmRevoke: 'Den Link zu {{what}} widerrufen? Er funktioniert sofort nicht mehr.',
  title: 'Freigabelinks',
  none: 'Noch keine Freigabelinks. Wählen Sie auf der Seite Dateien „Teilen“ bei einem Ordner oder einer Datei.',
  tableLabel: 'Meine Freigabelinks',
  shared: 'Geteilt',
  statusColumn: 'Status',
  opened: 'Geöffnet',
  downloads: 'Downloads',
  expires: 'Läuft ab',
  password: 'Passwort',
  of: ' von {{max}}',
  revoke: 'Widerrufen',
  share: 'Teilen',
  requestFiles: 'Dateien anfordern',
  ...sharesLinksDe,
};
