// Values shared by the Playwright config (which starts the stack) and the specs.
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-123' };
