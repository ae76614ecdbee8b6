// German strings of the Uploads page, its queue and history.
import type { Dictionary } from './en';
import { uploadsMessagesDe } from './de-uploads-messages';

export const uploadsDe: Dictionary['uploads'] = {
  title: 'Uploads',
  roleCannotUpload:
    'Ihre Rolle kann Dateien ansehen, aber nicht hochladen. Bitten Sie einen Admin um die Rolle Uploader.',
  destination: 'Ziel',
  noDestination:
    'Sie haben noch keinen Bucket oder Ordner, in den Sie hochladen können. Bitten Sie einen Admin um eine Schreibfreigabe.',
  uploadHere: 'Hierher hochladen',
  discard: 'Verwerfen',
  staged_one:
    '{{count}} abgelegte Datei wartet auf ein Ziel: Prüfen Sie es oben, dann laden Sie hoch.',
  staged_other:
    '{{count}} abgelegte Dateien warten auf ein Ziel: Prüfen Sie es oben, dann laden Sie hoch.',
  offline:
    'Sie sind offline. Uploads sind angehalten und laufen von selbst weiter, sobald die Verbindung wieder besteht.',
  refusedRole:
    'Ihre Rolle darf keine Dateien hochladen. Bitten Sie einen Admin um die Rolle Uploader.',
  dropToUpload: 'Zum Hochladen ablegen',
  dropTo: 'nach {{destination}}',
  chooseOnUploadsPage: 'Das Ziel wählen Sie auf der Seite Uploads',
  limits: {
    maxSize: 'Bis {{size}} pro Datei',
    only: 'nur {{list}}',
  },
  format: {
    estimating: 'wird geschätzt…',
    left: '{{speed}} · noch {{eta}}',
  },
  picker: {
    location: 'Ort',
    subFolder: 'Unterordner (optional)',
    subFolderPlaceholder: 'z. B. berichte/2024',
    ifExists: 'Wenn der Name existiert',
    rename: 'Beide behalten (neue Datei umbenennen)',
    overwrite: 'Vorhandene Datei überschreiben',
    reject: 'Überspringen (Fehler melden)',
    filesGoTo:
      'Dateien kommen nach <strong>{{destination}}</strong>; Ordner behalten darin ihre Struktur.',
  },
  dropZone: {
    title: 'Dateien oder Ordner hier ablegen',
    body: 'Die Daten gehen direkt in den Bucket, und ein unterbrochener Upload wird fortgesetzt.',
    checkingLimits: 'Es wird geprüft, was hochgeladen werden darf…',
    chooseFiles: 'Dateien wählen',
    chooseFolder: 'Ordner wählen',
    filesInput: 'Hochzuladende Dateien',
    folderInput: 'Hochzuladender Ordner',
  },
  queue: {
    title: 'Warteschlange',
    pauseAll: 'Alle anhalten',
    resumeAll: 'Alle fortsetzen',
    clearFinished: 'Fertige entfernen',
    overall: 'Gesamtfortschritt',
    done: '{{done}} von {{total}} Dateien fertig · {{bytesDone}} von {{bytesTotal}}',
    failed: ' · {{count}} fehlgeschlagen',
    region: 'Dateien in der Warteschlange',
    added_one: '1 Datei zur Warteschlange hinzugefügt.',
    added_other: '{{count}} Dateien zur Warteschlange hinzugefügt.',
  },
  row: {
    savedAs: ' · gespeichert als {{key}}',
    pause: 'Anhalten',
    pauseName: '{{name}} anhalten',
    resume: 'Fortsetzen',
    resumeName: '{{name}} fortsetzen',
    retry: 'Erneut versuchen',
    retryName: '{{name}} erneut versuchen',
    cancel: 'Abbrechen (gesendete Teile werden verworfen)',
    cancelName: '{{name}} abbrechen',
    progressOf: 'Fortschritt von {{name}}',
    resumed: 'Fortgesetzt: {{size}} waren schon im Bucket und werden nicht erneut gesendet.',
  },
  taskState: {
    queued: 'Wartet',
    preparing: 'Startet',
    uploading: 'Lädt hoch',
    paused: 'Angehalten',
    completing: 'Wird abgeschlossen',
    completed: 'Fertig',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
  },
  history: {
    title: 'Verlauf',
    show: 'Uploads anzeigen',
    all: 'Alle',
    completed: 'Abgeschlossen',
    failed: 'Fehlgeschlagen',
    aborted: 'Abgebrochen',
    inProgress: 'Läuft',
    filterAll: 'Alle',
    filterCompleted: 'Fertig',
    filterFailed: 'Fehler',
    filterAborted: 'Storniert',
    none: 'Noch keine Uploads.',
    label: 'Upload-Verlauf',
    file: 'Datei',
    bucket: 'Bucket',
    size: 'Größe',
    state: 'Status',
    when: 'Zeitpunkt',
  },
  pending: {
    title: 'Unvollständige Uploads',
    body: 'Warten auf die Datei – wählen Sie sie erneut, um fortzufahren. Teile, die schon im Bucket sind, werden nicht erneut gesendet.',
    listFailed: 'Sie konnten nicht aufgelistet werden: {{error}}',
    started: '{{size}} · {{place}} · begonnen {{when}}',
    waiting: 'Wartet auf die Datei',
    chooseFile: 'Datei wählen',
    confirmDiscard:
      'Den unvollständigen Upload von „{{name}}“ verwerfen? Die gesendeten Teile werden gelöscht.',
    toResume: 'Zum Fortsetzen',
    howToResume:
      'Nutzen Sie „Datei wählen“ oder legen Sie dieselbe Datei im selben Zielordner ab: Der Upload setzt dort fort, wo er aufgehört hat, sobald der Inhalt mit den Teilen im Bucket abgeglichen ist. Eine andere Datei startet einen neuen Upload.',
  },
  ...uploadsMessagesDe,
};
