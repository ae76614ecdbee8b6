// Health, readiness and the system status shown on the dashboard.
import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ReadyCheck = z.object({ ok: z.boolean(), detail: z.string().optional() });

export const ReadyResponse = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: ReadyCheck, migrations: ReadyCheck }),
  })
  .meta({ id: 'ReadyResponse' });
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const SystemStatus = z
  .object({
    version: z.string(),
    uptimeSeconds: z.number(),
    database: z.object({ ok: z.boolean(), migrationsApplied: z.number().int() }),
    connections: z.object({ count: z.number().int() }),
    users: z.object({ count: z.number().int() }),
  })
  .meta({ id: 'SystemStatus' });
export type SystemStatus = z.infer<typeof SystemStatus>;
