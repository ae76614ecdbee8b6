// How an upload run looks: on a terminal, cli-progress bars (one per file being sent, one
// overall with speed and ETA) that are cleared at the end; otherwise one quiet line per file.
import cliProgress from 'cli-progress';
import { type ProgressSnapshot } from '@s3am/uploader';
import { type Output } from './output.js';
import { formatBytes } from './sizes.js';

export interface UploadView {
  fileStarted(label: string, total: number): void;
  fileProgress(label: string, snapshot: ProgressSnapshot): void;
  fileFinished(label: string, line: string): void;
  overall(snapshot: ProgressSnapshot): void;
  stop(): void;
}

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${Math.ceil(seconds % 60)}s`
    : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

function payload(snapshot: ProgressSnapshot) {
  return {
    done: formatBytes(snapshot.bytesDone),
    size: formatBytes(snapshot.bytesTotal),
    speed: `${formatBytes(Math.round(snapshot.speed))}/s`,
    // Not `eta`: cli-progress fills {eta} itself (its own estimate, bare seconds) over the payload.
    etaText: eta(snapshot.etaSeconds),
  };
}

/** Labels longer than this are cut from the left (the end of a path says most). */
const LABEL_WIDTH = 32;
const fit = (label: string) =>
  label.length <= LABEL_WIDTH ? label.padEnd(LABEL_WIDTH) : `…${label.slice(-(LABEL_WIDTH - 1))}`;

export function createUploadView(out: Output, fileCount: number): UploadView {
  if (out.json || !process.stderr.isTTY) {
    return {
      fileStarted: () => undefined,
      fileProgress: () => undefined,
      fileFinished: (_label, line) => {
        if (!out.json) out.print(line);
      },
      overall: () => undefined,
      stop: () => undefined,
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      format: `{label} {bar} {percentage}% | {done}/{size} | {speed} | ETA {etaText}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      autopadding: true,
      fps: 8,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const total = multi.create(1, 0, {
    label: out.paint.bold(fit(`total (${fileCount} file${fileCount === 1 ? '' : 's'})`)),
    ...payload({ bytesDone: 0, bytesTotal: 0, fraction: 0, speed: 0, etaSeconds: null }),
  });
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    fileStarted: (label, size) => {
      if (bars.has(label)) return;
      bars.set(
        label,
        multi.create(Math.max(1, size), 0, {
          label: fit(label),
          ...payload({ bytesDone: 0, bytesTotal: size, fraction: 0, speed: 0, etaSeconds: null }),
        }),
      );
    },
    fileProgress: (label, snapshot) => {
      bars.get(label)?.update(snapshot.bytesDone, payload(snapshot));
    },
    fileFinished: (label, line) => {
      const bar = bars.get(label);
      if (bar) {
        multi.remove(bar);
        bars.delete(label);
      }
      // Printed above the bars, so finished files scroll up and the bars stay at the bottom.
      multi.log(`${line}\n`);
    },
    overall: (snapshot) => {
      total.setTotal(Math.max(1, snapshot.bytesTotal));
      total.update(snapshot.bytesDone, payload(snapshot));
    },
    stop: () => {
      // stop() clears the bars without writing lines still waiting in multi.log's buffer: a last
      // redraw flushes them first (else the last finished file's line is lost).
      multi.update();
      multi.stop();
    },
  };
}
