// Routes: /login is public; everything else needs a session and lives inside the app shell.
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './features/auth/auth-context';
import { RequireAuth } from './features/auth/require-auth';
import { AppShell } from './features/shell/app-shell';
import { ColorModeProvider } from './features/theme/color-mode';
import { ChangePasswordPage } from './routes/change-password-page';
import { DashboardPage } from './routes/dashboard-page';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';
import { AuditPage } from './routes/audit-page';
import { ProfilePage } from './routes/profile-page';
import { UsersPage } from './routes/users-page';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <ColorModeProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ColorModeProvider>
  );
}
