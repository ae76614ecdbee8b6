// German strings of upload requests (Shared links page).
import type { Dictionary } from './en';
import { requestsGuestDe } from './de-requests-guest';

export const requestsDe: Dictionary['requests'] = {
  filesUpTo: 'Dateien bis {{size}}',
  inAll: '{{size}} insgesamt',
  atMost: 'höchstens {{count}} Datei(en)',
  password: 'Passwort',
  noLimits: 'Keine Grenzen außer denen des Servers',
  new: '{{count}} neu',
  newChip: 'neu',
  into: 'Nach {{place}} · bis {{when}}',
  received: '{{count}} Datei(en) empfangen, {{size}}',
  receivedThrough: 'Über {{name}} empfangene Dateien',
  markSeen: 'Als gesehen markieren',
  revoke: 'Widerrufen',
  title: 'Upload-Anfragen',
  none: 'Noch keine Upload-Anfragen. Wählen Sie auf der Seite Dateien in einem Ordner „Dateien anfordern“.',
  confirmRevoke: 'Diese Upload-Anfrage widerrufen? Ihr Link nimmt sofort keine Dateien mehr an.',
  ...requestsGuestDe,
};
