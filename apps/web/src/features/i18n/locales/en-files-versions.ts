// English strings of an object's versions (the properties panel of the Files page).
export const filesVersionsEn = {
  versions: {
    loading: 'Loading versions',
    unavailable: 'Versions unavailable: {{error}}',
    name: '#{{number}} of {{date}}',
    restored: 'Version {{name}} restored: its content is now the latest version (#{{latest}}).',
    label: 'Versions',
    title: 'Versions ({{count}})',
    suspended: ' · versioning suspended',
    hint: 'Newest first. Restore copies a version over the latest one; the newer versions stay.',
    latest: 'Latest',
    deleteMarker: 'Delete marker',
    deleted: 'deleted',
    downloadVersion: 'Download version {{name}}',
    download: 'Download',
    restoreVersion: 'Restore version {{name}}',
    restoring: 'Restoring…',
    restore: 'Restore',
  },
};
