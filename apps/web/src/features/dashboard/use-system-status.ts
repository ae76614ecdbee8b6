// Loads the dashboard's data: readiness (public probe) for everyone, and the system status
// (version, user and connection counts) for admins only: the API refuses it to other roles.
import type { ReadyResponse, SystemStatus } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { useApiQuery } from '../common/use-api-query';

export interface DashboardData {
  /** null for people who are not admins. */
  status: SystemStatus | null;
  ready: ReadyResponse;
}

async function loadDashboard(isAdmin: boolean): Promise<DashboardData> {
  // /ready's 503 still carries the readiness document (the route spec accepts it).
  const [status, ready] = await Promise.all([
    isAdmin ? api.systemStatus() : Promise.resolve(null),
    api.ready(),
  ]);
  return { status, ready };
}

export function useSystemStatus(isAdmin: boolean) {
  return useApiQuery(() => loadDashboard(isAdmin), [isAdmin]);
}
