// Every minute, once across all instances and workers (an exclusive queue): reads what each
// enabled log source got since its checkpoint and feeds the records to this process's detectors.
import type { FastifyBaseLogger } from 'fastify';
import type { LogSourceRun } from '@s3am/contracts';
import {
  readLogSource,
  type LogReaderDeps,
} from '../modules/security/log-sources/log-source-reader.js';
import { readLogSources } from '../modules/security/log-sources/log-sources.service.js';
import { type JobQueue } from './job-queue.js';

export const SECURITY_LOG_SOURCES_QUEUE = 'security-log-sources';

export async function runLogSources(deps: LogReaderDeps): Promise<LogSourceRun[]> {
  const runs: LogSourceRun[] = [];
  for (const source of await readLogSources(deps.db)) {
    if (source.enabled) runs.push(await readLogSource(deps, source));
  }
  return runs;
}

export async function scheduleLogSources(
  queue: JobQueue,
  deps: LogReaderDeps,
  log: FastifyBaseLogger,
): Promise<void> {
  await queue.boss.createQueue(SECURITY_LOG_SOURCES_QUEUE, { policy: 'exclusive' });
  await queue.boss.schedule(SECURITY_LOG_SOURCES_QUEUE, '* * * * *');
  await queue.boss.work(SECURITY_LOG_SOURCES_QUEUE, async ([job]) => {
    const runs = await runLogSources(deps);
    for (const run of runs) {
      if (run.error) log.warn({ logSource: run, jobId: job?.id }, 'log source could not be read');
      else if (run.objects > 0) log.info({ logSource: run, jobId: job?.id }, 'log source read');
    }
  });
}
