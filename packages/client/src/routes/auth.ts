// Sign-in, sessions, my account: password, API tokens, two-factor.
import {
  ApiTokenList,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  CurrentUser,
  DisableTotpRequest,
  DismissNoticesRequest,
  EffectivePermissions,
  LoginRequest,
  RecoveryCodesResponse,
  SessionList,
  TokenResponse,
  TotpCodeRequest,
  TotpSetupResponse,
  UserNoticeList,
} from '@s3am/contracts';
import { route } from '../route.js';

export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    body: LoginRequest,
    response: TokenResponse,
    refreshOn401: false,
  }),
  /** Send the refresh cookie (browser: automatically; Node: a Cookie header) and an Idempotency-Key. */
  refresh: route({
    method: 'POST',
    path: '/api/auth/refresh',
    response: TokenResponse,
    refreshOn401: false,
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    response: 'none',
    refreshOn401: false,
  }),
  me: route({ method: 'GET', path: '/api/me', response: CurrentUser }),
  myPermissions: route({
    method: 'GET',
    path: '/api/me/permissions',
    response: EffectivePermissions,
  }),
  changeMyPassword: route({
    method: 'POST',
    path: '/api/me/password',
    body: ChangePasswordRequest,
    response: 'none',
  }),
  myNotices: route({ method: 'GET', path: '/api/me/notices', response: UserNoticeList }),
  dismissMyNotices: route({
    method: 'POST',
    path: '/api/me/notices/dismiss',
    body: DismissNoticesRequest,
    response: 'none',
  }),
  listMySessions: route({ method: 'GET', path: '/api/me/sessions', response: SessionList }),
  endMySession: route({ method: 'DELETE', path: '/api/me/sessions/:id', response: 'none' }),
  endMyOtherSessions: route({ method: 'DELETE', path: '/api/me/sessions', response: 'none' }),
  listMyTokens: route({ method: 'GET', path: '/api/me/tokens', response: ApiTokenList }),
  createMyToken: route({
    method: 'POST',
    path: '/api/me/tokens',
    body: CreateApiTokenRequest,
    response: CreatedApiToken,
  }),
  revokeMyToken: route({ method: 'DELETE', path: '/api/me/tokens/:id', response: 'none' }),
  setUpTotp: route({ method: 'POST', path: '/api/me/2fa/setup', response: TotpSetupResponse }),
  enableTotp: route({
    method: 'POST',
    path: '/api/me/2fa/enable',
    body: TotpCodeRequest,
    response: RecoveryCodesResponse,
  }),
  regenerateRecoveryCodes: route({
    method: 'POST',
    path: '/api/me/2fa/recovery-codes',
    body: TotpCodeRequest,
    response: RecoveryCodesResponse,
  }),
  disableTotp: route({
    method: 'POST',
    path: '/api/me/2fa/disable',
    body: DisableTotpRequest,
    response: 'none',
  }),
} as const;
