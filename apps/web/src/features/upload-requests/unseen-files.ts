// The in-app notice of files guests sent: how many I have not looked at yet. The navigation badge
// asks every minute; the Shared links page tells it to ask again after marking files seen.
import { useEffect, useState } from 'react';
import { api } from '../../api/api-client';

const CHANGED = 's3am:unseen-files-changed';
const POLL_MS = 60_000;

export function announceUnseenFilesChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function useUnseenFiles(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void api.listUploadRequests().then(
        (list) => live && setCount(list.unseenFiles),
        // A notice badge never interrupts anyone: the next poll tries again.
        () => undefined,
      );
    ask();
    const timer = setInterval(ask, POLL_MS);
    window.addEventListener(CHANGED, ask);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, ask);
    };
  }, []);
  return count;
}
