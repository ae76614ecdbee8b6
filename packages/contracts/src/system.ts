// Health, readiness and the system status shown on the dashboard.
import { z } from 'zod';

export const HealthResponse = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'HealthResponse', examples: [{ status: 'ok' as const }] });
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ReadyCheck = z.object({ ok: z.boolean(), detail: z.string().optional() });

export const ReadyResponse = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: ReadyCheck, migrations: ReadyCheck }),
  })
  .meta({
    id: 'ReadyResponse',
    examples: [
      {
        status: 'ready' as const,
        checks: { database: { ok: true }, migrations: { ok: true } },
      },
      {
        status: 'not_ready' as const,
        checks: {
          database: { ok: true },
          migrations: { ok: false, detail: '1 migration not applied: 20260301_add_quotas' },
        },
      },
    ],
  });
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const SystemStatus = z
  .object({
    version: z.string(),
    uptimeSeconds: z.number(),
    database: z.object({ ok: z.boolean(), migrationsApplied: z.number().int() }),
    connections: z.object({ count: z.number().int() }),
    users: z.object({ count: z.number().int() }),
  })
  .meta({
    id: 'SystemStatus',
    examples: [
      {
        version: '1.4.0',
        uptimeSeconds: 86400,
        database: { ok: true, migrationsApplied: 42 },
        connections: { count: 3 },
        users: { count: 27 },
      },
    ],
  });
export type SystemStatus = z.infer<typeof SystemStatus>;
