// Refuses blocked addresses (and, with a global allow-list, addresses outside it) before rate
// limiting, authentication and body parsing; refuses users with a personal allow-list elsewhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode } from '@s3am/contracts';
import { problemFor, sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Answered by the defender: not a failed request of the client's own doing. */
    refusedByDefender: boolean;
  }
}

export interface IpDefenderPluginOptions {
  defender: {
    refusal(
      ip: string,
      now: Date,
    ): { code: 'IP_BLOCKED'; retryAfterSeconds: number } | { code: 'IP_NOT_ALLOWED' } | null;
    userMayUse(userId: string, ip: string): boolean;
  };
  clock: () => Date;
}

function refuse(request: FastifyRequest, code: ErrorCode, detail: string) {
  request.refusedByDefender = true;
  return { problem: problemFor(code, request, detail) };
}

export const ipDefenderPlugin = fp(
  (app: FastifyInstance, options: IpDefenderPluginOptions) => {
    app.decorateRequest('refusedByDefender', false);

    app.addHook('onRequest', async (request, reply) => {
      const refusal = options.defender.refusal(request.ip, options.clock());
      if (!refusal) return;
      if (refusal.code === 'IP_BLOCKED') {
        const { problem } = refuse(
          request,
          ErrorCode.IP_BLOCKED,
          'Requests from your address are blocked for now. Try again later.',
        );
        void reply.header('retry-after', String(refusal.retryAfterSeconds));
        return sendProblem(reply, problem);
      }
      const { problem } = refuse(
        request,
        ErrorCode.IP_NOT_ALLOWED,
        'This server accepts requests only from allowed networks.',
      );
      return sendProblem(reply, problem);
    });

    app.addHook('preHandler', async (request, reply) => {
      // Sign-in checks the account's list itself, after the password (see auth.service.ts).
      const principal = request.principal;
      if (!principal || options.defender.userMayUse(principal.userId, request.ip)) return;
      const { problem } = refuse(
        request,
        ErrorCode.IP_NOT_ALLOWED,
        'Your account may be used only from its allowed networks.',
      );
      return sendProblem(reply, problem);
    });
  },
  { name: 'ip-defender' },
);
