// Every API route the client can call, by function name. A test checks this against openapi.json.
import { auditRoutes, connectionRoutes, permissionRoutes, systemRoutes, userRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { fileRoutes, uploadRoutes, uppyRoutes } from './files.js';

export const apiRoutes = {
  ...systemRoutes,
  ...authRoutes,
  ...userRoutes,
  ...permissionRoutes,
  ...connectionRoutes,
  ...auditRoutes,
  ...fileRoutes,
  ...uploadRoutes,
  ...uppyRoutes,
} as const;

export type ApiRoutes = typeof apiRoutes;
