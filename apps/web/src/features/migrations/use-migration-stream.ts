// A job's live state from GET /api/migrations/:id/events. EventSource cannot send a bearer token,
// so the stream is read with fetch (@microsoft/fetch-event-source): the token is read fresh for
// every (re)connection, a 401 refreshes the session once, and a reconnect sends Last-Event-ID so
// the server sends the current state plus only the log lines this page has not seen. Renders are
// coalesced (at most one per RENDER_EVERY_MS) and the log is windowed to its last LOG_WINDOW lines.
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useEffect, useRef, useState } from 'react';
import { MigrationStreamEvent, type MigrationLogLine, type MigrationView } from '@s3am/contracts';
import { getAccessToken, recoverFromUnauthorized } from '../../api/session';
import { i18n } from '../i18n/i18n';

export const LOG_WINDOW = 1000;
const RENDER_EVERY_MS = 250;

export interface MigrationLive {
  migration: MigrationView | null;
  speedBytesPerSecond: number;
  etaSeconds: number | null;
  log: MigrationLogLine[];
  /** Lines that fell out of the window since the page opened. */
  droppedLines: number;
  /** 'live' while the stream is open; 'reconnecting' after it dropped (the state may be stale). */
  connection: 'connecting' | 'live' | 'reconnecting' | 'closed';
  error: string | null;
  /** How many events arrived (for tests and the "live" hint). */
  events: number;
}

const EMPTY: MigrationLive = {
  migration: null,
  speedBytesPerSecond: 0,
  etaSeconds: null,
  log: [],
  droppedLines: 0,
  connection: 'connecting',
  error: null,
  events: 0,
};

class StreamRefused extends Error {}

export function useMigrationStream(id: string): MigrationLive {
  const [live, setLive] = useState<MigrationLive>(EMPTY);
  // The newest state, folded into one render per RENDER_EVERY_MS however many events arrive.
  const pending = useRef<MigrationLive>(EMPTY);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRender = useRef(0);

  useEffect(() => {
    pending.current = EMPTY;
    setLive(EMPTY);
    const abort = new AbortController();
    const flush = () => {
      timer.current = undefined;
      lastRender.current = Date.now();
      setLive(pending.current);
    };
    const update = (change: (current: MigrationLive) => MigrationLive, now = false) => {
      pending.current = change(pending.current);
      if (now) {
        clearTimeout(timer.current);
        flush();
        return;
      }
      if (timer.current !== undefined) return;
      const wait = Math.max(0, lastRender.current + RENDER_EVERY_MS - Date.now());
      timer.current = setTimeout(flush, wait);
    };
    let sentToken: string | null = null;

    void fetchEventSource(`/api/migrations/${id}/events`, {
      signal: abort.signal,
      openWhenHidden: true, // a background tab still follows its job (one light stream)
      credentials: 'same-origin',
      // The token is read at each (re)connection: it may have been refreshed since the last one.
      fetch: (input, init) => {
        sentToken = getAccessToken();
        const headers = new Headers(init?.headers);
        if (sentToken) headers.set('authorization', `Bearer ${sentToken}`);
        return window.fetch(input, { ...init, headers });
      },
      onopen: async (response) => {
        if (response.ok && response.headers.get('content-type')?.startsWith('text/event-stream')) {
          update((current) => ({ ...current, connection: 'live', error: null }), true);
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
        if (message.event !== 'migration') return;
        const parsed = MigrationStreamEvent.safeParse(JSON.parse(message.data));
        if (!parsed.success) return;
        const event = parsed.data;
        update((current) => {
          const log = [...current.log, ...event.log];
          const overflow = Math.max(0, log.length - LOG_WINDOW);
          return {
            ...current,
            migration: event.migration,
            speedBytesPerSecond: event.speedBytesPerSecond,
            etaSeconds: event.etaSeconds,
            log: overflow > 0 ? log.slice(overflow) : log,
            droppedLines: current.droppedLines + overflow,
            events: current.events + 1,
          };
        });
      },
      onclose: () => {
        // The server went away (restart, deploy): reconnect; Last-Event-ID resumes the log.
        throw new Error('stream closed by the server');
      },
      onerror: (error: unknown) => {
        if (error instanceof StreamRefused) {
          update((current) => ({ ...current, connection: 'closed', error: error.message }), true);
          throw error; // a 403/404 does not get better by retrying
        }
        update((current) => ({ ...current, connection: 'reconnecting' }), true);
        return 2000;
      },
    }).catch(() => undefined);

    return () => {
      abort.abort();
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [id]);

  return live;
}
