// English strings of upload requests (Shared links page).
import { requestsGuestEn } from './en-requests-guest';

export const requestsEn = {
  filesUpTo: 'files up to {{size}}',
  inAll: '{{size}} in all',
  atMost: 'at most {{count}} file(s)',
  password: 'password',
  noLimits: 'No limits besides the server’s',
  new: '{{count}} new',
  newChip: 'new',
  into: 'Into {{place}} · until {{when}}',
  received: '{{count}} file(s) received, {{size}}',
  receivedThrough: 'Files received through {{name}}',
  markSeen: 'Mark as seen',
  revoke: 'Revoke',
  title: 'Upload requests',
  none: 'No upload requests yet. On the Files page, choose Request files in a folder.',
  confirmRevoke: 'Revoke this upload request? Its link stops taking files at once.',
  ...requestsGuestEn,
};
