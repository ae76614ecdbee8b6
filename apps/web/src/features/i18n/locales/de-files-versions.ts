// German strings of an object's versions (the properties panel of the Files page).
import type { filesVersionsEn } from './en-files-versions';
import type { Strings } from './en';

export const filesVersionsDe: Strings<typeof filesVersionsEn> = {
  versions: {
    loading: 'Versionen werden geladen',
    unavailable: 'Versionen nicht verfügbar: {{error}}',
    name: '#{{number}} vom {{date}}',
    restored:
      'Version {{name}} wiederhergestellt: Ihr Inhalt ist jetzt die neueste Version (#{{latest}}).',
    label: 'Versionen',
    title: 'Versionen ({{count}})',
    suspended: ' · Versionierung ausgesetzt',
    hint: 'Neueste zuerst. Wiederherstellen kopiert eine Version über die neueste; die neueren Versionen bleiben erhalten.',
    latest: 'Neueste',
    deleteMarker: 'Löschmarkierung',
    deleted: 'gelöscht',
    downloadVersion: 'Version {{name}} herunterladen',
    download: 'Herunterladen',
    restoreVersion: 'Version {{name}} wiederherstellen',
    restoring: 'Wird wiederhergestellt…',
    restore: 'Wiederherstellen',
  },
};
