// English strings of the Request files dialog and of the guest upload page (/u/:token).
export const requestsGuestEn = {
  dialog: {
    title: 'Request files into “{{folder}}”',
    created:
      'Anyone with this link can upload into this folder until {{when}}; files never replace others. Copy it now: it is shown only once. New files appear on the Shared links page.',
    link: 'Upload link',
    titleField: 'Title shown to senders (optional)',
    expiresAfter: 'Expires after (days)',
    maxFile: 'Max file size (MiB)',
    maxTotal: 'Max in total (MiB)',
    maxFiles: 'Max files',
    types: 'Allowed types (optional)',
    typesHelp: 'Extensions or content types, e.g. ".pdf, image/*"',
    password: 'Password (optional)',
    passwordHelp: 'At least 8 characters. Send it separately from the link.',
    create: 'Create link',
  },
  guest: {
    filesUpTo: 'Files up to {{size}} each',
    leftInAll: '{{size}} left in all',
    moreFiles: '{{count}} more file(s) accepted',
    types: 'Types: {{types}}',
    openUntil: 'Open until {{when}}',
    stopped: 'Stopped ({{state}}).',
    protected: 'This upload link is protected',
    sendFiles: 'Send files',
    intro:
      'Files you choose go straight to secure storage. Nothing you send replaces an existing file.',
    limits: 'Limits',
    chooseFiles: 'Choose files',
    filesToSend: 'Files to send',
    sentFiles: 'Sent files',
    received: 'Received · {{size}}',
    progress: '{{percent}} % of {{size}}',
    sending: 'Sending {{name}}',
  },
};
