// Files dragged anywhere over the window while the Files page is open belong to its open folder:
// the drag events are taken in the capture phase at the window and stopped there, so the app-wide
// drop zone (which queues for the Uploads page's destination) never sees them.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { collectDroppedFiles, hasFiles, type PickedFile } from '../uploads/dropped-files';

export function useFolderDrop(options: {
  /** Whether a drop is accepted here; a refused drop is still kept from the rest of the app. */
  accept: boolean;
  onFiles: (files: PickedFile[]) => void;
  onRefused: () => void;
}): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  // The listeners stay put; they read the newest options through this.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.stopPropagation();
      depth.current++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.stopPropagation();
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.stopPropagation();
      // Without this the browser would open the file and leave the app.
      event.preventDefault();
      if (event.dataTransfer)
        event.dataTransfer.dropEffect = latest.current.accept ? 'copy' : 'none';
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!event.dataTransfer || !hasFiles(event.dataTransfer)) return;
      event.stopPropagation();
      event.preventDefault();
      if (!latest.current.accept) {
        latest.current.onRefused();
        return;
      }
      // Read while the event is handled: the browser empties the items once it returns.
      void collectDroppedFiles(event.dataTransfer).then((files) => {
        if (files.length > 0) latest.current.onFiles(files);
      });
    };
    const capture = { capture: true };
    window.addEventListener('dragenter', enter, capture);
    window.addEventListener('dragleave', leave, capture);
    window.addEventListener('dragover', over, capture);
    window.addEventListener('drop', drop, capture);
    return () => {
      window.removeEventListener('dragenter', enter, capture);
      window.removeEventListener('dragleave', leave, capture);
      window.removeEventListener('dragover', over, capture);
      window.removeEventListener('drop', drop, capture);
    };
  }, []);

  return { dragging };
}
