// German strings of the Security page's settings: built-in detectors, the custom rule dialog and
// the notification channels.
import type { securitySettingsEn } from './en-security-settings';
import type { Strings } from './en';

export const securitySettingsDe: Strings<typeof securitySettingsEn> = {
  builtIn: {
    failedRequests: {
      title: 'Fehlgeschlagene Anfragen (HOCH, sperrt die Adresse)',
      what: 'Fehlgeschlagene Anmeldungen und 401/403-Antworten von einer Adresse.',
    },
    scannerAgents: {
      title: 'Scanner-User-Agents (MITTEL)',
      what: 'API-Aufrufe von bekannten Scannern oder ohne User-Agent.',
    },
    adminDenied: {
      title: 'Unberechtigte Admin-Vorgänge (HOCH)',
      what: 'Jemand ohne Admin-Rolle ruft Admin-Routen auf.',
    },
    largeUpload: {
      title: 'Große Uploads (NIEDRIG)',
      what: 'Ein Upload über dem Schwellenwert.',
    },
    largeDownload: {
      title: 'Große Downloads (NIEDRIG)',
      what: 'Ein GET über dem Schwellenwert, erkannt in S3-Zugriffsprotokollen und CloudTrail.',
    },
    unknownPrincipal: {
      title: 'Unbekannte Principals',
      what: 'Protokolleinträge von Principals, die in der bekannten Liste ihrer Protokollquelle fehlen.',
    },
    geoAnomaly: {
      title: 'Anmeldung aus einem neuen Land (MITTEL)',
      what: 'Ein Land, das für diesen Benutzer noch nie vorkam.',
    },
    distinctIps: {
      title: 'Viele Adressen für einen Benutzer (MITTEL)',
      what: 'Verschiedene Adressen eines Benutzers innerhalb des Zeitfensters.',
    },
    massDownload: {
      title: 'Massendownload (MITTEL)',
      what: 'Ein Benutzer liest innerhalb des Zeitfensters mehr Objekte oder Bytes als hier angegeben.',
    },
    massDelete: {
      title: 'Massenlöschung (MITTEL)',
      what: 'Ein Benutzer löscht innerhalb des Zeitfensters mehr Objekte oder Bytes als hier angegeben.',
    },
    fields: {
      moreThanRequests: 'Mehr als (Anfragen)',
      withinSeconds: 'Innerhalb von (Sekunden)',
      blockMinutes: 'Sperren für (Minuten)',
      aboveBytes: 'Über (Bytes)',
      moreThanAddresses: 'Mehr als (Adressen)',
      withinMinutes: 'Innerhalb von (Minuten)',
      objects: 'Objekte',
      bytes: 'Bytes',
    },
    scannerNames: 'Scanner-Namen (durch Kommas getrennt, im User-Agent gesucht)',
    flagEmptyAgent: 'Auch API-Aufrufe ohne User-Agent melden',
    dedup: 'Zusammenfassungsfenster (Minuten)',
    dedupHelp:
      'Erkennungen einer Regel für denselben Betreff innerhalb dieser Zeit werden zu einer Warnung zusammengefasst.',
  },
  customRule: {
    editTitle: 'Regel {{name}} bearbeiten',
    addTitle: 'Eigene Regel hinzufügen',
    name: 'Name',
    nameHelp: 'z. B. viele-loeschungen',
    description: 'Beschreibung',
    events: 'Ereignisse',
    minBytes: 'Nur mit mindestens (Bytes)',
    status: 'Nur HTTP-Status',
    measure: 'Messgröße',
    countOfEvents: 'Anzahl der Ereignisse',
    sumOfBytes: 'Summe der Bytes',
    above: 'Über',
    withinSeconds: 'Innerhalb von (Sekunden)',
    per: 'Pro',
    address: 'Adresse',
    user: 'Benutzer',
    severity: 'Schweregrad',
    action: 'Aktion',
    actions: {
      alert: 'Warnen',
      alert_block_ip: 'Warnen und die Adresse sperren',
      alert_disable_user: 'Warnen und den Benutzer sperren',
    },
    blockMinutes: 'Sperren für (Minuten)',
    save: 'Regel speichern',
  },
  channels: {
    saved: 'Benachrichtigungskanäle gespeichert.',
    webhook: 'Webhook',
    url: 'URL',
    payload: 'Nutzlast',
    json: 'JSON (signiert mit HMAC-SHA256)',
    slack: 'Slack-kompatibel',
    secret: 'Signaturgeheimnis',
    secretSet: 'Ein Geheimnis ist gesetzt; leer lassen, um es zu behalten.',
    secretLength: 'Mindestens 16 Zeichen.',
    webhookSeverities: 'Schweregrade für den Webhook',
    email: 'E-Mail',
    recipients: 'Empfänger',
    emailSeverities: 'Schweregrade für E-Mail',
    sns: 'Amazon SNS',
    snsConnection: 'Verbindung (mit deren Zugangsdaten wird veröffentlicht)',
    topicArn: 'Topic-ARN',
    snsSeverities: 'Schweregrade für SNS',
    save: 'Kanäle speichern',
  },
};
