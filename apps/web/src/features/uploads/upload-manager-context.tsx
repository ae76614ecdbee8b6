// Mounts one UploadManager above the routes, so uploads keep going while people move around the
// app, and the hooks that read it: each subscribes to just what it shows.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  UploadManager,
  type QueueSummary,
  type UploadItem,
  type UploadsSnapshot,
} from './upload-manager';

const UploadManagerContext = createContext<UploadManager | null>(null);

export function UploadManagerProvider({ children }: { children: ReactNode }) {
  const [manager] = useState(() => new UploadManager());
  useEffect(() => manager.connect(), [manager]);
  return <UploadManagerContext value={manager}>{children}</UploadManagerContext>;
}

export function useUploadManager(): UploadManager {
  const manager = useContext(UploadManagerContext);
  if (!manager) throw new Error('useUploadManager outside UploadManagerProvider');
  return manager;
}

/** The page state (destination, notices, waiting uploads, limits): changes rarely. */
export function useUploads(): UploadsSnapshot {
  const manager = useUploadManager();
  return useSyncExternalStore(manager.subscribe, manager.getSnapshot);
}

/** Ids, counts and overall progress: a few times a second while bytes move. */
export function useUploadSummary(): QueueSummary {
  const manager = useUploadManager();
  return useSyncExternalStore(manager.subscribeSummary, manager.getSummary);
}

/** One file: re-renders only when that file changes. */
export function useUploadItem(id: string): UploadItem | undefined {
  const manager = useUploadManager();
  const subscribe = useCallback(
    (listener: () => void) => manager.subscribeItem(id, listener),
    [manager, id],
  );
  const read = useCallback(() => manager.getItem(id), [manager, id]);
  return useSyncExternalStore(subscribe, read);
}
