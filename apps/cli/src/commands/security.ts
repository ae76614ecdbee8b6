// `s3am security report --from --to [--out FILE] [--format json|csv]` and `s3am security watch
// --interval 60` (admins): the monitor's period report, and new or changed alerts as they come.
import { writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { Option, type Command } from 'commander';
import { securityReportCsv } from '@s3am/client';
import { SecuritySeverity, type SecurityAlertView } from '@s3am/contracts';
import { action, examples, positiveInt } from '../command-kit.js';
import { isoDate } from '../dates.js';
import { type Output } from '../output.js';

function showAlert(out: Output, alert: SecurityAlertView): void {
  if (out.json) return out.line(alert);
  const severity =
    alert.severity === 'HIGH'
      ? out.paint.red(alert.severity)
      : alert.severity === 'MEDIUM'
        ? out.paint.yellow(alert.severity)
        : alert.severity;
  out.print(
    `${alert.lastSeen}  ${severity.padEnd(out.color ? 16 : 6)}  ${alert.status.padEnd(12)}  ${alert.rule}  ${alert.subjectType}:${alert.subject}  ×${alert.count}  ${alert.summary}`,
  );
}

export function registerSecurity(program: Command): void {
  const security = program.command('security').description('The security monitor (admins)');
  examples(
    security
      .command('report')
      .description(
        'The report of a period: alerts, failed sign-ins, top IPs, blocks, large uploads',
      )
      .option('--from <date>', 'start (default: 30 days before --to)')
      .option('--to <date>', 'end (default: now)')
      .addOption(
        new Option('--format <format>', 'file format').choices(['json', 'csv']).default('json'),
      )
      .option('-o, --out <file>', 'write the report here (0600) instead of stdout')
      .action(
        action(
          async (
            ctx,
            opts: { from?: string; to?: string; format: 'json' | 'csv'; out?: string },
          ) => {
            const { client } = await ctx.session();
            const from = isoDate(opts.from, '--from');
            const to = isoDate(opts.to, '--to');
            const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
            if (opts.format === 'csv') {
              const response = await client.call(securityReportCsv, {
                query: { ...period, format: 'csv' },
              });
              const csv = await response.text();
              if (opts.out) await writeFile(opts.out, csv, { mode: 0o600 });
              else process.stdout.write(csv);
              if (opts.out) ctx.out.note(`wrote ${opts.out}`);
              return;
            }
            const report = await client.securityReport({ query: { ...period, format: 'json' } });
            const text = `${JSON.stringify(report, null, 2)}\n`;
            if (!opts.out) {
              process.stdout.write(text);
              return;
            }
            await writeFile(opts.out, text, { mode: 0o600 });
            const { out } = ctx;
            const bySeverity = report.alertsBySeverity;
            out.print(`Security report ${report.from} → ${report.to} written to ${opts.out}`);
            out.print(
              `  alerts          ${bySeverity.HIGH} high, ${bySeverity.MEDIUM} medium, ${bySeverity.LOW} low`,
            );
            out.print(`  failed sign-ins ${report.failedSignIns.total}`);
            out.print(`  blocks          ${report.blocks.length}`);
            out.result({ file: opts.out, from: report.from, to: report.to });
          },
        ),
      ),
    [
      's3am security report --from 2026-11-01 --to 2026-12-01 --out report.json',
      's3am security report --format csv > report.csv',
    ],
  );
  examples(
    security
      .command('watch')
      .description(
        'Print open alerts, then every new or changed one, until Ctrl-C (NDJSON with --json)',
      )
      .option('--interval <seconds>', 'how often to ask', positiveInt('--interval'), 60)
      .addOption(
        new Option('--severity <level>', 'only this severity').choices(SecuritySeverity.options),
      )
      .action(
        action(
          async (ctx, opts: { interval: number; severity?: SecurityAlertView['severity'] }) => {
            const { client } = await ctx.session();
            const filter = opts.severity ? { severity: opts.severity } : {};
            // An alert is news when it is new or its lastSeen/status moved since we printed it.
            const printed = new Map<string, string>();
            const stateOf = (alert: SecurityAlertView) =>
              `${alert.lastSeen}|${alert.status}|${alert.count}`;
            const stop = new AbortController();
            process.once('SIGINT', () => stop.abort());
            process.once('SIGTERM', () => stop.abort());
            let first = true;
            while (!stop.signal.aborted) {
              const { items } = await client
                .listAlerts({ query: { ...filter, limit: 500 }, signal: stop.signal })
                .catch((error: unknown) => {
                  if (stop.signal.aborted) return { items: [] };
                  throw error;
                });
              // The first round prints only what is open; later rounds anything new or changed.
              const news = items
                .filter((alert) => printed.get(alert.id) !== stateOf(alert))
                .sort((a, b) => a.lastSeen.localeCompare(b.lastSeen));
              for (const alert of news) {
                printed.set(alert.id, stateOf(alert));
                if (!first || alert.status === 'open') showAlert(ctx.out, alert);
              }
              if (first && !items.some((alert) => alert.status === 'open') && !ctx.out.json)
                ctx.out.note('No open alerts; watching…');
              first = false;
              await delay(opts.interval * 1000, undefined, { signal: stop.signal }).catch(
                () => undefined,
              );
            }
          },
        ),
      ),
    ['s3am security watch --interval 60', 's3am security watch --severity HIGH --json | jq -c .'],
  );
}
