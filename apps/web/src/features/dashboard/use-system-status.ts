// Loads the dashboard's data: system status (signed in) and readiness (public probe).
import { useCallback, useEffect, useState } from 'react';
import { ReadyResponse, SystemStatus } from '@s3am/contracts';
import { api, problemMessage } from '../../api/client';

export interface DashboardData {
  status: SystemStatus;
  ready: ReadyResponse;
}

export function useSystemStatus() {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [status, ready] = await Promise.all([
        api.get('/api/system/status'),
        // 503 still carries the readiness document.
        api.get('/ready', { validateStatus: (code) => code === 200 || code === 503 }),
      ]);
      setData({ status: SystemStatus.parse(status.data), ready: ReadyResponse.parse(ready.data) });
    } catch (caught) {
      setError(problemMessage(caught));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, reload: load };
}
