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
  RecoveryCodesResponse,
  SessionList,
  TotpCodeRequest,
  TotpSetupResponse,
  UserNoticeList,
} from '@s3am/contracts';
import { route } from '../route.js';
import { loginRoute, logoutRoute, refreshRoute } from './session.js';

export const authRoutes = {
  login: loginRoute,
  refresh: refreshRoute,
  logout: logoutRoute,
  me: /* @__PURE__ */ route({ method: 'GET', path: '/api/me', response: CurrentUser }),
  myPermissions: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/me/permissions',
    response: EffectivePermissions,
  }),
  changeMyPassword: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/password',
    body: ChangePasswordRequest,
    response: 'none',
  }),
  myNotices: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/me/notices',
    response: UserNoticeList,
  }),
  dismissMyNotices: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/notices/dismiss',
    body: DismissNoticesRequest,
    response: 'none',
  }),
  listMySessions: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/me/sessions',
    response: SessionList,
  }),
  endMySession: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    response: 'none',
  }),
  endMyOtherSessions: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/me/sessions',
    response: 'none',
  }),
  listMyTokens: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/me/tokens',
    response: ApiTokenList,
  }),
  createMyToken: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/tokens',
    body: CreateApiTokenRequest,
    response: CreatedApiToken,
  }),
  revokeMyToken: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/me/tokens/:id',
    response: 'none',
  }),
  setUpTotp: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/2fa/setup',
    response: TotpSetupResponse,
  }),
  enableTotp: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/2fa/enable',
    body: TotpCodeRequest,
    response: RecoveryCodesResponse,
  }),
  regenerateRecoveryCodes: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/2fa/recovery-codes',
    body: TotpCodeRequest,
    response: RecoveryCodesResponse,
  }),
  disableTotp: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/me/2fa/disable',
    body: DisableTotpRequest,
    response: 'none',
  }),
} as const;
