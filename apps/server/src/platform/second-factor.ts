import type { FastifyInstance } from 'fastify';
import type { SecondFactorState } from '../modules/identity/totp.repo.ts';
import { secondFactorDue } from '../modules/identity/totp.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's second-factor state ('ok' once the code is given or when none is needed). */
    secondFactor: SecondFactorState;
  }
}

// What a session may reach while its second factor is due: the code step, or (for a role that requires one
// and has none yet) the enrolment and the forced first password change.
const ALLOWED: Record<Exclude<SecondFactorState, 'ok'>, Set<string>> = {
  code: new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/totp/verify']),
  enrol: new Set([
    '/api/auth/me',
    '/api/auth/logout',
    '/api/auth/password',
    '/api/auth/totp',
    '/api/auth/totp/enrol',
    '/api/auth/totp/confirm',
  ]),
};

/**
 * Registered after registerAuth: a session whose password was right but whose second factor is still due
 * reaches nothing else (403 second_factor_required / second_factor_enrolment_required).
 */
export function registerSecondFactor(app: FastifyInstance) {
  app.decorateRequest('secondFactor', 'ok');
  app.addHook('onRequest', async (req) => {
    if (!req.actor || req.secondFactor === 'ok') return;
    // A forced first password change comes before the enrolment (platform/auth.ts refuses the rest).
    if (req.secondFactor === 'enrol' && req.mustChangePassword) return;
    const path = req.url.split('?')[0];
    if (!ALLOWED[req.secondFactor].has(path)) throw secondFactorDue(req.secondFactor);
  });
}
