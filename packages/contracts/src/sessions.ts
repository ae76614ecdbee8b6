// The signed-in user's own sessions (one per sign-in on a device).
import { z } from 'zod';

export const SessionView = z
  .object({
    id: z.uuid(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    current: z.boolean().describe('The session this request belongs to'),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ items: z.array(SessionView) }).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof SessionList>;
