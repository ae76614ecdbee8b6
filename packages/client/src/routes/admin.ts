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
  health: route({ method: 'GET', path: '/health', response: HealthResponse }),
  ready: route({ method: 'GET', path: '/ready', response: ReadyResponse, alsoOk: [503] }),
  systemStatus: route({ method: 'GET', path: '/api/system/status', response: SystemStatus }),
} as const;

export const userRoutes = {
  listUsers: route({
    method: 'GET',
    path: '/api/users',
    query: ListUsersQuery,
    response: UserList,
  }),
  createUser: route({
    method: 'POST',
    path: '/api/users',
    body: CreateUserRequest,
    response: UserWithOneTimePassword,
  }),
  getUser: route({ method: 'GET', path: '/api/users/:id', response: UserView }),
  updateUser: route({
    method: 'PATCH',
    path: '/api/users/:id',
    body: UpdateUserRequest,
    response: UserView,
  }),
  resetUserPassword: route({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    body: ResetPasswordRequest,
    response: UserWithOneTimePassword,
  }),
  deleteUser: route({ method: 'DELETE', path: '/api/users/:id', response: 'none' }),
  userPermissions: route({
    method: 'GET',
    path: '/api/users/:id/permissions',
    response: EffectivePermissions,
  }),
} as const;

export const permissionRoutes = {
  listGrants: route({
    method: 'GET',
    path: '/api/grants',
    query: ListGrantsQuery,
    response: GrantList,
  }),
  createGrant: route({
    method: 'POST',
    path: '/api/grants',
    body: GrantInput,
    response: GrantView,
  }),
  updateGrant: route({
    method: 'PATCH',
    path: '/api/grants/:id',
    body: GrantUpdate,
    response: GrantView,
  }),
  deleteGrant: route({ method: 'DELETE', path: '/api/grants/:id', response: 'none' }),
  listGroups: route({ method: 'GET', path: '/api/groups', response: GroupList }),
  createGroup: route({
    method: 'POST',
    path: '/api/groups',
    body: GroupInput,
    response: GroupView,
  }),
  updateGroup: route({
    method: 'PUT',
    path: '/api/groups/:id',
    body: GroupInput,
    response: GroupView,
  }),
  deleteGroup: route({ method: 'DELETE', path: '/api/groups/:id', response: 'none' }),
} as const;

export const connectionRoutes = {
  listConnections: route({ method: 'GET', path: '/api/connections', response: ConnectionList }),
  createConnection: route({
    method: 'POST',
    path: '/api/connections',
    body: ConnectionInput,
    response: ConnectionView,
  }),
  getConnection: route({ method: 'GET', path: '/api/connections/:id', response: ConnectionView }),
  updateConnection: route({
    method: 'PUT',
    path: '/api/connections/:id',
    body: ConnectionInput,
    response: ConnectionView,
  }),
  deleteConnection: route({ method: 'DELETE', path: '/api/connections/:id', response: 'none' }),
  testConnection: route({
    method: 'POST',
    path: '/api/connections/:id/test',
    response: ConnectionTestResult,
  }),
  connectionHelpers: route({
    method: 'GET',
    path: '/api/connections/:id/helpers',
    query: ConnectionHelpersQuery,
    response: ConnectionHelpers,
  }),
  applyConnectionCors: route({
    method: 'POST',
    path: '/api/connections/:id/cors',
    body: ApplyCorsRequest,
    response: ApplyCorsResult,
  }),
  getSecuritySettings: route({
    method: 'GET',
    path: '/api/settings/security',
    response: SecuritySettings,
  }),
  updateSecuritySettings: route({
    method: 'PUT',
    path: '/api/settings/security',
    body: SecuritySettings,
    response: SecuritySettings,
  }),
} as const;

export const auditRoutes = {
  listAudit: route({ method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditPage }),
  /** CSV or NDJSON as a stream: read `response.body`. */
  exportAudit: route({
    method: 'GET',
    path: '/api/audit/export',
    query: AuditExportQuery,
    response: 'raw',
  }),
  verifyAudit: route({ method: 'POST', path: '/api/audit/verify', response: AuditVerifyResult }),
} as const;
