// German strings of the Request files dialog and of the guest upload page (/u/:token).
import type { requestsGuestEn } from './en-requests-guest';
import type { Strings } from './en';

export const requestsGuestDe: Strings<typeof requestsGuestEn> = {
  dialog: {
    title: 'Dateien anfordern in „{{folder}}“',
    created:
      'Jeder mit diesem Link kann bis {{when}} in diesen Ordner hochladen; Dateien ersetzen nie andere. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt. Neue Dateien erscheinen auf der Seite Geteilte Links.',
    link: 'Upload-Link',
    titleField: 'Titel für die Absender (optional)',
    expiresAfter: 'Läuft ab nach (Tagen)',
    maxFile: 'Max. Dateigröße (MiB)',
    maxTotal: 'Max. insgesamt (MiB)',
    maxFiles: 'Max. Dateien',
    types: 'Erlaubte Typen (optional)',
    typesHelp: 'Dateiendungen oder Inhaltstypen, z. B. „.pdf, image/*“',
    password: 'Passwort (optional)',
    passwordHelp: 'Mindestens 8 Zeichen. Senden Sie es getrennt vom Link.',
    create: 'Link erstellen',
  },
  guest: {
    filesUpTo: 'Dateien bis je {{size}}',
    leftInAll: 'Insgesamt noch {{size}} frei',
    moreFiles: 'Noch {{count}} Datei(en) möglich',
    types: 'Typen: {{types}}',
    openUntil: 'Offen bis {{when}}',
    stopped: 'Angehalten ({{state}}).',
    protected: 'Dieser Upload-Link ist geschützt',
    sendFiles: 'Dateien senden',
    intro:
      'Die gewählten Dateien gehen direkt in einen sicheren Speicher. Nichts, was Sie senden, ersetzt eine vorhandene Datei.',
    limits: 'Grenzen',
    chooseFiles: 'Dateien auswählen',
    filesToSend: 'Zu sendende Dateien',
    sentFiles: 'Gesendete Dateien',
    received: 'Empfangen · {{size}}',
    progress: '{{percent}} % von {{size}}',
    sending: '{{name}} wird gesendet',
  },
};
