// One folder's contents. Folders of up to 5,000 entries are fetched whole (page after page), so
// sorting, counting and "select all" cover the whole folder; beyond that the first 5,000 are
// shown and "load more" fetches the next ones, and the page says what sorting covers.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileListing } from '@s3am/contracts';
import { problemCode, problemMessage } from '../../api/problem';
import { i18n } from '../i18n/i18n';
import { fetchListing, type BucketRef } from './files-api';

export type FolderEntry = FileListing['folders'][number];
export type ObjectEntry = FileListing['objects'][number];

export interface ListingError {
  message: string;
  denied: boolean;
}

/** Entries fetched in one go (first load, or each "load more"). */
export const WHOLE_FOLDER_LIMIT = 5000;
/** The API's largest page. */
const PAGE_SIZE = 1000;

function listingError(caught: unknown): ListingError {
  const denied = problemCode(caught) === 'GRANT_DENIED';
  return {
    denied,
    message: denied ? i18n.t('files.messages.noAccessHere') : problemMessage(caught),
  };
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
    async (startToken?: string) => {
      if (!connectionId || !bucket) return;
      const request = ++latest.current;
      setLoading(true);
      setError(null);
      let token = startToken;
      let fetched = 0;
      try {
        do {
          const page = await fetchListing({ connectionId, bucket }, prefix, token, PAGE_SIZE);
          if (request !== latest.current) return;
          const append = token !== undefined;
          setFolders((shown) => (append ? [...shown, ...page.folders] : page.folders));
          setObjects((shown) => (append ? [...shown, ...page.objects] : page.objects));
          fetched += page.folders.length + page.objects.length;
          token = page.nextContinuationToken ?? undefined;
          setNextToken(token ?? null);
        } while (token && fetched < WHOLE_FOLDER_LIMIT);
      } catch (caught) {
        if (request !== latest.current) return;
        if (!startToken && fetched === 0) {
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

  return {
    folders,
    objects,
    /** False while entries beyond those loaded remain: sorting then covers only what is loaded. */
    complete: nextToken === null,
    hasMore: nextToken !== null,
    loading,
    error,
    loadMore,
    reload,
  };
}
