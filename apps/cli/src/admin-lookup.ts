// Names people type for admin objects (an email, a connection name) → ids.
import { type ApiClient } from '@s3am/client';
import { type UserView } from '@s3am/contracts';
import { notFoundError } from './exit-codes.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findUser(client: ApiClient, idOrEmail: string): Promise<UserView> {
  if (UUID.test(idOrEmail)) return client.getUser({ params: { id: idOrEmail } });
  const { items } = await client.listUsers({ query: { q: idOrEmail, pageSize: 200 } });
  const user = items.find((item) => item.email.toLowerCase() === idOrEmail.toLowerCase());
  if (!user) throw notFoundError(`No user ${idOrEmail}`);
  return user;
}

export async function findConnectionId(client: ApiClient, idOrName: string): Promise<string> {
  if (UUID.test(idOrName)) return idOrName;
  const { items } = await client.listConnections();
  const match = items.find((item) => item.name === idOrName);
  if (!match) throw notFoundError(`No connection named "${idOrName}"`);
  return match.id;
}

export async function findGroupId(client: ApiClient, idOrName: string): Promise<string> {
  if (UUID.test(idOrName)) return idOrName;
  const { items } = await client.listGroups();
  const match = items.find((item) => item.name === idOrName);
  if (!match) throw notFoundError(`No group named "${idOrName}"`);
  return match.id;
}

/** Every user, page by page. */
export async function allUsers(client: ApiClient): Promise<UserView[]> {
  const users: UserView[] = [];
  for (let page = 1; ; page++) {
    const result = await client.listUsers({ query: { page, pageSize: 200 } });
    users.push(...result.items);
    if (users.length >= result.total || result.items.length === 0) return users;
  }
}
