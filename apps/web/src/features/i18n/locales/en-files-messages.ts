// English messages the Files page's helpers build (listing, folder uploads, zips, thumbnails).
export const filesMessagesEn = {
  messages: {
    noAccessHere: 'You have no access here.',
    uploadingOne: 'Uploading “{{name}}” to {{destination}}',
    uploadingMany: 'Uploading {{count}} files to {{destination}}',
    couldNotQueue: 'Could not queue the upload: {{message}}',
    zipTooMany: 'More than {{max}} files: download this folder in parts.',
    storageRefused: 'Storage refused {{key}} ({{status}}).',
    storageAnswered: 'Storage answered {{status}}.',
  },
};
