// The process whose memory bench/upload-memory.ts measures: it loads the engine and calls the API
// like an upload would, then uploads BENCH_FILE (unless it is empty: the baseline) with 4 parts
// in flight, and prints its own peak RSS (process.resourceUsage().maxRSS) as JSON.
import {
  FetchPartSender,
  NodeFileSource,
  NodeHttpPartSender,
  UploadTask,
  createFetchUploadApi,
} from '@s3am/uploader/node';

const { BENCH_APP, BENCH_TOKEN, BENCH_CONNECTION, BENCH_FILE, BENCH_CONCURRENCY, BENCH_SENDER } =
  process.env;
const api = createFetchUploadApi({
  baseUrl: BENCH_APP!,
  getAuthHeaders: () => ({ authorization: `Bearer ${BENCH_TOKEN}` }),
});
// The same API traffic as an upload's first call, so the baseline has loaded what it loads.
const limits = await api.limits!();
let seconds = 0;
let partSize = 0;
if (BENCH_FILE) {
  // BENCH_SENDER=fetch: the fetch sender, which copies each part's body (for comparison).
  const http = BENCH_SENDER === 'fetch' ? null : new NodeHttpPartSender();
  const sender = http ?? new FetchPartSender();
  const task = new UploadTask({
    api,
    sender,
    file: await NodeFileSource.open(BENCH_FILE),
    destination: {
      connectionId: BENCH_CONNECTION!,
      bucket: 'uploads',
      key: `bench/memory-${Date.now()}.bin`,
    },
    concurrency: Number(BENCH_CONCURRENCY ?? 4),
  });
  const started = performance.now();
  const outcome = await task.start();
  seconds = (performance.now() - started) / 1000;
  http?.close();
  if (outcome.state !== 'completed') throw new Error(`upload ${outcome.state}`);
  partSize = outcome.upload.partSize;
}
process.stdout.write(
  `${JSON.stringify({
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds,
    partSize,
    singlePutMaxBytes: limits.singlePutMaxBytes,
  })}\n`,
);
