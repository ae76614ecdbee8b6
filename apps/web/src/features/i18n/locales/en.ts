// English, the source language: the pages' strings here, the sign-in page's in en-core.ts. Every
// other locale must have exactly these keys (checked by the types of de.ts and de-core.ts), so a
// missing German string is a compile error, not a blank on screen.
import type { enCore } from './en-core';
import { filesEn } from './en-files';
import { uploadsEn } from './en-uploads';
import { connectionsEn } from './en-connections';
import { permissionsEn } from './en-permissions';
import { auditEn } from './en-audit';
import { securityEn } from './en-security';
import { passwordEn, trayEn } from './en-account';
import { quotasEn } from './en-quotas';
import { accountEn } from './en-profile';
import { sharesEn } from './en-shares';
import { requestsEn } from './en-requests';
import { migrationsEn } from './en-migrations';

/** The pages' strings, loaded with the app shell (page-strings.ts). */
export const enPages = {
  dashboard: {
    title: 'Dashboard',
    signedInAs: 'Signed in as',
    refresh: 'Refresh',
    loadFailed: 'Could not load the system status.',
    ok: 'OK',
    problem: 'Problem',
    system: 'System',
    ready: 'Ready',
    notReady: 'Not ready',
    versionUptime: 'Version {{version}} · up {{uptime}}',
    database: 'Database',
    connected: 'Connected',
    unreachable: 'Unreachable',
    migrationsPending: 'Migrations pending',
    migrationsApplied_one: '{{count}} migration applied',
    migrationsApplied_other: '{{count}} migrations applied',
    migrationsUpToDate: 'Migrations up to date',
    connections: 'S3 connections',
    connectionsRegistered_one: 'connection registered',
    connectionsRegistered_other: 'connections registered',
    users: 'Users',
    accounts_one: 'account',
    accounts_other: 'accounts',
    whereUpload: 'Where you can upload',
    whereRead: 'Where you can read',
    nothingGranted: 'Nothing granted yet. Ask an admin for access to a bucket or folder.',
    yourLocations: 'Your locations',
    // Not 'Browse files' / 'Open Uploads': link names must not contain the navigation's names.
    browseFiles: 'Open the file browser',
    quickUpload: 'Quick upload',
    uploadTo: 'Upload to',
    chooseFiles: 'Choose files',
    openUploads: 'See the upload queue',
    filesToUpload: 'Files to upload',
    progressHint: 'Progress shows in the tray at the bottom of the screen and on the Uploads page.',
    recentUploads: 'Recent uploads',
    noUploads: 'No uploads yet.',
  },
  users: {
    title: 'Users',
    search: 'Search by email',
    newUser: 'New user',
    requireTotp: 'Require 2FA for admins',
    requireTotpHelp:
      'Admins without two-factor authentication must set it up before they can do anything else.',
    grid: 'Users',
    columns: {
      email: 'Email',
      role: 'Role',
      status: 'Status',
      twoFactor: '2FA',
      lastSignIn: 'Last sign-in',
      created: 'Created',
    },
    disabled: 'Disabled',
    active: 'Active',
    on: 'On',
    off: 'Off',
    create: {
      created: 'User created',
      title: 'New user',
      oneTimeInfo:
        'Give {{email}} this one-time password over a safe channel. It is shown only now; they choose their own at first sign-in.',
      oneTimePassword: 'One-time password',
      email: 'Email',
      role: 'Role',
      roleHelp:
        'Admins manage everything; uploaders upload and read where granted; viewers only list and read.',
      initialPassword: 'Initial password (optional)',
      initialPasswordHelp: 'Leave empty to generate a one-time password.',
      submit: 'Create user',
    },
    detail: {
      role: 'Role',
      disabledLabel: 'Disabled: cannot sign in',
      enabledLabel: 'Enabled',
      summary: 'Two-factor: {{twoFactor}} · last sign-in: {{lastSignIn}} · created {{created}}',
      newOneTimePassword: 'New one-time password',
      resetPassword: 'Reset password',
      confirmDelete: 'Delete {{email}}? Their audit history is kept.',
      keep: 'Keep',
      delete: 'Delete',
      deleteUser: 'Delete user…',
    },
  },
  sharedLinks: { title: 'Shared links' },
  apiDocs: {
    title: 'S3 Access Manager API',
    session: 'Requests use your session ({{email}}).',
    signedOut: 'Not signed in: sign in to try requests, or use Authorize with an API token.',
    backToApp: 'Back to the app',
    signIn: 'Sign in',
    reference: 'API reference',
  },
  profile: {
    title: 'Profile',
    password: 'Password',
    changePassword: 'Change password',
  },
  files: filesEn,
  uploads: uploadsEn,
  connections: connectionsEn,
  permissions: permissionsEn,
  audit: auditEn,
  security: securityEn,
  password: passwordEn,
  tray: trayEn,
  account: accountEn,
  quotas: quotasEn,
  shares: sharesEn,
  requests: requestsEn,
  migrations: migrationsEn,
};

/** Every English string: the keys t() accepts (i18next.d.ts). */
export type English = typeof enCore & typeof enPages;

/** The shape every locale's dictionary has (the same keys, any strings). */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type CoreDictionary = Strings<typeof enCore>;
export type PagesDictionary = Strings<typeof enPages>;
export type Dictionary = CoreDictionary & PagesDictionary;
