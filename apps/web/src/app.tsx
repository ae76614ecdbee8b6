// Routes: /login is public; everything else needs a session and lives inside the app shell.
// Admin and profile pages load on first visit, so the sign-in page stays light.
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './features/auth/auth-context';
import { RequireAuth } from './features/auth/require-auth';
import { FullPageSpinner } from './features/common/full-page-spinner';
import { AppShell } from './features/shell/app-shell';
import { ColorModeProvider } from './features/theme/color-mode';
import { ChangePasswordPage } from './routes/change-password-page';
import { DashboardPage } from './routes/dashboard-page';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    // Shown while a lazily loaded page arrives on the first load of the app.
    hydrateFallbackElement: <FullPageSpinner />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          {
            path: 'profile',
            lazy: async () => ({ Component: (await import('./routes/profile-page')).ProfilePage }),
          },
          {
            path: 'users',
            lazy: async () => ({ Component: (await import('./routes/users-page')).UsersPage }),
          },
          {
            path: 'audit',
            lazy: async () => ({ Component: (await import('./routes/audit-page')).AuditPage }),
          },
          {
            path: 'connections',
            lazy: async () => ({
              Component: (await import('./routes/connections-page')).ConnectionsPage,
            }),
          },
          {
            path: 'files',
            lazy: async () => ({ Component: (await import('./routes/files-page')).FilesPage }),
          },
          {
            path: 'permissions',
            lazy: async () => ({
              Component: (await import('./routes/permissions-page')).PermissionsPage,
            }),
          },
          {
            path: 'uploads',
            lazy: async () => ({ Component: (await import('./routes/uploads-page')).UploadsPage }),
          },
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
