// Operations reports (admins): upload stats and the files uploaded in the last N days.
import {
  UploadStats,
  UploadStatsQuery,
  UploadedFilesPage,
  UploadedFilesQuery,
} from '@s3am/contracts';
import { route } from '../route.js';

export const reportRoutes = {
  uploadStats: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/reports/stats',
    query: UploadStatsQuery,
    response: UploadStats,
  }),
  uploadedFiles: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/reports/files',
    query: UploadedFilesQuery,
    response: UploadedFilesPage,
  }),
} as const;
