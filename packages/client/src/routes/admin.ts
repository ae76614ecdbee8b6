// Administration: users, groups, grants, connections, settings, audit, system.
import {
  ApplyCorsRequest,
  ApplyCorsResult,
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
  ConnectionHelpers,
  ConnectionHelpersQuery,
  ConnectionInput,
  ConnectionList,
  ConnectionTestResult,
  ConnectionView,
  CreateUserRequest,
  EffectivePermissions,
  GrantInput,
  GrantList,
  GrantUpdate,
  GrantView,
  GroupInput,
  GroupList,
  GroupView,
  HealthResponse,
  ListGrantsQuery,
  ListUsersQuery,
  ReadyResponse,
  ResetPasswordRequest,
  SecuritySettings,
  SystemStatus,
  UpdateUserRequest,
  UserList,
  UserView,
  UserWithOneTimePassword,
} from '@s3am/contracts';
import { route } from '../route.js';

export const systemRoutes = {
  health: /* @__PURE__ */ route({ method: 'GET', path: '/health', response: HealthResponse }),
  ready: /* @__PURE__ */ route({
    method: 'GET',
    path: '/ready',
    response: ReadyResponse,
    alsoOk: [503],
  }),
  systemStatus: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/system/status',
    response: SystemStatus,
  }),
} as const;

export const userRoutes = {
  listUsers: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/users',
    query: ListUsersQuery,
    response: UserList,
  }),
  createUser: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/users',
    body: CreateUserRequest,
    response: UserWithOneTimePassword,
  }),
  getUser: /* @__PURE__ */ route({ method: 'GET', path: '/api/users/:id', response: UserView }),
  updateUser: /* @__PURE__ */ route({
    method: 'PATCH',
    path: '/api/users/:id',
    body: UpdateUserRequest,
    response: UserView,
  }),
  resetUserPassword: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    body: ResetPasswordRequest,
    response: UserWithOneTimePassword,
  }),
  deleteUser: /* @__PURE__ */ route({ method: 'DELETE', path: '/api/users/:id', response: 'none' }),
  userPermissions: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/users/:id/permissions',
    response: EffectivePermissions,
  }),
} as const;

export const permissionRoutes = {
  listGrants: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/grants',
    query: ListGrantsQuery,
    response: GrantList,
  }),
  createGrant: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/grants',
    body: GrantInput,
    response: GrantView,
  }),
  updateGrant: /* @__PURE__ */ route({
    method: 'PATCH',
    path: '/api/grants/:id',
    body: GrantUpdate,
    response: GrantView,
  }),
  deleteGrant: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/grants/:id',
    response: 'none',
  }),
  listGroups: /* @__PURE__ */ route({ method: 'GET', path: '/api/groups', response: GroupList }),
  createGroup: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/groups',
    body: GroupInput,
    response: GroupView,
  }),
  updateGroup: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/groups/:id',
    body: GroupInput,
    response: GroupView,
  }),
  deleteGroup: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/groups/:id',
    response: 'none',
  }),
} as const;

export const connectionRoutes = {
  listConnections: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/connections',
    response: ConnectionList,
  }),
  createConnection: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/connections',
    body: ConnectionInput,
    response: ConnectionView,
  }),
  getConnection: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/connections/:id',
    response: ConnectionView,
  }),
  updateConnection: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/connections/:id',
    body: ConnectionInput,
    response: ConnectionView,
  }),
  deleteConnection: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/connections/:id',
    response: 'none',
  }),
  testConnection: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/connections/:id/test',
    response: ConnectionTestResult,
  }),
  connectionHelpers: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/connections/:id/helpers',
    query: ConnectionHelpersQuery,
    response: ConnectionHelpers,
  }),
  applyConnectionCors: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/connections/:id/cors',
    body: ApplyCorsRequest,
    response: ApplyCorsResult,
  }),
  getSecuritySettings: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/settings/security',
    response: SecuritySettings,
  }),
  updateSecuritySettings: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/settings/security',
    body: SecuritySettings,
    response: SecuritySettings,
  }),
} as const;

export const auditRoutes = {
  listAudit: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/audit',
    query: AuditQuery,
    response: AuditPage,
  }),
  /** CSV or NDJSON as a stream: read `response.body`. */
  exportAudit: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/audit/export',
    query: AuditExportQuery,
    response: 'raw',
  }),
  verifyAudit: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/audit/verify',
    response: AuditVerifyResult,
  }),
} as const;
