// German strings of the share dialog and of the public link pages (/s/:token, and the frame,
// password prompt and "link gone" page that /u/:token shares).
import type { sharesLinksEn } from './en-shares-links';
import type { Strings } from './en';

export const sharesLinksDe: Strings<typeof sharesLinksEn> = {
  dialog: {
    titleFile: 'Datei „{{name}}“ teilen',
    titleFolder: 'Ordner „{{name}}“ teilen',
    createdFile:
      'Jeder mit diesem Link kann bis {{when}} herunterladen. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt. Sie können ihn auf der Seite Geteilte Links widerrufen.',
    createdFolder:
      'Jeder mit diesem Link kann bis {{when}} durchsuchen und herunterladen. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt. Sie können ihn auf der Seite Geteilte Links widerrufen.',
    link: 'Freigabelink',
    expiresAfter: 'Läuft ab nach (Tagen)',
    password: 'Passwort (optional)',
    passwordHelp: 'Mindestens 8 Zeichen. Senden Sie es getrennt vom Link.',
    downloadLimit: 'Download-Limit (optional)',
    networks: 'Erlaubte Netze (optional)',
    networksHelp: 'IP-Adressen oder Bereiche wie 203.0.113.0/24, durch Kommas getrennt',
    recorded: 'Jedes Öffnen und jeder Download wird mit Adresse und Browser protokolliert.',
    create: 'Link erstellen',
  },
  link: {
    sharedThrough: 'Geteilt über S3 Access Manager',
    notFound: 'Diesen Link gibt es nicht',
    addressRefused: 'Dieser Link kann aus Ihrem Netz nicht verwendet werden',
    rateLimited: 'Zu viele Anfragen',
    unavailable: 'Dieser Link ist nicht mehr verfügbar',
    cannotOpen: 'Dieser Link kann gerade nicht geöffnet werden',
    askForNew: 'Bitten Sie die Person, die ihn geschickt hat, um einen neuen Link.',
    unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung.',
    password: 'Passwort',
    open: 'Öffnen',
    opening: 'Link wird geöffnet…',
    protected: 'Dieser Link ist geschützt',
    enterPassword: 'Geben Sie das Passwort ein, das Sie mit dem Link erhalten haben.',
    availableUntil: 'Verfügbar bis {{when}}',
    downloadsLeft: ' · noch {{count}} Download(s)',
    download: 'Herunterladen',
    downloadName: '{{name}} herunterladen',
    folderPath: 'Ordnerpfad',
    downloadZip: 'Alle als ZIP herunterladen',
    truncated:
      'Dieser Ordner enthält mehr Dateien, als eine Seite zeigt; nur die ersten sind aufgeführt.',
    files: 'Dateien',
    emptyFolder: 'Dieser Ordner ist leer.',
    storageAnswered: '{{path}}: Der Speicher antwortete {{status}}',
  },
};
