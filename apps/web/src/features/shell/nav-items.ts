// The app's sections. Those not built yet are shown disabled, so people see what is coming.
import type { SvgIconComponent } from '@mui/icons-material';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import SyncAltOutlined from '@mui/icons-material/SyncAltOutlined';
import type { Role } from '@s3am/contracts';
import type { English } from '../i18n/locales/en';

export interface NavItem {
  /** English; the shown name comes from `shell.nav.<key>` when the key is there. */
  label: string;
  key?: keyof English['shell']['nav'];
  path: string;
  icon: SvgIconComponent;
  ready: boolean;
  roles?: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Dashboard', key: 'dashboard', path: '/', icon: DashboardOutlined, ready: true },
  { label: 'Files', key: 'files', path: '/files', icon: FolderOutlined, ready: true },
  {
    label: 'Uploads',
    key: 'uploads',
    path: '/uploads',
    icon: CloudUploadOutlined,
    ready: true,
    roles: ['admin', 'uploader'],
  },
  { label: 'Shared links', key: 'sharedLinks', path: '/links', icon: LinkOutlined, ready: true },
  {
    label: 'Connections',
    key: 'connections',
    path: '/connections',
    icon: StorageOutlined,
    ready: true,
    roles: ['admin'],
  },
  {
    label: 'Permissions',
    key: 'permissions',
    path: '/permissions',
    icon: KeyOutlined,
    ready: true,
    roles: ['admin'],
  },
  {
    label: 'Users',
    key: 'users',
    path: '/users',
    icon: GroupOutlined,
    ready: true,
    roles: ['admin'],
  },
  {
    label: 'Audit',
    key: 'audit',
    path: '/audit',
    icon: HistoryOutlined,
    ready: true,
    roles: ['admin'],
  },
  {
    label: 'Migrations',
    key: 'migrations',
    path: '/migrations',
    icon: SyncAltOutlined,
    ready: true,
    roles: ['admin'],
  },
  {
    label: 'Security',
    key: 'security',
    path: '/security',
    icon: SecurityOutlined,
    ready: true,
    roles: ['admin'],
  },
];
