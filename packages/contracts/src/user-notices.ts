// Notices to a user about their own account (a sign-in from a new country, a password or 2FA
// change), shown at their next sign-in until they dismiss them.
import { z } from 'zod';

export const UserNoticeKind = z.enum([
  'new_country_sign_in',
  'password_changed',
  'two_factor_changed',
]);
export type UserNoticeKind = z.infer<typeof UserNoticeKind>;

export const UserNoticeView = z
  .object({
    id: z.uuid(),
    kind: UserNoticeKind,
    message: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'UserNotice' });
export type UserNoticeView = z.infer<typeof UserNoticeView>;

export const UserNoticeList = z
  .object({ items: z.array(UserNoticeView) })
  .meta({ id: 'UserNoticeList' });
export type UserNoticeList = z.infer<typeof UserNoticeList>;

export const DismissNoticesRequest = z
  .object({ ids: z.array(z.uuid()).min(1).max(100) })
  .meta({ id: 'DismissNoticesRequest' });
export type DismissNoticesRequest = z.infer<typeof DismissNoticesRequest>;
