// Every API route the client can call, by function name. A test checks this against openapi.json.
import {
  auditRoutes,
  connectionRoutes,
  permissionRoutes,
  systemRoutes,
  userRoutes,
} from './admin.js';
import { authRoutes } from './auth.js';
import { fileOperationRoutes } from './file-operations.js';
import { fileRoutes, uploadRoutes, uppyRoutes } from './files.js';
import { migrationRoutes } from './migrations.js';
import { quotaRoutes } from './quotas.js';
import { reportRoutes } from './reports.js';
import { securityRoutes } from './security.js';
import { shareRoutes, uploadRequestRoutes } from './sharing.js';

// Built in a call marked pure, like every route() call: a spread could run getters, so bundlers
// would otherwise keep the whole catalog (every contract) in a bundle that only needs ApiError.
export const apiRoutes = /* @__PURE__ */ (() => ({
  ...systemRoutes,
  ...authRoutes,
  ...userRoutes,
  ...permissionRoutes,
  ...connectionRoutes,
  ...auditRoutes,
  ...fileRoutes,
  ...fileOperationRoutes,
  ...uploadRoutes,
  ...uppyRoutes,
  ...shareRoutes,
  ...uploadRequestRoutes,
  ...quotaRoutes,
  ...reportRoutes,
  ...migrationRoutes,
  ...securityRoutes,
}))();

export type ApiRoutes = typeof apiRoutes;
