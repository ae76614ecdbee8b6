// Follows a folder move, copy or delete run by the job queue until it finishes.
import { useEffect, useState } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { api } from '../../api/api-client';

const POLL_MS = 1000;

export function useFileOperation(started: FileOperation | null) {
  const [operation, setOperation] = useState<FileOperation | null>(started);
  const [error, setError] = useState<string | null>(null);
  if (started && operation?.id !== started.id) setOperation(started);

  useEffect(() => {
    if (!started) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await api.getFileOperation({ params: { id: started.id } });
        if (stopped) return;
        setOperation(current);
        if (current.finishedAt) return;
      } catch (caught) {
        if (stopped) return;
        setError(problemMessage(caught));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [started]);

  return { operation, error, finished: Boolean(operation?.finishedAt) };
}
