// Notices to a user about their own account (a sign-in from a new country, a password or 2FA
// change), shown at their next sign-in until they dismiss them.
import { z } from 'zod';

export const UserNoticeKind = z.enum([
  'new_country_sign_in',
  'password_changed',
  'two_factor_changed',
]);
export type UserNoticeKind = z.infer<typeof UserNoticeKind>;

const noticeExample = {
  id: '5d8e2b1a-6c4f-4e3d-9b2a-1f0e9d8c7b6a',
  kind: 'new_country_sign_in' as const,
  message:
    'Your account signed in from a new country (PT, 203.0.113.24) on 2026-03-02 08:00 UTC. If this was not you, change your password and contact your administrator.',
  createdAt: '2026-03-02T08:00:00.000Z',
};

export const UserNoticeView = z
  .object({
    id: z.uuid(),
    kind: UserNoticeKind,
    message: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'UserNotice', examples: [noticeExample] });
export type UserNoticeView = z.infer<typeof UserNoticeView>;

export const UserNoticeList = z
  .object({ items: z.array(UserNoticeView) })
  .meta({ id: 'UserNoticeList', examples: [{ items: [noticeExample] }] });
export type UserNoticeList = z.infer<typeof UserNoticeList>;

export const DismissNoticesRequest = z.object({ ids: z.array(z.uuid()).min(1).max(100) }).meta({
  id: 'DismissNoticesRequest',
  examples: [{ ids: ['5d8e2b1a-6c4f-4e3d-9b2a-1f0e9d8c7b6a'] }],
});
export type DismissNoticesRequest = z.infer<typeof DismissNoticesRequest>;
