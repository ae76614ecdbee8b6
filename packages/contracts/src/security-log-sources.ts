// Log sources of the security monitor: buckets where S3 delivers server access logs or CloudTrail
// delivers its files, read incrementally (checkpointed) by a job and fed to the same detectors.
import { z } from 'zod';
import {
  logSourceExamples,
  logSourceRunExamples,
  logSourceRunListExamples,
  logSourcesExamples,
  logSourceStatusExamples,
  logSourceStatusListExamples,
} from './security-examples.js';

export const LogSourceKind = z.enum(['s3_access_log', 'cloudtrail']);
export type LogSourceKind = z.infer<typeof LogSourceKind>;

export const LogSource = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
    kind: LogSourceKind,
    enabled: z.boolean().default(true),
    connectionId: z.uuid().describe('Its credentials read the logs'),
    bucket: z.string().trim().min(3).max(63),
    prefix: z
      .string()
      .max(512)
      .default('')
      .describe('Where logs are delivered, e.g. `logs/` or `AWSLogs/123456789012/CloudTrail/`'),
    knownPrincipals: z
      .array(z.string().trim().min(1).max(512))
      .max(200)
      .default([])
      .describe(
        'Requesters expected in these logs (ARNs, canonical ids, or parts of them); others are ' +
          'flagged as unknown principals. Empty: the check is off for this source.',
      ),
  })
  .meta({ id: 'LogSource', examples: logSourceExamples });
export type LogSource = z.infer<typeof LogSource>;

export const LogSources = z
  .object({
    items: z
      .array(LogSource)
      .max(50)
      .refine((items) => new Set(items.map((item) => item.name)).size === items.length, {
        message: 'source names must be unique',
      }),
  })
  .meta({ id: 'LogSources', examples: logSourcesExamples });
export type LogSources = z.infer<typeof LogSources>;

export const LogSourceStatus = LogSource.extend({
  lastKey: z.string().nullable().describe('The last log object read (the checkpoint)'),
  checkpointAt: z.iso.datetime().nullable(),
}).meta({ id: 'LogSourceStatus', examples: logSourceStatusExamples });
export type LogSourceStatus = z.infer<typeof LogSourceStatus>;

export const LogSourceStatusList = z
  .object({ items: z.array(LogSourceStatus) })
  .meta({ id: 'LogSourceStatusList', examples: logSourceStatusListExamples });
export type LogSourceStatusList = z.infer<typeof LogSourceStatusList>;

export const LogSourceRun = z
  .object({
    source: z.string(),
    objects: z.number().int().describe('Log objects read in this run'),
    records: z.number().int(),
    malformed: z.number().int().describe('Lines or records that could not be parsed'),
    events: z.number().int().describe('Events handed to the detectors'),
    error: z.string().nullable(),
  })
  .meta({ id: 'LogSourceRun', examples: logSourceRunExamples });
export type LogSourceRun = z.infer<typeof LogSourceRun>;

export const LogSourceRunList = z
  .object({ items: z.array(LogSourceRun) })
  .meta({ id: 'LogSourceRunList', examples: logSourceRunListExamples });
export type LogSourceRunList = z.infer<typeof LogSourceRunList>;
