// Uploads started from the Files page: queued in the app's one upload manager for the open
// folder, and the listing reloaded as they finish (at most about once a second, so a folder of
// many small files does not turn into as many listings).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FileLocation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { i18n } from '../i18n/i18n';
import type { PickedFile } from '../uploads/dropped-files';
import { useUploadManager } from '../uploads/upload-manager-context';
import { folderPrefix } from '../uploads/upload-keys';
import { describeLocation } from '../uploads/upload-target';
import { folderUploadTarget } from './folder-upload-target';

const RELOAD_COALESCE_MS = 1000;

export function useFolderUploads(
  location: FileLocation,
  prefix: string,
  onFinished: () => void,
): {
  /** Where uploads go, for people: "Local storage › uploads › photos/". */
  destination: string;
  /** Never rejects: a failure to queue becomes the notice. */
  queue: (files: PickedFile[]) => Promise<void>;
  notice: string | null;
  clearNotice: () => void;
} {
  const manager = useUploadManager();
  const [notice, setNotice] = useState<string | null>(null);
  const target = folderUploadTarget(location, prefix);
  const destination = describeLocation(
    target.connectionName,
    target.bucket,
    folderPrefix(target.prefix, target.subFolder),
  );
  const finished = useRef(onFinished);
  useLayoutEffect(() => {
    finished.current = onFinished;
  });

  const queue = useCallback(
    async (files: PickedFile[]) => {
      try {
        await manager.add(files, folderUploadTarget(location, prefix));
        setNotice(
          files.length === 1
            ? i18n.t('files.messages.uploadingOne', {
                name: files[0]?.relativePath,
                destination,
              })
            : i18n.t('files.messages.uploadingMany', { count: files.length, destination }),
        );
      } catch (caught) {
        setNotice(i18n.t('files.messages.couldNotQueue', { message: problemMessage(caught) }));
      }
    },
    [manager, location, prefix, destination],
  );

  useEffect(() => {
    let seen = manager.getSnapshot().historyVersion;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let missed = false;
    // The first finish reloads at once; later ones within the window share one reload at its end.
    const reload = () => {
      missed = false;
      finished.current();
      timer = setTimeout(() => {
        timer = undefined;
        if (missed) reload();
      }, RELOAD_COALESCE_MS);
    };
    const unsubscribe = manager.subscribe(() => {
      const version = manager.getSnapshot().historyVersion;
      if (version === seen) return;
      seen = version;
      if (timer) missed = true;
      else reload();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [manager]);

  return { destination, queue, notice, clearNotice: () => setNotice(null) };
}
