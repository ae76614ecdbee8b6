// German strings of storage quotas (Permissions page, upload notices).
import type { Dictionary } from './en';

export const quotasDe: Dictionary['quotas'] = {
  title: 'Speicherkontingente',
  filter: 'Nach Namen filtern',
  measuring: 'Wird gemessen…',
  measureNow: 'Jetzt messen',
  body: 'Die Nutzung ist das, was der Speicher unter den Ordnern enthält, in die ein Benutzer oder eine Gruppe schreiben darf; regelmäßig gemessen und bei jedem Upload aktualisiert.',
  measured: '{{prefixes}} Ordner gemessen: {{objects}} Datei(en), {{size}}{{failed}}.',
  measureFailed: '; {{count}} konnten nicht aufgelistet werden',
  tableLabel: 'Speicherkontingente und Nutzung',
  who: 'Benutzer oder Gruppe',
  size: 'Größe',
  files: 'Dateien',
  measuredAt: 'Gemessen',
  group: 'Gruppe {{name}}',
  notYet: 'Noch nicht',
  editOf: 'Kontingent von {{name}} bearbeiten',
  edit: 'Bearbeiten',
  usedOf: '{{used}} von {{max}}',
  usedOfLabel: '{{used}} von {{max}} belegt',
  yours: 'Ihr Kontingent',
  groupQuota: 'Kontingent der Gruppe „{{name}}“',
  bytesLeft: '{{used}} von {{max}} belegt, {{left}} frei',
  filesLeft: '{{used}} von {{max}} Dateien, {{left}} frei',
  line: '{{whose}}: {{parts}}',
  dialog: {
    title: 'Kontingent für {{name}}',
    countsGroup:
      'Zählt die Dateien unter den Ordnern, in die die Gruppe schreiben darf. Lassen Sie ein Feld leer für keine Grenze; beide leer entfernt das Kontingent.',
    countsUser:
      'Zählt die Dateien unter den Ordnern, in die diese Person schreiben darf. Lassen Sie ein Feld leer für keine Grenze; beide leer entfernt das Kontingent.',
    sizeLimit: 'Größengrenze (GiB)',
    fileLimit: 'Dateigrenze',
    save: 'Speichern',
  },
};
