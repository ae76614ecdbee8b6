// Webhook URLs go through the endpoint (SSRF) policy: refused when saved if they resolve to the
// metadata service, link-local, or (unless allowed) loopback/private addresses, and refused again
// when a delivery opens its socket (a saved URL may resolve elsewhere later).
import { NotificationChannelsView, NotificationDeliveryList, ProblemSchema } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
} from '../../../test/test-app.js';
import { eventually, startRecorder } from '../../../test/security-kit.js';

let strict: TestContext;
let token: string;
beforeAll(async () => {
  // What production does by default: no loopback, no private networks.
  strict = await createTestApp({
    env: { ENDPOINT_ALLOW_LOOPBACK: 'false', ENDPOINT_ALLOW_PRIVATE: 'false' },
  });
  token = await accessTokenFor(strict, await createUser(strict.db, { role: 'admin' }));
});
afterAll(() => strict.close());

function putWebhook(ctx: TestContext, adminToken: string, url: string) {
  return ctx.app.inject({
    method: 'PUT',
    url: '/api/security/notifications',
    headers: bearer(adminToken),
    payload: { webhook: { url, severities: ['MEDIUM'] }, email: null, sns: null },
  });
}

it.each([
  ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/', 'link local'],
  ['a loopback address', 'http://127.0.0.1:9/hook', 'loopback'],
  ['a name that resolves to loopback', 'http://localhost:9/hook', 'loopback'],
  ['a private network', 'http://10.1.2.3/hook', 'private'],
  ['an IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:9/hook', 'loopback'],
])('refuses to save a webhook pointing at %s', async (_name, url, reason) => {
  const response = await putWebhook(strict, token, url);
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = ProblemSchema.parse(response.json());
  expect(problem.code).toBe('ENDPOINT_REFUSED');
  expect(problem.detail).toContain(reason);
  const saved = await strict.app.inject({
    url: '/api/security/notifications',
    headers: bearer(token),
  });
  expect(NotificationChannelsView.parse(saved.json()).webhook).toBeNull();
});

it('a public webhook address is accepted', async () => {
  const response = await putWebhook(strict, token, 'https://198.51.100.10/hooks/security');
  expect(response.statusCode).toBe(200);
  expect(NotificationChannelsView.parse(response.json()).webhook?.url).toBe(
    'https://198.51.100.10/hooks/security',
  );
  const cleared = await strict.app.inject({
    method: 'PUT',
    url: '/api/security/notifications',
    headers: bearer(token),
    payload: { webhook: null, email: null, sns: null },
  });
  expect(cleared.statusCode).toBe(200);
});

it('a delivery is refused at connect time when the address is not allowed where it is sent', async () => {
  const receiver = await startRecorder();
  // Saved where loopback is allowed (the test default, as on a developer machine) ...
  const lenient = await createTestApp();
  try {
    const lenientToken = await accessTokenFor(
      lenient,
      await createUser(lenient.db, { role: 'admin' }),
    );
    expect((await putWebhook(lenient, lenientToken, `${receiver.url}/hook`)).statusCode).toBe(200);

    // ... and sent by an instance whose policy refuses it: the socket is never opened.
    const ip = '192.0.2.201';
    await strict.app.inject({
      url: '/api/system/status',
      headers: { 'user-agent': 'sqlmap/1.7' },
      remoteAddress: ip,
    });
    const alert = await strict.db.securityAlert.findFirstOrThrow({ where: { subject: ip } });
    const delivery = await eventually(async () => {
      const response = await strict.app.inject({
        url: '/api/security/notifications/deliveries',
        headers: bearer(token),
      });
      const [item] = NotificationDeliveryList.parse(response.json()).items.filter(
        (entry) => entry.alertId === alert.id,
      );
      return item?.lastError ? item : undefined;
    });
    expect(delivery).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 1 });
    expect(delivery.lastError).toContain('loopback');
    expect(receiver.received).toHaveLength(0);
  } finally {
    await lenient.app.inject({
      method: 'PUT',
      url: '/api/security/notifications',
      headers: bearer(token),
      payload: { webhook: null, email: null, sns: null },
    });
    await lenient.close();
    await receiver.close();
  }
});
