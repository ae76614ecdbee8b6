// Storage quotas: mine, and per user/group (admins).
import {
  MeasureReport,
  MyQuota,
  MyQuotaQuery,
  QuotaInput,
  QuotaView,
  UsageReport,
} from '@s3am/contracts';
import { route } from '../route.js';

export const quotaRoutes = {
  myQuota: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/quotas/me',
    query: MyQuotaQuery,
    response: MyQuota,
  }),
  setUserQuota: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/quotas/users/:id',
    body: QuotaInput,
    response: QuotaView,
  }),
  setGroupQuota: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/quotas/groups/:id',
    body: QuotaInput,
    response: QuotaView,
  }),
  quotaUsage: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/quotas/usage',
    response: UsageReport,
  }),
  measureQuotas: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/quotas/measure',
    response: MeasureReport,
  }),
} as const;
