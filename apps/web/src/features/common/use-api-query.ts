// Loads one API resource for a component: data, error message, loading flag and reload().
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemMessage } from '../../api/problem';

export function useApiQuery<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const stableLoad = useCallback(load, deps);
  // Only the newest request may set state: answers to older inputs (fast typing) arrive late.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const result = await stableLoad();
      if (request === latest.current) setData(result);
    } catch (caught) {
      if (request === latest.current) setError(problemMessage(caught));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [stableLoad]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
