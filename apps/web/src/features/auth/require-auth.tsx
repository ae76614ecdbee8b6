// Route guard: sends signed-out visitors to /login (remembering where they were going) and users
// with a generated password to the password change, and admins who must set up 2FA to their profile.
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpinner } from '../common/full-page-spinner';
import { useAuth } from './auth-context';

export function RequireAuth() {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'signed-out' || !user) {
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
    );
  }
  if (user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  if (!user.mustChangePassword && user.mustEnrollTotp && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace />;
  }
  return <Outlet />;
}
