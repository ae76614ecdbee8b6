// Reads a Server-Sent Events answer (the migration and alert streams) as messages, one at a time,
// with the WHATWG parsing rules from eventsource-parser (ids, multi-line data, comments, retry).
import { EventSourceParserStream } from 'eventsource-parser/stream';

export interface ServerSentEvent {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  data: string;
  id?: string;
}

/** Yields each event of `response` until the server ends the stream or `signal` aborts. */
export async function* readServerSentEvents(
  response: Response,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  if (!response.body) return;
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  // Cancelling the reader closes the connection, so an abort ends the loop promptly.
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield {
        event: value.event ?? 'message',
        data: value.data,
        ...(value.id === undefined ? {} : { id: value.id }),
      };
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await reader.cancel().catch(() => undefined);
  }
}
