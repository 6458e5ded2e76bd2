import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app-deps.ts';
import type { DB } from '../db/schema.ts';
import { langOf } from './error-handler.ts';
import { Errors } from './errors.ts';
import { idempotencyRepo } from './idempotency.repo.ts';
import { scheduleJob } from './jobs.ts';
import type { Actor } from './policy.ts';

/**
 * Writes that are applied once however often they are sent (issue 15: a phone's outbox re-sends after a dropped
 * connection, a user taps twice). A signed-in client sends `Idempotency-Key: <its own id for the entry>` with a
 * POST/PUT/PATCH/DELETE:
 * - the key is claimed in the *same transaction* as the write (by `audit`, which every write calls), so the write
 *   and the key commit or fail together: a retry after a crash that followed the commit finds the key;
 * - the answer is kept beside the key, and a retry gets that answer again (`Idempotent-Replayed: true`) without
 *   running the handler;
 * - a retry that arrives while the first is still running gets 409 `idempotency_in_progress`: the write is there
 *   or about to be, and asking again later replays it;
 * - a key without an answer for longer than ANSWER_GRACE_MS is a committed write whose answer was lost (a crash
 *   between the commit and saving the answer, or a failure after the commit: 5xx answers are not kept): since the
 *   key commits only with its write, the write is there, and the retry is answered 200 `idempotent_applied`
 *   (and that answer kept) instead of waiting forever;
 * - the same key with a different request is refused (422): a client bug must not silently drop an entry.
 * A request that fails before writing anything records no key, so fixing it and sending again works.
 * Keys are kept for KEEP_DAYS days.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const KEEP_DAYS = 7;
/** How long a key may wait for its first attempt's answer before the write is taken as applied, answer lost. */
export const ANSWER_GRACE_MS = 2 * 60_000;
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,100}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Claim = { key: string; requestHash: string; method: string; path: string; claimed: boolean };
// Keyed by the request's actor object, which reaches every `audit` call of the request.
const claims = new WeakMap<Actor, Claim>();

const hashOf = (method: string, url: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');

/** Called by `audit`/`auditMany` inside the write's transaction: records the request's key once. */
export async function claimIdempotencyKey(trx: Kysely<DB>, actor: Actor | null): Promise<void> {
  const claim = actor ? claims.get(actor) : undefined;
  if (!actor || !claim || claim.claimed) return;
  const fresh = await idempotencyRepo.claim(trx, {
    userId: actor.userId,
    key: claim.key,
    requestHash: claim.requestHash,
    method: claim.method,
    path: claim.path,
    at: new Date().toISOString(),
  });
  if (!fresh) throw inProgress();
  claim.claimed = true;
}

const inProgress = () =>
  Errors.conflict('idempotency_in_progress', {
    vi: 'Yêu cầu này đã được gửi và đang được xử lý. Hãy thử lại sau ít phút để nhận kết quả.',
    en: 'This request was already sent and is being processed. Try again in a moment to get its result.',
  });

export function registerIdempotency(app: FastifyInstance, deps: AppDeps) {
  // After authentication and the CSRF check (registered before this), so a key never answers for a stranger.
  app.addHook('preHandler', async (req, reply) => {
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || !WRITES.has(req.method) || !req.actor) return;
    const key = Array.isArray(raw) ? raw[0]! : raw;
    if (!KEY_FORMAT.test(key)) {
      throw Errors.validation([
        {
          field: 'Idempotency-Key',
          rule: 'format',
          messages: {
            vi: 'Khóa chống gửi trùng phải gồm 8–100 ký tự chữ, số hoặc - _ . :',
            en: 'The idempotency key must be 8–100 letters, digits or - _ . :',
          },
        },
      ]);
    }
    const requestHash = hashOf(req.method, req.url, req.body);
    const seen = await idempotencyRepo.find(deps.database.db, req.actor.userId, key);
    if (seen) {
      if (seen.request_hash !== requestHash) {
        throw Errors.unprocessable('idempotency_key_reused', {
          vi: 'Khóa chống gửi trùng này đã dùng cho một yêu cầu khác.',
          en: 'This idempotency key was already used for a different request.',
        });
      }
      if (seen.status_code === null) {
        if (Date.now() - Date.parse(seen.created_at) < ANSWER_GRACE_MS) throw inProgress();
        // The write committed with its key long ago; its answer is lost. Say it is applied, once and for all.
        const applied = JSON.stringify({
          code: 'idempotent_applied',
          applied: true,
          detail:
            langOf(req) === 'en'
              ? 'This request was already applied; its original answer is no longer available.'
              : 'Yêu cầu này đã được thực hiện; câu trả lời lần đầu không còn.',
        });
        await idempotencyRepo.saveAnswer(deps.database.db, req.actor.userId, key, 200, applied);
        reply.code(200).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
        return reply.send(applied);
      }
      reply.code(seen.status_code).header('idempotent-replayed', 'true');
      if (seen.response_body !== null) reply.type('application/json; charset=utf-8');
      return reply.send(seen.response_body ?? '');
    }
    claims.set(req.actor, { key, requestHash, method: req.method, path: req.url, claimed: false });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.actor ? claims.get(req.actor) : undefined;
    if (!req.actor || !claim?.claimed || reply.getHeader('idempotent-replayed')) return payload;
    // A server failure after the commit is not the write's answer: the key stays unanswered, and a later retry
    // is told the write is applied (above). (After a rollback the key is gone and this updates nothing.)
    if (reply.statusCode >= 500) return payload;
    // A committed write's answer, kept for its retries (JSON answers only; a file is not worth keeping).
    const body = typeof payload === 'string' ? payload : null;
    await idempotencyRepo.saveAnswer(deps.database.db, req.actor.userId, claim.key, reply.statusCode, body);
    return payload;
  });

  scheduleJob(app, deps, {
    name: 'idempotency-pruning',
    pattern: '40 2 * * *',
    run: async () => {
      const before = new Date(deps.now().getTime() - KEEP_DAYS * 86_400_000).toISOString();
      await idempotencyRepo.pruneBefore(deps.database.db, before);
    },
  });
}
