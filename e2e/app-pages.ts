// Every page of the web app, with the heading that says it has rendered: the accessibility,
// phone-width and locale specs walk this list, so a new page is checked by adding one line.
export interface AppPage {
  path: string;
  heading: string | RegExp;
  /** Only an admin can open it; other roles get the "not available for your role" page. */
  adminOnly?: boolean;
}

export const SIGNED_IN_PAGES: AppPage[] = [
  { path: '/', heading: 'Dashboard' },
  { path: '/files', heading: 'Files' },
  { path: '/uploads', heading: 'Uploads' },
  { path: '/links', heading: 'Shared links' },
  { path: '/connections', heading: 'S3 connections', adminOnly: true },
  { path: '/permissions', heading: 'Permissions', adminOnly: true },
  { path: '/users', heading: 'Users', adminOnly: true },
  { path: '/audit', heading: 'Audit log', adminOnly: true },
  { path: '/security', heading: 'Security', adminOnly: true },
  { path: '/profile', heading: 'Profile' },
  { path: '/change-password', heading: 'Change password' },
  { path: '/no-such-page', heading: '404' },
];

export const LOGIN_PAGE: AppPage = { path: '/login', heading: 'Sign in' };
