// The owner of an upload request gets an email when a guest's file has arrived (SMTP configured):
// to a real SMTP server on loopback, with the file's name and size and the page to see it, never
// the link's token. A mail server that is down does not fail the guest's upload.
import { CreatedUploadRequestLink, SignedParts, UploadView } from '@s3am/contracts';
import { bearer, type TestContext } from '../../../test/test-app.js';
import { startSmtpSink } from '../../../test/security-kit.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';

const run = `mail-${Date.now()}`;

async function appWithMail(smtpUrl: string) {
  const { ctx, connectionId } = await createAppWithLocalConnection({
    env: { SMTP_URL: smtpUrl, SMTP_FROM: 'S3AM <s3am@example.test>' },
  });
  const owner = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` });
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/upload-requests',
    headers: bearer(owner.token),
    payload: {
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/inbox/`,
      title: 'Signed forms',
      expiresInDays: 2,
    },
  });
  const link = CreatedUploadRequestLink.parse(created.json());
  return { ctx, owner, token: link.url.split('/u/')[1]! };
}

/** A guest sends one small file through the request (single PUT straight to S3). */
async function guestSends(ctx: TestContext, token: string, name: string, body: string) {
  const base = `/api/public/upload-requests/${token}/uploads`;
  const upload = UploadView.parse(
    (
      await ctx.app.inject({
        method: 'POST',
        url: base,
        payload: { key: name, size: body.length, contentType: 'text/plain' },
      })
    ).json(),
  );
  const signed = SignedParts.parse(
    (
      await ctx.app.inject({
        method: 'POST',
        url: `${base}/${upload.id}/parts`,
        payload: { partNumbers: [1] },
      })
    ).json(),
  );
  const put = await fetch(signed.urls[0]!.url, { method: 'PUT', headers: signed.headers, body });
  return ctx.app.inject({
    method: 'POST',
    url: `${base}/${upload.id}/complete`,
    payload: { parts: [{ partNumber: 1, etag: put.headers.get('etag') ?? '' }] },
  });
}

it('emails the owner when a file arrives: name, size and where to see it, never the token', async () => {
  const smtp = await startSmtpSink();
  const { ctx, owner, token } = await appWithMail(smtp.url);
  try {
    const done = await guestSends(ctx, token, 'form-1.txt', 'filled in');
    expect(done.statusCode).toBe(200);
    const deadline = Date.now() + 10_000;
    while (smtp.mails.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual([owner.user.email]);
    expect(mail.raw).toContain('Subject: New file received: form-1.txt');
    expect(mail.raw).toContain('form-1.txt (9 bytes) through "Signed forms"');
    expect(mail.raw).toContain('/links');
    expect(mail.raw).not.toContain(token);
  } finally {
    await ctx.close();
    await smtp.close();
  }
});

it("a mail server that is down does not fail the guest's upload", async () => {
  const smtp = await startSmtpSink();
  await smtp.close(); // nothing listens there any more
  const { ctx, token } = await appWithMail(smtp.url);
  try {
    const done = await guestSends(ctx, token, 'form-2.txt', 'also filled in');
    expect(done.statusCode).toBe(200);
    expect(UploadView.parse(done.json()).state).toBe('completed');
  } finally {
    await ctx.close();
  }
});
