// German messages the upload engine's events turn into (the queue's rows and notices).
import type { uploadsMessagesEn } from './en-uploads-messages';
import type { Strings } from './en';

export const uploadsMessagesDe: Strings<typeof uploadsMessagesEn> = {
  messages: {
    corsEtag:
      'Die CORS-Regel des Buckets muss den ETag-Header freigeben; bitten Sie einen Admin, CORS auf der Seite Verbindungen anzuwenden.',
    networkLost:
      'Die Netzwerkverbindung ist abgebrochen. Setzen Sie den Upload fort, sobald Sie wieder online sind.',
    grantDenied:
      'Sie dürfen nicht nach {{where}} hochladen. Bitten Sie einen Admin um eine Schreibfreigabe.',
    tooLarge: 'Diese Datei ist zu groß für {{where}}{{detail}}.',
    typeNotAllowed: 'Dieser Dateityp ist in {{where}} nicht erlaubt{{detail}}.',
    quotaExceeded: 'Nicht genug Speicherkontingent frei für {{where}}{{detail}}.',
    exists:
      'In {{where}} gibt es schon eine Datei mit diesem Namen. Wählen Sie „Umbenennen“ oder „Überschreiben“ und laden Sie sie erneut hoch.',
    offline: 'Offline: Warten auf die Verbindung.',
    retrying: 'Neuer Versuch: {{message}}',
    checking:
      'Die bereits im Bucket liegenden Teile werden mit der Datei verglichen: {{percent}} %',
    discarded:
      '„{{name}}“ ist nicht die Datei, die der unfertige Upload nach {{where}} gesendet hat: Dieser Upload wurde verworfen, und dieser beginnt von vorn.',
    notQueued: 'Nicht eingereiht: {{names}}.',
    notQueuedMore: 'Nicht eingereiht: {{names}} und {{count}} weitere.',
    refusedFile: '„{{name}}“ ({{reason}})',
    largerThan: 'größer als {{size}}',
    onlyExtensions: 'nur {{list}}-Dateien dürfen hochgeladen werden',
    onlyTypes: 'nur {{list}} darf hochgeladen werden',
    unseen: '{{count}} neu empfangene Datei(en)',
    resuming:
      '„{{name}}“ wird dort fortgesetzt, wo er stehen blieb, sobald sein Inhalt geprüft ist.',
    alreadyQueued: '„{{name}}“ ist für dieses Ziel schon in der Warteschlange.',
    sessionEnded:
      'Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an und setzen Sie den Upload dann fort.',
    notAllowed: 'Nicht erlaubt: {{reason}}.',
    serverRefused: 'Der Server hat die Anfrage abgelehnt: {{reason}}.',
    fileChanged:
      '„{{name}}“ wurde während des Uploads auf dem Datenträger geändert; starten Sie ihn neu, um den neuen Inhalt zu senden.',
    s3Exists:
      'S3 hat das Schreiben abgelehnt: Unter diesem Namen liegt schon ein Objekt (oder es hat sich seit Beginn des Uploads geändert). Laden Sie die Datei erneut hoch, um sie umzubenennen oder zu überschreiben.',
    s3PartRefused:
      'S3 hat den Teil abgelehnt (HTTP 403): Die signierte URL wurde zurückgewiesen. Prüfen Sie die Serveruhr und die Zugangsdaten der Verbindung.',
    s3Status: 'S3 hat für einen Teil mit HTTP {{status}} geantwortet.',
  },
};
