// Sets a user's or a group's quota: one call for the two routes the API has.
import type { QuotaInput, QuotaView } from '@s3am/contracts';
import { api } from '../../api/api-client';

export function saveQuota(
  subject: 'user' | 'group',
  id: string,
  input: QuotaInput,
): Promise<QuotaView> {
  const args = { params: { id }, body: input };
  return subject === 'user' ? api.setUserQuota(args) : api.setGroupQuota(args);
}
