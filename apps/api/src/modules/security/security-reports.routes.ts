// HTTP for the monitor's reports (admins): the security report (JSON or formula-safe CSV), the
// compliance posture, upload usage, and the upload policy that uploads enforce.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ComplianceQuery,
  ComplianceReport,
  ReportPeriodQuery,
  SecurityReport,
  SecurityReportQuery,
  UploadPolicy,
  UploadPolicyView,
  SecurityUsageReport,
} from '@s3am/contracts';
import { csvWriter } from '../../lib/csv-writer.js';
import { requirePrincipal } from '../../plugins/auth.js';
import { jsonOrCsv } from '../../openapi/json-or-csv.js';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import { complianceReport } from './compliance.service.js';
import { REPORT_COLUMNS, periodOf, reportRows, securityReport } from './security-report.service.js';
import type { SecurityRoutesOptions } from './security.routes.js';
import { readUploadPolicy, writeUploadPolicy } from './upload-policy.service.js';
import { usageReport } from './usage-report.service.js';

function actorOf(request: FastifyRequest) {
  const principal = requirePrincipal(request);
  return { ...auditContext(request), userId: principal.userId, email: principal.email };
}

export function securityReportRoutes(app: FastifyInstance, options: SecurityRoutesOptions): void {
  const { db, monitor, keyring, clock, uploadPolicy } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['security'], security: [{ bearerAuth: [] }] };

  api.get(
    '/api/security/report',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary:
          'Security report of a period: alerts, failed sign-ins, top IPs, blocks, large uploads',
        description:
          'Summarises a period for a security review: alerts by severity, failed sign-ins, top client IPs, blocks and large uploads. JSON by default; `format=csv` answers the same as formula-safe CSV. Admins only; read-only.',
        querystring: SecurityReportQuery,
        response: {
          200: jsonOrCsv(
            'The report (JSON), or with `format=csv` one row per figure (formula-safe CSV)',
            SecurityReport,
            `${REPORT_COLUMNS.join(',')}\nperiod,2026-03-01T00:00:00.000Z,2026-03-08T00:00:00.000Z,\nalerts_by_severity,HIGH,3,\nfailed_sign_ins,total,41,\ntop_ips,203.0.113.24,27,alerts=2\n`,
          ),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const rules = await monitor.rules.get();
      const report = await securityReport(
        db,
        periodOf(request.query, clock()),
        rules.builtIn.largeUpload.thresholdBytes,
      );
      if (request.query.format === 'json') return report;
      const writer = csvWriter(REPORT_COLUMNS);
      for (const row of reportRows(report)) writer.write(row);
      writer.end();
      let csv = '';
      for await (const chunk of writer) csv += String(chunk);
      const day = report.to.slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="security-report-${day}.csv"`)
        .send(csv);
    },
  );

  api.get(
    '/api/security/compliance',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Evaluates the instance’s security posture (users with 2FA, audit chain verified recently, master key rotated recently, password policy, …) as checks with pass/fail and a remedy each. Admins only; read-only.',
        summary: 'Compliance posture: each check with pass/fail and what to do',
        querystring: ComplianceQuery,
        response: { 200: ComplianceReport, ...problemResponses(400, 401, 403) },
      },
    },
    (request) =>
      complianceReport(
        { db, keyring, s3Network: monitor.senders.s3Network, clock },
        request.query.staleDays,
      ),
  );

  api.get(
    '/api/security/usage',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Upload volume of a period: per day, per user and per location, the largest files and the active users. Admins only; read-only.',
        summary:
          'Upload usage of a period: per day, user and location, largest files, active users',
        querystring: ReportPeriodQuery,
        response: { 200: SecurityUsageReport, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => usageReport(db, periodOf(request.query, clock())),
  );

  api.get(
    '/api/security/upload-policy',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The instance upload policy: largest file, allowed extensions and content types, and whether uploaders must use 2FA. Admins only.',
        summary: 'Upload policy (largest file, allowed extensions and types, required 2FA)',
        response: { 200: UploadPolicyView, ...problemResponses(401, 403) },
      },
    },
    () => readUploadPolicy(db, uploadPolicy.defaults),
  );

  api.put(
    '/api/security/upload-policy',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces the upload policy; new uploads on every instance are checked against it at once. Admins only; audited as `settings.upload_policy_change`.',
        summary: 'Set the upload policy (applies to new uploads on every instance at once)',
        body: UploadPolicy,
        response: { 200: UploadPolicyView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const view = await writeUploadPolicy(
        db,
        actorOf(request),
        request.body,
        uploadPolicy.defaults,
      );
      await uploadPolicy.live.reload();
      await monitor.bus.publish({ type: 'upload-policy' });
      return view;
    },
  );
}
