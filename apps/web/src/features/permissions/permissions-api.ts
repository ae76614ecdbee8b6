// The Permissions page's API calls (grants, groups, users, effective permissions), parsed by contracts.
import {
  ConnectionList,
  EffectivePermissions,
  GrantList,
  GrantView,
  GroupList,
  GroupView,
  UserList,
  type ConnectionView,
  type GrantInput,
  type GrantUpdate,
  type GroupInput,
} from '@s3am/contracts';
import { api } from '../../api/client';

/** Who can be picked as a grantee or group member. */
export interface UserOption {
  id: string;
  email: string;
}

export async function fetchGrants(): Promise<GrantView[]> {
  return GrantList.parse((await api.get('/api/grants')).data).items;
}

export async function createGrant(input: GrantInput): Promise<GrantView> {
  return GrantView.parse((await api.post('/api/grants', input)).data);
}

export async function updateGrant(id: string, change: GrantUpdate): Promise<GrantView> {
  return GrantView.parse((await api.patch(`/api/grants/${id}`, change)).data);
}

export async function deleteGrant(id: string): Promise<void> {
  await api.delete(`/api/grants/${id}`);
}

export async function fetchGroups(): Promise<GroupView[]> {
  return GroupList.parse((await api.get('/api/groups')).data).items;
}

/** Creates a group (id null) or renames it and sets its members. */
export async function saveGroup(id: string | null, input: GroupInput): Promise<GroupView> {
  const response = id
    ? await api.put(`/api/groups/${id}`, input)
    : await api.post('/api/groups', input);
  return GroupView.parse(response.data);
}

export async function deleteGroup(id: string): Promise<void> {
  await api.delete(`/api/groups/${id}`);
}

export async function searchUsers(query: string): Promise<UserOption[]> {
  const params = { q: query || undefined, pageSize: 20, sort: 'email', order: 'asc' };
  return UserList.parse((await api.get('/api/users', { params })).data).items.map(
    ({ id, email }) => ({ id, email }),
  );
}

export async function fetchConnections(): Promise<ConnectionView[]> {
  return ConnectionList.parse((await api.get('/api/connections')).data).items;
}

export async function fetchEffectivePermissions(userId: string) {
  return EffectivePermissions.parse((await api.get(`/api/users/${userId}/permissions`)).data);
}
