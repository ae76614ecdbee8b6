// Routes: /login is public; everything else needs a session and lives inside the app shell.
// The shell (with the upload manager and engine) and every page but sign-in load on first visit,
// so the sign-in page downloads only what it shows (bench/web-assets.ts measures it).
import { CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './features/auth/auth-context';
import { RequireAuth } from './features/auth/require-auth';
import { FullPageSpinner } from './features/common/full-page-spinner';
import { PageError } from './features/common/page-error';
import { currentLocale } from './features/i18n/i18n';
import { loadPageStrings } from './features/i18n/page-strings';
import { ColorModeProvider } from './features/theme/color-mode';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';

/** A page's module, once the pages' strings in the current language are loaded too. */
async function withPageStrings<T>(page: Promise<T>): Promise<T> {
  const [module] = await Promise.all([page, loadPageStrings(currentLocale())]);
  return module;
}

// Loaded when they render, i.e. once RequireAuth lets a signed-in person through: a route `lazy`
// is fetched as soon as its path matches, so a signed-out visit to / (the usual way in) would
// download the shell, the upload engine and the dashboard on its way to the sign-in page.
// The shell, the public link pages and the API docs bring the pages' strings along (the sign-in
// page has its own).
const AppShell = lazy(async () => ({
  default: (await withPageStrings(import('./features/shell/app-shell'))).AppShell,
}));
const DashboardPage = lazy(async () => ({
  default: (await import('./routes/dashboard-page')).DashboardPage,
}));

function LazyAppShell() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <AppShell />
    </Suspense>
  );
}

function LazyDashboardPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<CircularProgress aria-label={t('common.loadingPage')} />}>
      <DashboardPage />
    </Suspense>
  );
}

// Every top-level route shows PageError when it fails, not the router's developer page.
const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    // Public link pages: no account, no app shell (issue 24).
    {
      path: '/s/:token',
      hydrateFallbackElement: <FullPageSpinner />,
      lazy: async () => ({
        Component: (await withPageStrings(import('./features/shares/public-share-page')))
          .PublicSharePage,
      }),
    },
    {
      path: '/u/:token',
      hydrateFallbackElement: <FullPageSpinner />,
      lazy: async () => ({
        Component: (await withPageStrings(import('./features/upload-requests/guest-upload-page')))
          .GuestUploadPage,
      }),
    },
    // The API reference: public, outside the shell; "Try it out" uses the session when there is one.
    {
      path: '/docs',
      hydrateFallbackElement: <FullPageSpinner />,
      lazy: async () => ({
        Component: (await withPageStrings(import('./features/api-docs/api-docs-page'))).ApiDocsPage,
      }),
    },
    {
      element: <RequireAuth />,
      // Shown while a lazily loaded page arrives on the first load of the app.
      hydrateFallbackElement: <FullPageSpinner />,
      children: [
        {
          element: <LazyAppShell />,
          children: [
            {
              // A page that fails shows its error inside the shell: navigation stays usable.
              errorElement: <PageError />,
              children: [
                { index: true, element: <LazyDashboardPage /> },
                {
                  path: 'change-password',
                  lazy: async () => ({
                    Component: (await import('./routes/change-password-page')).ChangePasswordPage,
                  }),
                },
                {
                  path: 'profile',
                  lazy: async () => ({
                    Component: (await import('./routes/profile-page')).ProfilePage,
                  }),
                },
                {
                  path: 'users',
                  lazy: async () => ({
                    Component: (await import('./routes/users-page')).UsersPage,
                  }),
                },
                {
                  path: 'audit',
                  lazy: async () => ({
                    Component: (await import('./routes/audit-page')).AuditPage,
                  }),
                },
                {
                  path: 'connections',
                  lazy: async () => ({
                    Component: (await import('./routes/connections-page')).ConnectionsPage,
                  }),
                },
                {
                  path: 'files',
                  lazy: async () => ({
                    Component: (await import('./routes/files-page')).FilesPage,
                  }),
                },
                {
                  path: 'permissions',
                  lazy: async () => ({
                    Component: (await import('./routes/permissions-page')).PermissionsPage,
                  }),
                },
                {
                  path: 'links',
                  lazy: async () => ({
                    Component: (await import('./routes/shared-links-page')).SharedLinksPage,
                  }),
                },
                {
                  path: 'uploads',
                  lazy: async () => ({
                    Component: (await import('./routes/uploads-page')).UploadsPage,
                  }),
                },
                {
                  path: 'migrations',
                  lazy: async () => ({
                    Component: (await import('./routes/migrations-page')).MigrationsPage,
                  }),
                },
                {
                  path: 'security',
                  lazy: async () => ({
                    Component: (await import('./routes/security-page')).SecurityPage,
                  }),
                },
                {
                  path: 'migrations/new',
                  lazy: async () => ({
                    Component: (await import('./routes/new-migration-page')).NewMigrationPage,
                  }),
                },
                {
                  path: 'migrations/:id',
                  lazy: async () => ({
                    Component: (await import('./routes/migration-page')).MigrationPage,
                  }),
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ].map((route) => ({ errorElement: <PageError />, ...route })),
);

export function App() {
  return (
    <ColorModeProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ColorModeProvider>
  );
}
