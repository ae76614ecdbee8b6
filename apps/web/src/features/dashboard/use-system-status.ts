// Loads the dashboard's data: readiness (public probe) for everyone, and the system status
// (version, user and connection counts) for admins only: the API refuses it to other roles.
import { ReadyResponse, SystemStatus } from '@s3am/contracts';
import { api } from '../../api/client';
import { useApiQuery } from '../common/use-api-query';

export interface DashboardData {
  /** null for people who are not admins. */
  status: SystemStatus | null;
  ready: ReadyResponse;
}

async function loadDashboard(isAdmin: boolean): Promise<DashboardData> {
  const [status, ready] = await Promise.all([
    isAdmin ? api.get('/api/system/status') : Promise.resolve(null),
    // 503 still carries the readiness document.
    api.get('/ready', { validateStatus: (code) => code === 200 || code === 503 }),
  ]);
  return {
    status: status ? SystemStatus.parse(status.data) : null,
    ready: ReadyResponse.parse(ready.data),
  };
}

export function useSystemStatus(isAdmin: boolean) {
  return useApiQuery(() => loadDashboard(isAdmin), [isAdmin]);
}
