// `s3am audit tail [--follow]` and `s3am audit export --from --to --format csv|ndjson` (admins).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ReadableStream as WebReadableStream } from 'node:stream/web';
import { setTimeout as delay } from 'node:timers/promises';
import { Option, type Command } from 'commander';
import { AuditExportFormat, type AuditEventView } from '@s3am/contracts';
import { action, examples, positiveInt } from '../command-kit.js';
import { CliError } from '../exit-codes.js';
import { type Output } from '../output.js';

function isoOrUndefined(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CliError(`${name}: not a date`, 2);
  return date.toISOString();
}

function show(out: Output, event: AuditEventView): void {
  if (out.json) out.line(event);
  else
    out.print(
      `${event.at}  ${event.outcome.padEnd(7)}  ${event.action.padEnd(24)}  ${event.actorEmail ?? '-'}  ${event.targetType ?? ''}${event.targetId ? `:${event.targetId}` : ''}`,
    );
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log (admins)');
  examples(
    audit
      .command('tail')
      .description('The latest events (NDJSON with --json); --follow keeps printing new ones')
      .option('-n, --limit <n>', 'how many', positiveInt('--limit'), 20)
      .option('--action <action>', "exact action or a prefix ending in '.' (e.g. auth.)")
      .option('-f, --follow', 'poll for new events until Ctrl-C')
      .option('--interval <seconds>', 'poll interval with --follow', positiveInt('--interval'), 5)
      .action(
        action(
          async (
            ctx,
            opts: { limit: number; action?: string; follow?: boolean; interval: number },
          ) => {
            const { client } = await ctx.session();
            const filter = opts.action ? { action: opts.action } : {};
            const page = await client.listAudit({ query: { ...filter, limit: opts.limit } });
            const events = [...page.items].reverse();
            for (const event of events) show(ctx.out, event);
            if (!opts.follow) return;
            let last = BigInt(events.at(-1)?.seq ?? '0');
            const stop = new AbortController();
            process.once('SIGINT', () => stop.abort());
            while (!stop.signal.aborted) {
              await delay(opts.interval * 1000, undefined, { signal: stop.signal }).catch(
                () => undefined,
              );
              if (stop.signal.aborted) break;
              const fresh = await client.listAudit({ query: { ...filter, limit: 500 } });
              const newer = fresh.items.filter((event) => BigInt(event.seq) > last).reverse();
              for (const event of newer) show(ctx.out, event);
              if (newer.length > 0) last = BigInt(newer.at(-1)!.seq);
            }
          },
        ),
      ),
    ['s3am audit tail -n 50', 's3am audit tail --action auth. --follow --json'],
  );
  examples(
    audit
      .command('export')
      .description('Export events (oldest first) to a file or stdout')
      .option('--from <date>', 'from (ISO 8601)')
      .option('--to <date>', 'to (ISO 8601)')
      .addOption(
        new Option('--format <format>', 'file format')
          .choices(AuditExportFormat.options)
          .default('ndjson'),
      )
      .option('-o, --out <file>', 'write here instead of stdout')
      .action(
        action(
          async (
            ctx,
            opts: { from?: string; to?: string; format: 'csv' | 'ndjson'; out?: string },
          ) => {
            const { client } = await ctx.session();
            const from = isoOrUndefined(opts.from, '--from');
            const to = isoOrUndefined(opts.to, '--to');
            const response = await client.exportAudit({
              query: { format: opts.format, ...(from ? { from } : {}), ...(to ? { to } : {}) },
            });
            if (!response.body) throw new CliError('The export came back empty');
            const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
            await pipeline(
              body,
              opts.out ? createWriteStream(opts.out, { mode: 0o600 }) : process.stdout,
            );
            if (opts.out) ctx.out.note(`wrote ${opts.out}`);
          },
        ),
      ),
    [
      's3am audit export --from 2026-11-01 --to 2026-12-01 --format csv -o audit-nov.csv',
      's3am audit export --format ndjson | jq -c "select(.outcome==\\"denied\\")"',
    ],
  );
}
