// Loads one API resource for a component: data, error message, loading flag and reload().
import { useCallback, useEffect, useState } from 'react';
import { problemMessage } from '../../api/client';

export function useApiQuery<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const stableLoad = useCallback(load, deps);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await stableLoad());
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setLoading(false);
    }
  }, [stableLoad]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
