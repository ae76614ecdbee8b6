// HTTP for my two-factor authentication: set up (QR), confirm, recovery codes, turn off.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DisableTotpRequest,
  RecoveryCodesResponse,
  TotpCodeRequest,
  TotpSetupResponse,
} from '@s3am/contracts';
import { sessionActorOf } from '../auth/request-actor.js';
import {
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  setupTotp,
  type TwoFactorDeps,
} from './two-factor.service.js';
import { problemResponses } from '../../plugins/errors.js';

export function twoFactorRoutes(app: FastifyInstance, deps: TwoFactorDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.authenticate, config: { allowIncompleteAccount: true } };
  const schema = { tags: ['two-factor'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 409);

  api.post(
    '/api/me/2fa/setup',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Generates a new TOTP secret for the caller (stored encrypted, not active yet) and returns it as an otpauth:// URI, a QR code and plain text. 409 when 2FA is already on. Needs an interactive session, works while enrolment is required; audited as `two_factor.setup_started`.',
        summary: 'Start 2FA set-up: a new secret as QR code and text',
        response: { 200: TotpSetupResponse, ...errors },
      },
    },
    (request) => setupTotp(deps, sessionActorOf(request)),
  );

  api.post(
    '/api/me/2fa/enable',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Turns 2FA on when the code matches the secret from set-up, and returns 10 one-time recovery codes that are shown only here (stored hashed). 409 when set-up was not started or 2FA is already on; a wrong code is audited as a failed `two_factor.enable`.',
        summary: 'Confirm set-up with a first code; returns 10 one-time recovery codes',
        body: TotpCodeRequest,
        response: { 200: RecoveryCodesResponse, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await enableTotp(deps, sessionActorOf(request), request.body.code),
    }),
  );

  api.post(
    '/api/me/2fa/recovery-codes',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Needs a current TOTP code; issues 10 new recovery codes and invalidates the old ones. 409 when 2FA is off. Audited as `two_factor.recovery_codes_regenerated`.',
        summary: 'Replace the recovery codes (the old ones stop working)',
        body: TotpCodeRequest,
        response: { 200: RecoveryCodesResponse, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await regenerateRecoveryCodes(
        deps,
        sessionActorOf(request),
        request.body.code,
      ),
    }),
  );

  api.post(
    '/api/me/2fa/disable',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Needs the account password and a TOTP or recovery code; removes the secret and recovery codes. Refused (403) while an instance setting requires 2FA for this account; answers 204 without change when 2FA is already off. Audited as `two_factor.disable`, failures included.',
        summary: 'Turn 2FA off (password and a code required)',
        body: DisableTotpRequest,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await disableTotp(deps, sessionActorOf(request), request.body.password, request.body.code);
      return reply.code(204).send();
    },
  );
}
