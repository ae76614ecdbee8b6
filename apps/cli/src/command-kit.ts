// What every command's action shares: the global options, output, a lazily opened session, and
// one place that turns an error into a one-line message and an exit code.
import { InvalidArgumentError, type Command } from 'commander';
import { ExitCode, exitCodeFor, messageFor, usageError } from './exit-codes.js';
import { createOutput, type Output } from './output.js';
import { openSession, type GlobalOptions, type Session } from './session.js';

export interface CommandContext {
  options: GlobalOptions;
  out: Output;
  session(): Promise<Session>;
}

/** Wraps an action: `run(ctx, ...args)` may return an exit code (default 0). */
export function action<A extends unknown[]>(
  run: (ctx: CommandContext, ...args: A) => Promise<ExitCode | void>,
) {
  return async function (this: Command, ...args: unknown[]): Promise<void> {
    const options = this.optsWithGlobals<GlobalOptions>();
    const out = createOutput(options);
    let opened: Promise<Session> | undefined;
    const ctx: CommandContext = { options, out, session: () => (opened ??= openSession(options)) };
    try {
      const code = await run(ctx, ...(args as A));
      process.exitCode = code ?? ExitCode.OK;
    } catch (error) {
      reportError(out, error);
    }
  };
}

export function reportError(out: Output, error: unknown): void {
  const code = exitCodeFor(error);
  const message = messageFor(error);
  if (out.json) out.result({ error: { message, exitCode: code, ...problemFields(error) } });
  out.note(`${out.paint.red('error:')} ${message}`);
  process.exitCode = code;
}

function problemFields(error: unknown): Record<string, unknown> {
  if (typeof error === 'object' && error !== null && 'status' in error && 'code' in error) {
    const { status, code } = error;
    return { status, code };
  }
  return {};
}

/** "k=v" pairs (repeatable option) plus an optional JSON object → one record. */
export function keyValues(pairs: string[] | undefined, json: string | undefined, what: string) {
  const record: Record<string, string> = {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw usageError(`--${what}-json is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw usageError(`--${what}-json must be a JSON object of strings`);
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw usageError(`--${what}-json: "${key}" must be a string`);
      record[key] = value;
    }
  }
  for (const pair of pairs ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw usageError(`--${what} "${pair}" is not key=value`);
    record[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return Object.keys(record).length > 0 ? record : undefined;
}

/** Commander's collector for repeatable options. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A positive integer option, or a usage error. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
    return number;
  };
}

/** "Examples:" appended to a command's --help. */
export function examples(command: Command, lines: string[]): Command {
  return command.addHelpText(
    'after',
    `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`,
  );
}
