// Audit search for people who do not know exact values: part of an actor's email, and text
// inside an event's details (an object key, a folder) besides its action, target and ids.
import { AuditPage } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
} from '../../../test/test-app.js';
import { recordAudit } from './audit.service.js';

let ctx: TestContext;
let adminToken: string;
const marker = `s${Date.now()}`;

beforeAll(async () => {
  ctx = await createTestApp();
  adminToken = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  await recordAudit(ctx.db, {
    action: 'file.move',
    outcome: 'success',
    actorEmail: `alice.${marker}@example.test`,
    details: { from: `reports/${marker}/q3.pdf`, to: `archive/${marker}/q3.pdf` },
  });
  await recordAudit(ctx.db, {
    action: 'file.delete',
    outcome: 'success',
    actorEmail: `bob.${marker}@example.test`,
    details: { key: `scratch/${marker}/notes.txt`, bucket: 'uploads' },
  });
  // Another actor's event whose details merely mention the marker elsewhere.
  await recordAudit(ctx.db, {
    action: 'test.unrelated',
    outcome: 'success',
    actorEmail: 'carol@example.test',
    details: { unsearched: marker },
  });
});
afterAll(() => ctx.close());

async function search(query: string) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/audit?${query}&limit=500`,
    headers: bearer(adminToken),
  });
  expect(response.statusCode).toBe(200);
  return AuditPage.parse(response.json()).items;
}

describe('audit search', () => {
  it('finds events by part of the actor email, case-insensitively', async () => {
    const alice = await search(`actor=ALICE.${marker}`);
    expect(alice.map((e) => e.action)).toEqual(['file.move']);
    const both = await search(`actor=${encodeURIComponent(`.${marker}@example`)}`);
    expect(both.map((e) => e.action).sort()).toEqual(['file.delete', 'file.move']);
  });

  it('finds events by an object key or folder inside their details', async () => {
    const byKey = await search(`q=${encodeURIComponent(`${marker}/notes.txt`)}`);
    expect(byKey.map((e) => e.action)).toEqual(['file.delete']);
    const byFolder = await search(`q=${encodeURIComponent(`archive/${marker}`)}`);
    expect(byFolder.map((e) => e.action)).toEqual(['file.move']);
  });

  it('treats % and _ in the search as text, not wildcards', async () => {
    expect(await search(`q=${encodeURIComponent(`${marker}%q3`)}`)).toEqual([]);
    expect(await search(`actor=${encodeURIComponent(`alice_${marker}`)}`)).toEqual([]);
  });
});
