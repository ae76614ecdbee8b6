// German strings of the New migration form: the two locations, the options and the IAM policies.
import type { migrationsFormEn } from './en-migrations-form';
import type { Strings } from './en';

export const migrationsFormDe: Strings<typeof migrationsFormEn> = {
  location: {
    source: {
      title: 'Quelle',
      connection: 'Quellverbindung',
      bucket: 'Quell-Bucket',
      prefix: 'Quellpräfix',
      prefixHelp: 'Alles darunter wird kopiert',
    },
    destination: {
      title: 'Ziel',
      connection: 'Zielverbindung',
      bucket: 'Ziel-Bucket',
      prefix: 'Zielpräfix',
      prefixHelp: 'Die Kopien landen darunter',
    },
    prefixPlaceholder: 'leer = der ganze Bucket',
  },
  options: {
    title: 'Optionen',
    include: 'Einschließen (Globs)',
    includeHelp: 'Eines pro Zeile; leer = alle',
    exclude: 'Ausschließen (Globs)',
    excludeHelp: 'Eines pro Zeile',
    existing: 'Vorhandene Objekte',
    overwrite: {
      skip: 'Vorhandene Objekte nie ersetzen',
      if_different: 'Ersetzen, wenn verschieden',
      always: 'Immer ersetzen',
    },
    storageClass: 'Speicherklasse',
    bucketDefault: 'Standard des Buckets',
    encryption: 'Verschlüsselung am Ziel',
    kmsKey: 'KMS-Schlüssel (ARN, ID oder Alias)',
    kmsKeyHelp: 'Leer = der Schlüssel der Verbindung oder der Standard des Buckets',
    concurrency: 'Parallelität (Objekte gleichzeitig)',
    bandwidth: 'Bandbreitengrenze (MiB/s)',
    bandwidthHelp: 'Leer = keine Grenze',
    skipIdentical: 'Bereits identische Objekte überspringen (Größe + ETag)',
    preserveMetadata: 'Metadaten und Inhalts-Header behalten',
    preserveTags: 'Tags behalten',
    dryRun: 'Probelauf (nur planen: Anzahl und Bytes, schreibt nichts)',
  },
  check: {
    passed: 'Beide Orte antworten: {{count}} Prüfungen bestanden.',
    failed: '{{side}}: {{call}} fehlgeschlagen',
    fallback: 'Die Prüfung ist fehlgeschlagen.',
    chooseBoth: 'Wählen Sie auf beiden Seiten eine Verbindung und einen Bucket.',
  },
  policies: {
    title: 'IAM-Richtlinien, die dieser Auftrag braucht',
    chooseFirst: 'Wählen Sie beide Verbindungen und Buckets, um sie zu sehen.',
    identityBefore: 'Identitätsrichtlinie für die Zugangsdaten der ',
    identityStrong: 'Ziel',
    identityAfter: '-Verbindung (sie lesen die Quelle und schreiben ins Ziel):',
    identityLabel: 'Identitätsrichtlinie',
    crossAccountBefore: 'Kontoübergreifend: Fügen Sie diese Anweisung der ',
    crossAccountStrong: 'Bucket-Richtlinie der Quelle',
    crossAccountAfter: ' hinzu:',
    sourceBucketLabel: 'Bucket-Richtlinie der Quelle',
  },
};
