// Quota calls: mine (optionally for one place), and the admin's usage report, limits (one call
// for a user's or a group's) and measurement on demand.
import type {
  MeasureReport,
  MyQuota,
  MyQuotaQuery,
  QuotaInput,
  QuotaView,
  UsageReport,
} from '@s3am/contracts';
import { api } from '../../api/api-client';

export function fetchMyQuota(place?: MyQuotaQuery): Promise<MyQuota> {
  return api.myQuota({ query: place ?? {} });
}

export function fetchUsage(): Promise<UsageReport> {
  return api.quotaUsage();
}

export function saveQuota(
  subject: 'user' | 'group',
  id: string,
  input: QuotaInput,
): Promise<QuotaView> {
  const args = { params: { id }, body: input };
  return subject === 'user' ? api.setUserQuota(args) : api.setGroupQuota(args);
}

export function measureNow(): Promise<MeasureReport> {
  return api.measureQuotas();
}
