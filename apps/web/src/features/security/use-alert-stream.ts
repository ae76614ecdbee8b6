// Alerts for the Security page: the list from GET /api/security/alerts, kept current by the live
// stream (GET /api/security/alerts/stream). EventSource cannot send a bearer token, so the stream
// is read with fetch (@microsoft/fetch-event-source) like the Migrations page: the token is read
// fresh at every (re)connection and a 401 refreshes the session once. Each `alert` event carries
// the whole alert, so it replaces (or adds) the row with its id; the list is reloaded each
// time the stream opens because events sent before it was open are not replayed.
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SecurityAlertView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { getAccessToken, recoverFromUnauthorized } from '../../api/session';
import { i18n } from '../i18n/i18n';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface AlertFeed {
  alerts: SecurityAlertView[];
  loading: boolean;
  error: string | null;
  connection: StreamState;
  /** Puts an alert the page changed itself (ack/resolve answer) in place at once. */
  upsert: (alert: SecurityAlertView) => void;
  reload: () => Promise<void>;
}

class StreamRefused extends Error {}

function byLastSeen(a: SecurityAlertView, b: SecurityAlertView): number {
  return b.lastSeen.localeCompare(a.lastSeen);
}

export function useAlertFeed(): AlertFeed {
  const [alerts, setAlerts] = useState<SecurityAlertView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<StreamState>('connecting');
  const reloadRef = useRef<() => Promise<void>>(async () => undefined);
  // When each alert last came from the stream (or an ack/resolve answer): a list that was
  // requested before that must not put the older copy back.
  const changedAt = useRef(new Map<string, number>());

  const upsert = useCallback((alert: SecurityAlertView) => {
    changedAt.current.set(alert.id, performance.now());
    setAlerts((current) =>
      [alert, ...current.filter((item) => item.id !== alert.id)].sort(byLastSeen),
    );
  }, []);

  // Every status (the page filters): an acknowledged alert stays visible under its filter.
  const reload = useCallback(async () => {
    setLoading(true);
    const asked = performance.now();
    try {
      const listed = (await api.listAlerts({ query: { limit: 500 } })).items;
      setAlerts((current) => {
        const newer = current.filter((alert) => (changedAt.current.get(alert.id) ?? 0) > asked);
        const ids = new Set(newer.map((alert) => alert.id));
        return [...newer, ...listed.filter((alert) => !ids.has(alert.id))].sort(byLastSeen);
      });
      setError(null);
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setLoading(false);
    }
  }, []);
  reloadRef.current = reload;

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const abort = new AbortController();
    let sentToken: string | null = null;
    void fetchEventSource('/api/security/alerts/stream', {
      signal: abort.signal,
      openWhenHidden: true,
      credentials: 'same-origin',
      fetch: (input, init) => {
        sentToken = getAccessToken();
        const headers = new Headers(init?.headers);
        if (sentToken) headers.set('authorization', `Bearer ${sentToken}`);
        return window.fetch(input, { ...init, headers });
      },
      onopen: async (response) => {
        if (response.ok && response.headers.get('content-type')?.startsWith('text/event-stream')) {
          setConnection('live');
          // Alerts raised before the stream was open (while the first list loaded, or while it
          // was down) were not sent on it: catch up once it is.
          void reloadRef.current();
          return;
        }
        if (response.status === 401 && (await recoverFromUnauthorized(sentToken)))
          throw new Error('signed in again; reconnecting');
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new StreamRefused(
          problem?.detail ?? i18n.t('common.serverAnswered', { status: response.status }),
        );
      },
      onmessage: (message) => {
        if (message.event !== 'alert') return;
        const parsed = SecurityAlertView.safeParse(JSON.parse(message.data));
        if (parsed.success) upsert(parsed.data);
      },
      onclose: () => {
        throw new Error('stream closed by the server');
      },
      onerror: (caught: unknown) => {
        if (caught instanceof StreamRefused) {
          setConnection('closed');
          setError(caught.message);
          throw caught; // a 403 does not get better by retrying
        }
        setConnection('reconnecting');
        return 2000;
      },
    }).catch(() => undefined);
    return () => abort.abort();
  }, [upsert]);

  return { alerts, loading, error, connection, upsert, reload };
}
