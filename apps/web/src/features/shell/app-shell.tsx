// The frame around every signed-in page: app bar (brand, colour mode, account), drawer, content,
// and the upload tray (the queue at a glance wherever people are).
import MenuIcon from '@mui/icons-material/Menu';
import { AppBar, Box, IconButton, LinearProgress, Toolbar } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigation } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { CopyLinkDialogHost } from '../files/copy-link-dialog';
import { LocaleSwitcher } from '../i18n/locale-switcher';
import { ColorModeButton } from '../theme/color-mode-button';
import { GlobalDropZone } from '../uploads/global-drop-zone';
import { UploadManagerProvider } from '../uploads/upload-manager-context';
import { UserNotices } from '../security/user-notices';
import { Brand } from './brand';
import { NavDrawer } from './nav-drawer';
import { RoleGate } from './role-gate';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import { UploadTray } from './upload-tray';
import { useHeadingFocus } from './use-heading-focus';
import { UserMenu } from './user-menu';

export function AppShell() {
  const { user } = useAuth();
  // The upload queue lives above the pages, so uploads go on while people navigate; keyed by
  // user so nobody inherits someone else's queue after signing in on the same tab.
  return (
    <UploadManagerProvider key={user?.id ?? 'none'}>
      <ShellFrame />
      <GlobalDropZone role={user?.role ?? 'viewer'} />
      <UploadTray />
      <CopyLinkDialogHost />
    </UploadManagerProvider>
  );
}

function ShellFrame() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const [mobileOpen, setMobileOpen] = useState(false);
  // Pages that load on first visit take a moment: show it under the app bar.
  const navigating = useNavigation().state === 'loading';
  const mainRef = useRef<HTMLElement>(null);
  useHeadingFocus(mainRef);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink />
      <AppBar
        position="fixed"
        color="inherit"
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar>
          <IconButton
            edge="start"
            aria-label={t('shell.openNavigation')}
            onClick={() => setMobileOpen(true)}
            sx={{ mr: 1, display: { md: 'none' } }}
          >
            <MenuIcon />
          </IconButton>
          <Brand />
          <Box sx={{ flexGrow: 1 }} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <LocaleSwitcher />
            <ColorModeButton />
            <UserMenu />
          </Box>
        </Toolbar>
        {navigating && (
          <LinearProgress
            aria-label={t('common.loadingPage')}
            sx={{ position: 'absolute', bottom: 0, left: 0, right: 0 }}
          />
        )}
      </AppBar>
      <NavDrawer
        role={user?.role ?? 'viewer'}
        mobileOpen={mobileOpen}
        onClose={() => setMobileOpen(false)}
      />
      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        ref={mainRef}
        tabIndex={-1}
        sx={{ flexGrow: 1, p: { xs: 2, md: 4 }, minWidth: 0, '&:focus': { outline: 'none' } }}
      >
        <Toolbar />
        <UserNotices userId={user?.id} />
        <RoleGate role={user?.role ?? 'viewer'}>
          <Outlet />
        </RoleGate>
      </Box>
    </Box>
  );
}
