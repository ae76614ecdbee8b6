// The Permissions page's API calls where they shape the answer (lists to their items, users to
// picker options, a group saved by create or update); the rest call the typed client directly.
import {
  type ConnectionView,
  type GrantView,
  type GroupInput,
  type GroupView,
} from '@s3am/contracts';
import { api } from '../../api/api-client';

/** Who can be picked as a grantee or group member. */
export interface UserOption {
  id: string;
  email: string;
}

export async function fetchGrants(): Promise<GrantView[]> {
  return (await api.listGrants()).items;
}

export async function fetchGroups(): Promise<GroupView[]> {
  return (await api.listGroups()).items;
}

/** Creates a group (id null) or renames it and sets its members. */
export function saveGroup(id: string | null, input: GroupInput): Promise<GroupView> {
  return id ? api.updateGroup({ params: { id }, body: input }) : api.createGroup({ body: input });
}

export async function searchUsers(query: string): Promise<UserOption[]> {
  const found = await api.listUsers({
    query: { q: query || undefined, pageSize: 20, sort: 'email', order: 'asc' },
  });
  return found.items.map(({ id, email }) => ({ id, email }));
}

export async function fetchConnections(): Promise<ConnectionView[]> {
  return (await api.listConnections()).items;
}
