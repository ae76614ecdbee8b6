// German strings of the Migrations pages (job list, new job, live job page).
import type { Dictionary } from './en';
import { migrationsFormDe } from './de-migrations-form';
import { migrationsJobDe } from './de-migrations-job';

export const migrationsDe: Dictionary['migrations'] = {
  title: 'Migrationen',
  newMigration: 'Neue Migration',
  intro:
    'Kopiert alles unter einem Bucket/Präfix in einen anderen Bucket/Präfix, über Konten, Regionen oder Anbieter hinweg. Aufträge laufen auf dem Server und überstehen Neustarts; alle, die einen Auftrag beobachten, sehen denselben Live-Fortschritt.',
  jobs: 'Migrationsaufträge',
  noJobs: 'Noch keine Migrationsaufträge.',
  state: {
    queued: 'Wartet',
    running: 'Läuft',
    paused: 'Angehalten',
    cancelled: 'Abgebrochen',
    completed: 'Abgeschlossen',
    failed: 'Fehlgeschlagen',
  },
  columns: {
    state: 'Status',
    route: 'Quelle → Ziel',
    progress: 'Fortschritt',
    speed: 'Geschwindigkeit',
    copied: 'Kopiert',
    startedBy: 'Gestartet von',
    duration: 'Dauer',
    created: 'Angelegt',
  },
  dryRun: 'Probelauf',
  progressLabel: 'Fortschritt {{percent}} %',
  progressText: '{{percent}} % · {{handled}}/{{discovered}} Objekte',
  newTitle: 'Neue Migration',
  backToJobs: 'Zurück zu den Aufträgen',
  cannotStart: 'Der Auftrag kann nicht starten',
  checkLocations: 'Orte prüfen',
  startDryRun: 'Probelauf starten',
  start: 'Migration starten',
  jobTitle: 'Migration',
  connecting: 'Verbindet…',
  live: 'Live',
  reconnecting: 'Verbindet erneut…',
  notLive: 'Nicht live',
  allJobs: 'Alle Aufträge',
  loadingJob: 'Auftrag wird geladen',
  stoppedWithError: 'Der Auftrag wurde mit einem Fehler beendet',
  dryRunFinished:
    'Probelauf beendet: {{count, number}} Objekt(e) würden kopiert. Es wurde nichts geschrieben.',
  finished:
    'Fertig: {{copied, number}} kopiert, {{skipped, number}} übersprungen, {{failed, number}} fehlgeschlagen. Laden Sie den Bericht unten herunter.',
  log: 'Protokoll',
  noBytes: 'Es wurden keine Bytes übertragen.',
  ...migrationsFormDe,
  ...migrationsJobDe,
};
