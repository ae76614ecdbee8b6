// The session's three routes, in a module of their own: the web sign-in page calls them without
// the rest of the catalog (a bundler keeps or drops a whole module).
import { LoginRequest, TokenResponse } from '@s3am/contracts';
import { route } from '../route.js';

export const loginRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/api/auth/login',
  body: LoginRequest,
  response: TokenResponse,
  refreshOn401: false,
});
/** Send the refresh cookie (browser: automatically; Node: a Cookie header) and an Idempotency-Key. */
export const refreshRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/api/auth/refresh',
  response: TokenResponse,
  refreshOn401: false,
});
export const logoutRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/api/auth/logout',
  response: 'none',
  refreshOn401: false,
});
