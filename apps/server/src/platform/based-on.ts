import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { peopleRepo } from '../modules/people/people.repo.ts';
import { Errors } from './errors.ts';
import { type Actor, personScopeOf } from './policy.ts';

/**
 * Writes made offline say which version of the person they were based on (issue 15). A phone's outbox sends
 * `Based-On: person:<id>:<version>` with an entry (a contact, a drug test) it kept while offline; the write is
 * refused with 409 `stale_version` (and the person's current version, nothing else of the record) when the person
 * was changed meanwhile, and 404 when the person is no longer in the user's scope. The check runs inside the
 * write's own transaction (from `audit`, which every write calls), so the write and the check see the same data.
 *
 * The user may then apply the entry anyway (the conflict inbox): the phone sends it again based on the current
 * version, with `Applied-Over: <the version it was first based on>`, and the write's audit entry says so
 * (`details.offline`).
 */
export const BASED_ON_HEADER = 'based-on';
export const APPLIED_OVER_HEADER = 'applied-over';
const BASED_ON_FORMAT = /^person:([A-Za-z0-9-]{1,64}):(\d{1,9})$/;
const VERSION_FORMAT = /^\d{1,9}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type BasedOn = { kind: 'person'; id: string; version: number; appliedOver: number | null; checked: boolean };
// Keyed by the request's actor object, which reaches every `audit` call of the request (as idempotency claims).
const requests = new WeakMap<Actor, BasedOn>();

const headerOf = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

export function registerBasedOn(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => {
    const raw = headerOf(req.headers[BASED_ON_HEADER]);
    if (raw === undefined || !WRITES.has(req.method) || !req.actor) return;
    const m = BASED_ON_FORMAT.exec(raw);
    if (!m) {
      throw Errors.validation([
        {
          field: 'Based-On',
          rule: 'format',
          messages: {
            vi: 'Phiên bản gốc phải có dạng person:<mã người>:<số phiên bản>',
            en: 'The based-on version must read person:<person id>:<version number>',
          },
        },
      ]);
    }
    const over = headerOf(req.headers[APPLIED_OVER_HEADER]);
    if (over !== undefined && !VERSION_FORMAT.test(over)) {
      throw Errors.validation([
        {
          field: 'Applied-Over',
          rule: 'format',
          messages: {
            vi: 'Phiên bản bị ghi đè phải là một số nguyên không âm',
            en: 'The applied-over version must be a whole number, zero or more',
          },
        },
      ]);
    }
    requests.set(req.actor, {
      kind: 'person',
      id: m[1]!,
      version: Number(m[2]),
      appliedOver: over === undefined ? null : Number(over),
      checked: false,
    });
  });
}

/** Called by `audit`/`auditMany` inside the write's transaction: refuses a write based on an older version. */
export async function checkBasedOn(trx: Kysely<DB>, actor: Actor | null): Promise<void> {
  const b = actor ? requests.get(actor) : undefined;
  if (!actor || !b || b.checked) return;
  const person = await peopleRepo.findInScope(trx, personScopeOf(actor), b.id);
  if (!person) throw Errors.notFound({ vi: 'hồ sơ người này', en: 'Person' });
  if (person.version !== b.version) throw Errors.staleVersion({ id: person.id, version: person.version });
  b.checked = true;
}

/** What the write's audit entry records about the version it was based on (null for an ordinary write). */
export function basedOnDetails(actor: Actor | null): Record<string, unknown> | null {
  const b = actor ? requests.get(actor) : undefined;
  if (!b) return null;
  return {
    basedOn: { kind: b.kind, id: b.id, version: b.version },
    ...(b.appliedOver === null ? {} : { appliedAnyway: true, conflictedVersion: b.appliedOver }),
  };
}
