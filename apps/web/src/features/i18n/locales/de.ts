// German pages' strings (the sign-in page's are in de-core.ts). Typed as the English dictionary's
// shape: a missing or extra key does not compile.
import { filesDe } from './de-files';
import { uploadsDe } from './de-uploads';
import { connectionsDe } from './de-connections';
import { permissionsDe } from './de-permissions';
import { auditDe } from './de-audit';
import { securityDe } from './de-security';
import { passwordDe, trayDe } from './de-account';
import { quotasDe } from './de-quotas';
import { accountDe } from './de-profile';
import { sharesDe } from './de-shares';
import { requestsDe } from './de-requests';
import { migrationsDe } from './de-migrations';
import type { PagesDictionary } from './en';

/** The pages' strings, loaded with the app shell (page-strings.ts). */
export const dePages: PagesDictionary = {
  dashboard: {
    title: 'Übersicht',
    signedInAs: 'Angemeldet als',
    refresh: 'Aktualisieren',
    loadFailed: 'Der Systemstatus konnte nicht geladen werden.',
    ok: 'OK',
    problem: 'Problem',
    system: 'System',
    ready: 'Bereit',
    notReady: 'Nicht bereit',
    versionUptime: 'Version {{version}} · läuft seit {{uptime}}',
    database: 'Datenbank',
    connected: 'Verbunden',
    unreachable: 'Nicht erreichbar',
    migrationsPending: 'Migrationen ausstehend',
    migrationsApplied_one: '{{count}} Migration angewendet',
    migrationsApplied_other: '{{count}} Migrationen angewendet',
    migrationsUpToDate: 'Migrationen aktuell',
    connections: 'S3-Verbindungen',
    connectionsRegistered_one: 'Verbindung eingerichtet',
    connectionsRegistered_other: 'Verbindungen eingerichtet',
    users: 'Benutzer',
    accounts_one: 'Konto',
    accounts_other: 'Konten',
    whereUpload: 'Wohin Sie hochladen können',
    whereRead: 'Was Sie lesen können',
    nothingGranted:
      'Noch keine Freigaben. Bitten Sie einen Admin um Zugriff auf einen Bucket oder Ordner.',
    yourLocations: 'Ihre Speicherorte',
    browseFiles: 'Dateibrowser öffnen',
    quickUpload: 'Schnell hochladen',
    uploadTo: 'Hochladen nach',
    chooseFiles: 'Dateien auswählen',
    openUploads: 'Zur Upload-Warteschlange',
    filesToUpload: 'Hochzuladende Dateien',
    progressHint:
      'Der Fortschritt erscheint in der Leiste unten am Bildschirm und auf der Seite Uploads.',
    recentUploads: 'Letzte Uploads',
    noUploads: 'Noch keine Uploads.',
  },
  users: {
    title: 'Benutzer',
    search: 'Nach E-Mail suchen',
    newUser: 'Neuer Benutzer',
    requireTotp: '2FA für Admins verlangen',
    requireTotpHelp:
      'Admins ohne Zwei-Faktor-Authentifizierung müssen sie einrichten, bevor sie irgendetwas anderes tun können.',
    grid: 'Benutzer',
    columns: {
      email: 'E-Mail',
      role: 'Rolle',
      status: 'Status',
      twoFactor: '2FA',
      lastSignIn: 'Letzte Anmeldung',
      created: 'Angelegt',
    },
    disabled: 'Gesperrt',
    active: 'Aktiv',
    on: 'An',
    off: 'Aus',
    create: {
      created: 'Benutzer angelegt',
      title: 'Neuer Benutzer',
      oneTimeInfo:
        'Geben Sie {{email}} dieses Einmalpasswort über einen sicheren Weg. Es wird nur jetzt angezeigt; bei der ersten Anmeldung wird ein eigenes gewählt.',
      oneTimePassword: 'Einmalpasswort',
      email: 'E-Mail',
      role: 'Rolle',
      roleHelp:
        'Admins verwalten alles; Uploader laden hoch und lesen, wo freigegeben; Betrachter listen und lesen nur.',
      initialPassword: 'Anfangspasswort (optional)',
      initialPasswordHelp: 'Leer lassen, um ein Einmalpasswort zu erzeugen.',
      submit: 'Benutzer anlegen',
    },
    detail: {
      role: 'Rolle',
      disabledLabel: 'Gesperrt: kann sich nicht anmelden',
      enabledLabel: 'Aktiv',
      summary:
        'Zwei-Faktor: {{twoFactor}} · letzte Anmeldung: {{lastSignIn}} · angelegt {{created}}',
      newOneTimePassword: 'Neues Einmalpasswort',
      resetPassword: 'Passwort zurücksetzen',
      confirmDelete: '{{email}} löschen? Der Protokollverlauf bleibt erhalten.',
      keep: 'Behalten',
      delete: 'Löschen',
      deleteUser: 'Benutzer löschen…',
    },
  },
  sharedLinks: { title: 'Geteilte Links' },
  apiDocs: {
    title: 'S3 Access Manager API',
    session: 'Anfragen nutzen Ihre Sitzung ({{email}}).',
    signedOut:
      'Nicht angemeldet: Melden Sie sich an, um Anfragen auszuprobieren, oder nutzen Sie „Authorize“ mit einem API-Token.',
    backToApp: 'Zurück zur App',
    signIn: 'Anmelden',
    reference: 'API-Referenz',
  },
  profile: {
    title: 'Profil',
    password: 'Passwort',
    changePassword: 'Passwort ändern',
  },
  files: filesDe,
  uploads: uploadsDe,
  connections: connectionsDe,
  permissions: permissionsDe,
  audit: auditDe,
  security: securityDe,
  password: passwordDe,
  tray: trayDe,
  account: accountDe,
  quotas: quotasDe,
  shares: sharesDe,
  requests: requestsDe,
  migrations: migrationsDe,
};
