// German strings of a migration job's page: configuration, progress, steering, failures and log.
import type { migrationsJobEn } from './en-migrations-job';
import type { Strings } from './en';

export const migrationsJobDe: Strings<typeof migrationsJobEn> = {
  summary: {
    label: 'Konfiguration',
    dryRun: 'Probelauf',
    include: 'Einschließen {{globs}}',
    exclude: 'Ausschließen {{globs}}',
    skipIdentical: 'Identische überspringen',
    existing: {
      if_different: 'Vorhandene: ersetzen, wenn verschieden',
      always: 'Vorhandene: immer ersetzen',
      skip: 'Vorhandene: nie ersetzen',
    },
    storageClass: 'Speicherklasse {{storageClass}}',
    keepsMetadata: 'Behält Metadaten',
    dropsMetadata: 'Verwirft Metadaten',
    keepsTags: 'Behält Tags',
    dropsTags: 'Verwirft Tags',
    concurrency: 'Parallelität {{count}}',
    cap: 'Grenze {{speed}} MiB/s',
    startedBy: 'Gestartet von {{who}} · {{when}}',
    removedUser: 'einem entfernten Benutzer',
    rerun: ' · inkrementelle Wiederholung',
  },
  progress: {
    label: 'Fortschritt',
    listingDone: 'Auflistung fertig',
    listing: 'Auflistung läuft…',
    bar: 'Fortschritt der Migration',
    speed: 'Geschwindigkeit',
    average: 'Durchschnitt',
    now: 'aktuell',
    eta: 'Restzeit',
    inFlight: 'In Arbeit',
    duration: 'Dauer',
    throttled:
      'S3 hat um Drosselung gebeten: Der ganze Auftrag wartet bis {{time}}. Senken Sie die Parallelität oder setzen Sie eine Bandbreitengrenze, wenn das öfter passiert.',
    table: 'Objekte und Bytes',
    objects: 'Objekte',
    bytes: 'Bytes',
    discovered: 'Gefunden',
    copied: 'Kopiert',
    skipped: 'Übersprungen',
    failed: 'Fehlgeschlagen',
    pending: 'Noch offen',
    wouldCopy: 'Würde kopiert',
  },
  controls: {
    pause: 'Anhalten',
    resume: 'Fortsetzen',
    cancelJob: 'Auftrag abbrechen',
    rerun: 'Wiederholen (nur Neues oder Geändertes)',
    reportJson: 'Bericht JSON',
    reportCsv: 'Bericht CSV',
    confirmTitle: 'Diese Migration abbrechen?',
    confirmBody:
      'Laufende Kopien stoppen sofort, ihre Multipart-Uploads werden abgebrochen. Bereits kopierte Objekte bleiben am Ziel. Ein abgebrochener Auftrag lässt sich nicht fortsetzen; wiederholen Sie ihn später, um das Fehlende zu kopieren.',
    keepRunning: 'Weiterlaufen lassen',
  },
  failures: {
    queued: '{{count}} fehlgeschlagene(s) Objekt(e) erneut eingereiht.',
    title: 'Fehlgeschlagene Objekte ({{count}})',
    retry: 'Fehlgeschlagene wiederholen',
    item: '{{key}} ({{size}}, {{attempts}} Versuch(e))',
    more: 'Mehr anzeigen',
  },
  logView: {
    dropped: '{{count}} ältere Zeile(n) nicht angezeigt.',
    empty: 'Noch nichts protokolliert.',
  },
};
