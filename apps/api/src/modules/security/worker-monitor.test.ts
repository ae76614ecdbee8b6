// Audit events a `pnpm worker` process appends (a folder delete it ran, a sweep) reach the
// detectors: the worker builds its own monitor on its own database client, as worker.ts does, and
// the alert it raises is what every API instance lists.
import { AlertList } from '@s3am/contracts';
import { createPrisma } from '../../db/prisma.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  databaseUrl,
  type TestContext,
} from '../../../test/test-app.js';
import { securityMonitorFromConfig } from './monitor-from-config.js';

const GiB = 1024 ** 3;

let api: TestContext;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.close());

it("a folder delete audited by a worker's database client raises the mass-delete alert there", async () => {
  const workerDb = createPrisma(databaseUrl());
  const worker = securityMonitorFromConfig(api.config, {
    db: workerDb,
    keyring: TEST_KEYRING,
    clock: () => new Date(),
    databaseUrl: databaseUrl(),
    log: api.app.log,
  });
  try {
    await worker.monitor.ready();
    const admin = await createUser(api.db, { role: 'admin' });
    const deleter = await createUser(api.db);
    // What the folder-operation runner appends when a queued delete finishes (in the worker).
    await recordAudit(workerDb, {
      action: 'files.delete_folder',
      outcome: 'success',
      actorId: deleter.id,
      actorEmail: deleter.email,
      targetType: 'object',
      targetId: 'uploads/projects/',
      details: { operationId: 'op-1', status: 'succeeded', objects: 4200, bytes: 60 * GiB },
    });
    await worker.monitor.settled();

    const token = await accessTokenFor(api, admin);
    const response = await api.app.inject({
      url: '/api/security/alerts',
      headers: bearer(token),
    });
    const alerts = AlertList.parse(response.json()).items.filter(
      (alert) => alert.subject === deleter.id,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'mass-delete',
      severity: 'MEDIUM',
      subjectType: 'user',
    });
    expect(alerts[0]!.evidence[0]?.auditSeq).not.toBeNull();
  } finally {
    await worker.close();
    await workerDb.$disconnect();
  }
});
