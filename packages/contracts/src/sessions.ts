// The signed-in user's own sessions (one per sign-in on a device).
import { z } from 'zod';

const sessionExample = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
  ip: '203.0.113.24',
  createdAt: '2026-03-02T08:00:00.000Z',
  lastSeenAt: '2026-03-02T09:15:00.000Z',
  expiresAt: '2026-03-16T08:00:00.000Z',
  current: true,
};

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
  .meta({ id: 'Session', examples: [sessionExample] });
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z
  .object({ items: z.array(SessionView) })
  .meta({ id: 'SessionList', examples: [{ items: [sessionExample] }] });
export type SessionList = z.infer<typeof SessionList>;
