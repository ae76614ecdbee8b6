// The picture at the start of a file's row: a thumbnail for images once the row scrolls into
// view (fetched and drawn by the browser, see thumbnail-loader.ts), else the file-type icon.
import { Box } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { hasThumbnail } from './file-kind';
import type { BucketRef } from './files-api';
import { FileTypeIcon } from './file-type-icon';
import { loadThumbnail } from './thumbnail-loader';

/** One box for thumbnails and icons alike, so names line up and rows keep their height. */
const SHOWN_PX = 28;

export function ObjectThumbnail({
  where,
  object,
  canRead,
}: {
  where: BucketRef;
  object: { key: string; name: string; size: number; etag: string | null };
  /** Thumbnails are the object's bytes: only for people who may read them. */
  canRead: boolean;
}) {
  const { user } = useAuth();
  const box = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  // undefined while unknown, null when the file gets its icon.
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const wanted = canRead && user !== null && hasThumbnail(object.name);

  useEffect(() => {
    const element = box.current;
    if (!wanted || !element) return;
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [wanted]);

  const { connectionId, bucket } = where;
  const userId = user?.id;
  useEffect(() => {
    if (!visible || !wanted || !userId) return;
    let current = true;
    setUrl(undefined);
    void loadThumbnail({
      userId,
      where: { connectionId, bucket },
      key: object.key,
      name: object.name,
      size: object.size,
      etag: object.etag,
    }).then((loaded) => {
      if (current) setUrl(loaded);
    });
    return () => {
      current = false;
    };
  }, [
    visible,
    wanted,
    userId,
    connectionId,
    bucket,
    object.key,
    object.name,
    object.size,
    object.etag,
  ]);

  return (
    <Box
      component="span"
      ref={box}
      data-testid="row-thumbnail"
      data-state={url ? 'loaded' : wanted && url === undefined ? 'pending' : 'icon'}
      sx={{
        width: SHOWN_PX,
        height: SHOWN_PX,
        flexShrink: 0,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {url ? (
        <Box
          component="img"
          src={url}
          alt=""
          sx={{ maxWidth: SHOWN_PX, maxHeight: SHOWN_PX, borderRadius: 0.5, objectFit: 'contain' }}
        />
      ) : (
        <FileTypeIcon name={object.name} />
      )}
    </Box>
  );
}
