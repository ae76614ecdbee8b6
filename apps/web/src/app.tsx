// Routes: /login is public; everything else needs a session and lives inside the app shell.
// The shell (with the upload manager and engine) and every page but sign-in load on first visit,
// so the sign-in page downloads only what it shows (bench/web-assets.ts measures it).
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './features/auth/auth-context';
import { RequireAuth } from './features/auth/require-auth';
import { FullPageSpinner } from './features/common/full-page-spinner';
import { ColorModeProvider } from './features/theme/color-mode';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';

// Loaded when it renders, i.e. once RequireAuth lets a signed-in person through: a route `lazy`
// would be fetched as soon as the path matches, so a signed-out visit to / would download the
// shell and the upload engine on its way to the sign-in page.
const AppShell = lazy(async () => ({
  default: (await import('./features/shell/app-shell')).AppShell,
}));

function LazyAppShell() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <AppShell />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    // Shown while a lazily loaded page arrives on the first load of the app.
    hydrateFallbackElement: <FullPageSpinner />,
    children: [
      {
        element: <LazyAppShell />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('./routes/dashboard-page')).DashboardPage,
            }),
          },
          {
            path: 'change-password',
            lazy: async () => ({
              Component: (await import('./routes/change-password-page')).ChangePasswordPage,
            }),
          },
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
