// HTTP for operations reports (admins): upload stats and the files uploaded in the last N days.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  UploadStats,
  UploadStatsQuery,
  UploadedFilesPage,
  UploadedFilesQuery,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { uploadStats, uploadedFiles, type ReportsDeps } from './activity.service.js';

export function reportsRoutes(app: FastifyInstance, deps: ReportsDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['reports'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403);

  api.get(
    '/api/reports/stats',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Counts uploads started in the last `days` (1–3650, default 30) by state, completed bytes, active people, a per-day series, the top 10 uploaders and the 20 latest failures. Admins only; read-only.',
        summary: 'Upload activity over the last N days: uploads by state, bytes, people, failures',
        querystring: UploadStatsQuery,
        response: { 200: UploadStats, ...errors },
      },
    },
    (request) => uploadStats(deps, request.query),
  );
  api.get(
    '/api/reports/files',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Completed uploads of the last `days` (default 7), newest first, optionally only one person’s, in pages of up to 1000 with an opaque `nextCursor`. Admins only; 400 for a cursor this API did not hand out.',
        summary:
          'Files uploaded (completed) in the last N days, newest first, optionally by one person',
        querystring: UploadedFilesQuery,
        response: { 200: UploadedFilesPage, ...errors },
      },
    },
    (request) => uploadedFiles(deps, request.query),
  );
}
