// Service worker for ZIP downloads assembled in the browser: the page hands over a stream of the
// zip it is building, and the worker answers one download request with it, so the browser writes
// it to disk as it comes (no whole file in memory). Scope: /zip-download/ only.
/* global self */
const pending = new Map();

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const { id, name, stream } = event.data ?? {};
  if (typeof id !== 'string' || !(stream instanceof ReadableStream)) return;
  pending.set(id, { name, stream });
  event.ports[0]?.postMessage('ready');
});

self.addEventListener('fetch', (event) => {
  const match = new URL(event.request.url).pathname.match(/^\/zip-download\/([A-Za-z0-9-]+)$/);
  const entry = match && pending.get(match[1]);
  if (!entry) return;
  pending.delete(match[1]);
  const ascii = entry.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  event.respondWith(
    new Response(entry.stream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
      },
    }),
  );
});
