// English strings of share links (Shared links page, Files page buttons).
import { sharesLinksEn } from './en-shares-links';

export const sharesEn = {
  status: { active: 'active', expired: 'expired', revoked: 'revoked', exhausted: 'used up' },
  confirmRevoke: 'Revoke the link to {{what}}? It stops working at once.',
  title: 'Share links',
  none: 'No share links yet. On the Files page, choose Share on a folder or a file.',
  tableLabel: 'My share links',
  shared: 'Shared',
  statusColumn: 'Status',
  opened: 'Opened',
  downloads: 'Downloads',
  expires: 'Expires',
  password: 'password',
  of: ' of {{max}}',
  revoke: 'Revoke',
  share: 'Share',
  requestFiles: 'Request files',
  ...sharesLinksEn,
};
