// One folder's contents, page by page: the first page on every change, more on "load more".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileListing } from '@s3am/contracts';
import { problemCode, problemMessage } from '../../api/client';
import { fetchListing, type BucketRef } from './files-api';

export type FolderEntry = FileListing['folders'][number];
export type ObjectEntry = FileListing['objects'][number];

export interface ListingError {
  message: string;
  denied: boolean;
}

function listingError(caught: unknown): ListingError {
  const denied = problemCode(caught) === 'GRANT_DENIED';
  return { denied, message: denied ? 'You have no access here.' : problemMessage(caught) };
}

export function useFolderListing(where: BucketRef | null, prefix: string) {
  const [folders, setFolders] = useState<FolderEntry[]>([]);
  const [objects, setObjects] = useState<ObjectEntry[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ListingError | null>(null);
  // Only the newest request may set state: a fast click through folders answers out of order.
  const latest = useRef(0);
  const connectionId = where?.connectionId;
  const bucket = where?.bucket;

  const load = useCallback(
    async (token?: string) => {
      if (!connectionId || !bucket) return;
      const request = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchListing({ connectionId, bucket }, prefix, token);
        if (request !== latest.current) return;
        setFolders((shown) => (token ? [...shown, ...page.folders] : page.folders));
        setObjects((shown) => (token ? [...shown, ...page.objects] : page.objects));
        setNextToken(page.nextContinuationToken);
      } catch (caught) {
        if (request !== latest.current) return;
        if (!token) {
          setFolders([]);
          setObjects([]);
          setNextToken(null);
        }
        setError(listingError(caught));
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [connectionId, bucket, prefix],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (nextToken) void load(nextToken);
  }, [load, nextToken]);
  const reload = useCallback(() => void load(), [load]);

  return { folders, objects, hasMore: nextToken !== null, loading, error, loadMore, reload };
}
