// Pages a role cannot use show one "not available for your role" page instead of half-loaded
// screens and 403 alerts. The roles come from the navigation list, so a page is gated the
// moment it is listed there (the API still refuses every call on its own).
import LockPersonOutlined from '@mui/icons-material/LockPersonOutlined';
import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '@s3am/contracts';
import { NAV_ITEMS } from './nav-items';

/** The roles that may open `pathname`, or undefined when every signed-in person may. */
export function rolesFor(pathname: string): Role[] | undefined {
  const item = NAV_ITEMS.find(
    (candidate) =>
      candidate.path !== '/' &&
      (pathname === candidate.path || pathname.startsWith(`${candidate.path}/`)),
  );
  return item?.roles;
}

export function NotForRolePage({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ textAlign: 'center', py: 10 }}>
      <LockPersonOutlined color="action" sx={{ fontSize: 56 }} />
      <Typography variant="h5" component="h1" gutterBottom>
        {t('shell.notForRole.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('shell.notForRole.body', { role: t(`common.roles.${role}`) })}
      </Typography>
      <Button component={Link} to="/" variant="contained">
        {t('common.backToDashboard')}
      </Button>
    </Box>
  );
}

export function RoleGate({ role, children }: { role: Role; children: ReactNode }) {
  const { pathname } = useLocation();
  const roles = rolesFor(pathname);
  if (roles && !roles.includes(role)) return <NotForRolePage role={role} />;
  return children;
}
