// readServerSentEvents over a real streamed answer: events split across chunks, ids, comments.
import { readServerSentEvents } from './sse.js';

function streamed(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

test('yields each event with its name, id and data, whatever the chunking', async () => {
  const response = streamed([
    'retry: 2000\n\n: keepalive\n\nid: 7\nevent: migration\nda',
    'ta: {"state":"running"}\n\n',
    'data: line one\ndata: line two\n\n',
  ]);
  const events = [];
  for await (const event of readServerSentEvents(response)) events.push(event);
  expect(events).toEqual([
    { event: 'migration', id: '7', data: '{"state":"running"}' },
    { event: 'message', data: 'line one\nline two' },
  ]);
});

test('an abort ends the iteration', async () => {
  const controller = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(stream) {
      stream.enqueue(new TextEncoder().encode('data: first\n\n')); // and never closes
    },
  });
  const seen: string[] = [];
  for await (const event of readServerSentEvents(new Response(body), controller.signal)) {
    seen.push(event.data);
    controller.abort();
  }
  expect(seen).toEqual(['first']);
});
