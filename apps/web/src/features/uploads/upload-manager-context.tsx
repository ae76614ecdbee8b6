// Mounts one UploadManager above the routes, so uploads keep going while people move around the app.
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { UploadManager, type UploadsSnapshot } from './upload-manager';

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

/** The queue's state; re-renders at most a few times a second while bytes move. */
export function useUploads(): UploadsSnapshot {
  const manager = useUploadManager();
  return useSyncExternalStore(manager.subscribe, manager.getSnapshot);
}
