// Navigation drawer: permanent on wide screens, a temporary overlay on phones.
import {
  Box,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Tooltip,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '@s3am/contracts';
import { UnseenFilesBadge } from '../upload-requests/unseen-files-badge';
import { NAV_ITEMS } from './nav-items';

export const DRAWER_WIDTH = 240;

// A ring people can see on both themes when they Tab through the sections.
const FOCUS_RING = {
  '&.Mui-focusVisible': {
    outline: '3px solid',
    outlineColor: 'primary.main',
    outlineOffset: '-3px',
  },
} as const;

function NavList({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <List component="nav" aria-label={t('shell.sections')} sx={{ px: 1 }}>
      {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role)).map((item) => {
        const Icon = item.icon;
        // Pages added without a translation yet show their English name.
        const label = item.key ? t(`shell.nav.${item.key}`) : item.label;
        const button = item.ready ? (
          <ListItemButton
            component={NavLink}
            to={item.path}
            end
            onClick={onNavigate}
            sx={{
              borderRadius: 2,
              '&.active': { bgcolor: 'action.selected', color: 'primary.main' },
              ...FOCUS_RING,
            }}
          >
            <ListItemIcon sx={{ color: 'inherit', minWidth: 40 }}>
              {/* Files guests sent through my upload requests, not yet seen. */}
              {item.path === '/links' ? (
                <UnseenFilesBadge>
                  <Icon />
                </UnseenFilesBadge>
              ) : (
                <Icon />
              )}
            </ListItemIcon>
            <ListItemText primary={label} />
          </ListItemButton>
        ) : (
          <ListItemButton disabled sx={{ borderRadius: 2 }}>
            <ListItemIcon sx={{ minWidth: 40 }}>
              <Icon />
            </ListItemIcon>
            <ListItemText primary={label} />
          </ListItemButton>
        );
        return item.ready ? (
          <Box key={item.path}>{button}</Box>
        ) : (
          <Tooltip key={item.path} title={t('shell.comingSoon')} placement="right">
            <Box>{button}</Box>
          </Tooltip>
        );
      })}
    </List>
  );
}

export function NavDrawer({
  role,
  mobileOpen,
  onClose,
}: {
  role: Role;
  mobileOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Box component="aside" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
      <Drawer
        variant="temporary"
        open={mobileOpen}
        onClose={onClose}
        ModalProps={{ keepMounted: true }}
        slotProps={{ paper: { 'aria-label': t('shell.navigation') } }}
        sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
      >
        <Toolbar />
        <NavList role={role} onNavigate={onClose} />
      </Drawer>
      <Drawer
        variant="permanent"
        open
        sx={{
          display: { xs: 'none', md: 'block' },
          '& .MuiDrawer-paper': {
            width: DRAWER_WIDTH,
            boxSizing: 'border-box',
            borderRight: 1,
            borderColor: 'divider',
          },
        }}
      >
        <Toolbar />
        <NavList role={role} onNavigate={() => undefined} />
      </Drawer>
    </Box>
  );
}
