// Quota calls: mine (optionally for one place), and the admin's usage report, limits and
// measurement on demand.
import {
  MeasureReport,
  MyQuota,
  QuotaView,
  UsageReport,
  type MyQuotaQuery,
  type QuotaInput,
} from '@s3am/contracts';
import { api } from '../../api/client';

export async function fetchMyQuota(place?: MyQuotaQuery): Promise<MyQuota> {
  return MyQuota.parse((await api.get('/api/quotas/me', { params: place ?? {} })).data);
}

export async function fetchUsage(): Promise<UsageReport> {
  return UsageReport.parse((await api.get('/api/quotas/usage')).data);
}

export async function saveQuota(
  subject: 'user' | 'group',
  id: string,
  input: QuotaInput,
): Promise<QuotaView> {
  return QuotaView.parse((await api.put(`/api/quotas/${subject}s/${id}`, input)).data);
}

export async function measureNow(): Promise<MeasureReport> {
  return MeasureReport.parse((await api.post('/api/quotas/measure')).data);
}
