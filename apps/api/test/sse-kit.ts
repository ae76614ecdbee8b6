// A Server-Sent Events viewer for tests: reads a text/event-stream over fetch (with a bearer token
// and an optional Last-Event-ID, as the web app does), keeps every event in arrival order and lets
// a test wait for one that satisfies a predicate (with a deadline, never a sleep).
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SseViewer<T> {
  /** Events received so far, oldest first. */
  events: { id: string | undefined; data: T }[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Ends the stream from the client side (like a closed tab or a dropped connection). */
  close(): void;
  /** Resolves once the response headers arrived: the status code and content type. */
  opened: Promise<{ status: number; contentType: string | null }>;
}

export function openSse<T>(
  url: string,
  token: string,
  options: { lastEventId?: string; parse?: (raw: unknown) => T } = {},
): SseViewer<T> {
  const abort = new AbortController();
  const events: SseViewer<T>['events'] = [];
  const waiters = new Set<() => void>();
  let failure: Error | null = null;
  const notify = () => {
    for (const check of [...waiters]) check();
  };
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const raw = JSON.parse(message.data) as unknown;
      events.push({ id: message.id, data: options.parse ? options.parse(raw) : (raw as T) });
      notify();
    },
  });
  const opened = fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
    },
    signal: abort.signal,
  }).then((response) => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    const pump = async () => {
      if (!reader) return;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    };
    pump().catch((error: unknown) => {
      if (!abort.signal.aborted) {
        failure = error instanceof Error ? error : new Error(String(error));
        notify();
      }
    });
    return { status: response.status, contentType: response.headers.get('content-type') };
  });
  opened.catch(() => undefined); // a test that never awaits `opened` still sees it via waitFor

  const waitFor = (match: (data: T) => boolean, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        const last = events.at(-1);
        reject(
          new Error(`no matching event within ${timeoutMs} ms; last: ${JSON.stringify(last)}`),
        );
      }, timeoutMs);
      function check() {
        if (failure) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(failure);
          return;
        }
        const found = events.find((event) => match(event.data));
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found.data);
      }
      waiters.add(check);
      check();
    });

  return { events, waitFor, close: () => abort.abort(), opened };
}
