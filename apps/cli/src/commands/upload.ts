// `s3am upload <file|dir>… --to conn:bucket/prefix`: through the upload engine (packages/uploader),
// bytes straight to S3 on presigned URLs. Progress is kept in a state file, so after Ctrl-C (which
// pauses cleanly) the same command resumes without sending finished parts again.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExistingKeyPolicy, S3_LIMITS } from '@s3am/contracts';
import {
  NodeFileSource,
  NodeHttpPartSender,
  SmallUploadBatcher,
  StateFileResumeStore,
  UploadApiError,
  UploadQueue,
  UploadTask,
} from '@s3am/uploader/node';
import {
  action,
  collect,
  examples,
  keyValues,
  positiveInt,
  type CommandContext,
} from '../command-kit.js';
import { ExitCode, usageError } from '../exit-codes.js';
import { folderPrefix } from '../listing.js';
import { formatLocation, resolveLocation } from '../locations.js';
import { formatBytes, parseSize } from '../sizes.js';
import { uploadApiFor } from '../upload-api.js';
import { filesToUpload } from '../upload-files.js';
import { createUploadView } from '../upload-progress.js';

interface UploadOptions {
  to: string;
  key?: string;
  metadata?: string[];
  metadataJson?: string;
  tags?: string[];
  tagsJson?: string;
  onExisting: ExistingKeyPolicy;
  concurrency?: number;
  files?: number;
  checksum?: boolean;
  partSize?: string;
}

interface FileResult {
  file: string;
  key: string;
  size: number;
  state: 'completed' | 'failed' | 'paused' | 'cancelled';
  resumed?: boolean;
  etag?: string | null;
  error?: string;
  status?: number;
}

async function upload(
  ctx: CommandContext,
  sources: string[],
  opts: UploadOptions,
): Promise<ExitCode> {
  const { out } = ctx;
  const metadata = keyValues(opts.metadata, opts.metadataJson, 'metadata');
  const tags = keyValues(opts.tags, opts.tagsJson, 'tags');
  const partSize = opts.partSize === undefined ? undefined : parseSize(opts.partSize);
  if (
    partSize !== undefined &&
    (partSize < S3_LIMITS.minPartSize || partSize > S3_LIMITS.maxPartSize)
  )
    throw usageError('--part-size must be between 5MiB and 5GiB (S3’s limits)');
  const files = await filesToUpload(sources);
  if (opts.key !== undefined && (files.length !== 1 || files[0]!.fromDirectory))
    throw usageError('--key names one object: give exactly one file');
  const session = await ctx.session();
  const { client } = session;
  const location = await resolveLocation(client, opts.to);
  const prefix = folderPrefix(location.path);
  const api = uploadApiFor(client, session.clock);
  const sender = new NodeHttpPartSender();
  const store = new StateFileResumeStore(path.join(session.env.configDir, 'uploads-state.json'));
  const limits = await api.limits!();
  const small = new SmallUploadBatcher({ api, maxBytes: limits.singlePutMaxBytes });
  const queue = new UploadQueue({ concurrency: opts.files ?? 2 });
  const view = createUploadView(out, files.length);
  const results = new Map<UploadTask, FileResult>();
  const resumed = new Set<UploadTask>();

  for (const file of files) {
    const key = opts.key ?? `${prefix}${file.relativeKey}`;
    const task = new UploadTask({
      api,
      sender,
      store,
      small,
      file: await NodeFileSource.open(file.path),
      destination: {
        connectionId: location.connectionId,
        bucket: location.bucket,
        key,
        onExisting: opts.onExisting,
        ...(partSize === undefined ? {} : { partSize }),
        ...(metadata ? { metadata } : {}),
        ...(tags ? { tags } : {}),
      },
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
      partChecksums: Boolean(opts.checksum),
    });
    results.set(task, { file: file.path, key, size: task.file.size, state: 'paused' });
    task.on('part', ({ fromServer }) => {
      if (fromServer) resumed.add(task);
    });
    task.on('progress', (snapshot) => view.fileProgress(key, snapshot));
    task.on('state', ({ state }) => {
      if (state === 'uploading') view.fileStarted(key, task.file.size);
      if (state === 'completed' || state === 'failed') {
        const result = results.get(task)!;
        result.state = state;
        result.key = task.upload?.key ?? key;
        result.resumed = resumed.has(task);
        if (state === 'completed') {
          result.etag = task.upload?.etag ?? null;
          const again = result.resumed ? ' (resumed)' : '';
          view.fileFinished(
            key,
            `${out.paint.green('uploaded')} ${file.path} → ${formatLocation(location, result.key)} (${formatBytes(result.size)})${again}`,
          );
        } else {
          result.error = errorText(task.error);
          if (task.error instanceof UploadApiError) result.status = task.error.status;
          view.fileFinished(key, `${out.paint.red('failed')}   ${file.path}: ${result.error}`);
        }
      }
    });
  }
  queue.on('progress', (snapshot) => view.overall(snapshot));

  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(ExitCode.INTERRUPTED);
    interrupted = true;
    out.note('\nPausing… (finished parts stay in S3; run the same command again to resume)');
    void queue.pauseAll();
  };
  process.on('SIGINT', onSigint);
  try {
    for (const task of results.keys()) queue.add(task);
    await queue.drain();
  } finally {
    process.off('SIGINT', onSigint);
    view.stop();
    sender.close();
    queue.dispose();
  }
  const list = [...results.values()];
  const count = (state: FileResult['state']) => list.filter((r) => r.state === state).length;
  out.result({
    files: list,
    completed: count('completed'),
    failed: count('failed'),
    paused: count('paused'),
  });
  if (!out.json)
    out.note(
      `${count('completed')} uploaded, ${count('failed')} failed${interrupted ? `, ${count('paused')} paused` : ''}.`,
    );
  if (interrupted) return ExitCode.INTERRUPTED;
  const failed = list.filter((r) => r.state !== 'completed');
  if (failed.length === 0) return ExitCode.OK;
  if (failed.length < list.length) return ExitCode.PARTIAL;
  if (failed.every((r) => r.status === 401)) return ExitCode.AUTH;
  if (failed.every((r) => r.status === 403 || r.status === 404))
    return ExitCode.NOT_FOUND_OR_DENIED;
  return ExitCode.ERROR;
}

function errorText(error: unknown): string {
  if (error instanceof UploadApiError) return error.detail ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

export function registerUpload(program: Command): void {
  examples(
    program
      .command('upload')
      .description('Upload files or directories (resumable; Ctrl-C pauses, run again to resume)')
      .argument('<paths...>', 'files and/or directories (a directory keeps its structure)')
      .requiredOption(
        '--to <location>',
        'destination conn:bucket/prefix (conn = connection id or name)',
      )
      .option('--key <key>', 'exact object key for a single file (instead of prefix + name)')
      .option('--metadata <k=v>', 'user metadata (repeatable)', collect)
      .option('--metadata-json <json>', 'user metadata as a JSON object')
      .option('--tags <k=v>', 'object tags (repeatable)', collect)
      .option('--tags-json <json>', 'object tags as a JSON object')
      .addOption(
        new Option('--on-existing <policy>', 'when the key exists')
          .choices(ExistingKeyPolicy.options)
          .default('reject'),
      )
      .option(
        '--concurrency <n>',
        'parts in flight per file (default 4)',
        positiveInt('--concurrency'),
      )
      .option('--files <n>', 'large files in flight at once (default 2)', positiveInt('--files'))
      .option('--checksum', 'send Content-MD5 with every part and check S3’s ETags')
      .option(
        '--part-size <size>',
        'bytes per part, e.g. 64MiB (5 MiB–5 GiB; default: the server’s)',
      )
      .action(action(upload)),
    [
      's3am upload report.pdf --to "Local storage:uploads/reports/"',
      's3am upload ./photos --to prod:media/2026/ --tags project=apollo --concurrency 8',
      's3am upload big.iso --to prod:isos/ --key isos/latest.iso --on-existing overwrite --checksum',
      's3am upload backup.tar --to prod:backups/ --part-size 256MiB --concurrency 8',
      's3am upload data.csv --to prod:bucket/in/ --metadata-json \'{"source":"etl"}\' --json',
    ],
  );
}
