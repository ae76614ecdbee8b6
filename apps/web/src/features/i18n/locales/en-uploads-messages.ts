// English messages the upload engine's events turn into (the queue's rows and notices).
export const uploadsMessagesEn = {
  messages: {
    corsEtag:
      "The bucket's CORS rule must expose the ETag header; ask an admin to apply CORS on the Connections page.",
    networkLost: 'The network connection was lost. Resume the upload when you are back online.',
    grantDenied: 'You have no permission to upload to {{where}}. Ask an admin for a write grant.',
    tooLarge: 'This file is too large for {{where}}{{detail}}.',
    typeNotAllowed: 'This type of file is not allowed in {{where}}{{detail}}.',
    quotaExceeded: 'Not enough storage quota left for {{where}}{{detail}}.',
    exists:
      'A file with this name already exists in {{where}}. Choose "Rename" or "Overwrite" and upload it again.',
    offline: 'Offline: waiting for the connection.',
    retrying: 'Retrying: {{message}}',
    checking: 'Checking the parts already in the bucket against the file: {{percent}} %',
    discarded:
      '"{{name}}" is not the file the unfinished upload at {{where}} was sending: that upload was discarded and this one starts from the beginning.',
    notQueued: 'Not queued: {{names}}.',
    notQueuedMore: 'Not queued: {{names}} and {{count}} more.',
    refusedFile: '"{{name}}" ({{reason}})',
    largerThan: 'larger than {{size}}',
    onlyExtensions: 'only {{list}} files may be uploaded',
    onlyTypes: 'only {{list}} may be uploaded',
    unseen: '{{count}} new received file(s)',
    resuming: 'Resuming "{{name}}" where it stopped, once its content is checked.',
    alreadyQueued: '"{{name}}" is already in the queue for this destination.',
    sessionEnded: 'Your session has ended: sign in again, then resume the upload.',
    notAllowed: 'Not allowed: {{reason}}.',
    serverRefused: 'The server refused the request: {{reason}}.',
    fileChanged:
      '"{{name}}" changed on disk during the upload; start it again to send the new content.',
    s3Exists:
      'S3 refused to write the file: an object already exists at this name (or changed since the upload started). Upload it again to rename or overwrite.',
    s3PartRefused:
      'S3 refused the part (HTTP 403): the signed URL was rejected. Check the server clock and the connection credentials.',
    s3Status: 'S3 answered HTTP {{status}} for a part.',
  },
};
