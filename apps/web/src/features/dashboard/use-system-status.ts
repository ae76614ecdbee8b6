// Loads the dashboard's data: system status (signed in) and readiness (public probe).
import { ReadyResponse, SystemStatus } from '@s3am/contracts';
import { api } from '../../api/client';
import { useApiQuery } from '../common/use-api-query';

export interface DashboardData {
  status: SystemStatus;
  ready: ReadyResponse;
}

async function loadDashboard(): Promise<DashboardData> {
  const [status, ready] = await Promise.all([
    api.get('/api/system/status'),
    // 503 still carries the readiness document.
    api.get('/ready', { validateStatus: (code) => code === 200 || code === 503 }),
  ]);
  return { status: SystemStatus.parse(status.data), ready: ReadyResponse.parse(ready.data) };
}

export function useSystemStatus() {
  return useApiQuery(loadDashboard, []);
}
