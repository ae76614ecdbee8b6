// What commands print: one JSON document (or NDJSON lines) with --json, else aligned tables and
// short lines; colours only on a TTY and never with NO_COLOR or --no-color. Notes go to stderr.
import { readCliEnv } from './cli-env.js';
import type { GlobalOptions } from './session.js';

export interface Output {
  json: boolean;
  color: boolean;
  /** stdout is a terminal (progress bars, prompts). */
  tty: boolean;
  /** The result: a JSON document in --json mode, else nothing (the command prints its own). */
  result(value: unknown): void;
  /** One NDJSON line (streams: watch, tail). */
  line(value: unknown): void;
  /** Human text on stdout (skipped in --json mode). */
  print(text: string): void;
  /** Notes and warnings on stderr (kept in --json mode: stdout stays one document). */
  note(text: string): void;
  table(rows: Record<string, unknown>[], columns: string[]): void;
  paint: Paint;
}

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

function painter(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(',');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

export function createOutput(
  options: GlobalOptions,
  streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process,
): Output {
  const tty = Boolean(streams.stdout.isTTY);
  const color = tty && options.color !== false && !readCliEnv().noColor;
  const json = Boolean(options.json);
  const paint = painter(color);
  return {
    json,
    color,
    tty,
    paint,
    result: (value) => {
      if (json) streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    line: (value) => streams.stdout.write(`${JSON.stringify(value)}\n`),
    print: (text) => {
      if (!json) streams.stdout.write(`${text}\n`);
    },
    note: (text) => streams.stderr.write(`${text}\n`),
    table: (rows, columns) => {
      if (json) return;
      const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
      const widths = columns.map((column, index) =>
        Math.max(column.length, ...cells.map((row) => row[index]!.length)),
      );
      const format = (row: string[]) =>
        row
          .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!)))
          .join('  ');
      streams.stdout.write(`${paint.bold(format(columns.map((c) => c.toUpperCase())))}\n`);
      for (const row of cells) streams.stdout.write(`${format(row)}\n`);
    },
  };
}
