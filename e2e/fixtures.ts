// Values shared by the Playwright config (which starts the stack) and the specs.
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'quartz-lantern-meadow-47' };

/** The local S3 server the stack starts, on a fixed port so specs can reach it too. */
export const E2E_LOCAL_S3 = {
  port: Number(process.env.E2E_S3_PORT ?? 4599),
  accessKeyId: 'e2e-local-access-key',
  secretAccessKey: 'e2e-local-secret-key',
  bucket: 'uploads',
};
export const E2E_LOCAL_S3_ENDPOINT = `http://127.0.0.1:${E2E_LOCAL_S3.port}`;
