import { episodeTypeLabels } from '@hoanhap/domain/episode-types';
import { authorityLabels } from '@hoanhap/domain/pathway-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { labelOf } from '@hoanhap/domain/vocabulary';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { type Actor, authorize, can, personScopeOf } from '../../platform/policy.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { personInScope, requireClass } from './access.ts';
import { type DecisionRow, decisionsRepo } from './decisions.repo.ts';
import { decisionSchema } from './episodes.schema.ts';
import { openEpisode } from './episodes.service.ts';
import { fieldError } from './legal.ts';

// A decision is a record of its own (issue 13): number, date, issuing unit and authority, and the people it names
// (the episodes carrying its id). Figures count decisions by this record. Opening an episode of a decision kind
// records its decision, or joins the decision already recorded under the same key (same kind, issuing unit,
// number and date: the officer entering one decision person by person); one decision naming several people can
// also be entered once (POST /api/decisions), all or nothing.

// ---- one decision naming several people ----

const id = z.string().min(1).max(64);

export const decisionCreateSchema = z.strictObject({
  type: z.enum(['user_management', 'post_rehab']).describe('What the decision decides'),
  decision: decisionSchema,
  startDate: isoDate.describe('First day of management for every person named'),
  personIds: z.array(id).min(1).max(100).describe('The people the decision names'),
  managerIds: z.array(id).max(10).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type DecisionCreateInput = z.infer<typeof decisionCreateSchema>;

export const decisionUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  number: z.string().trim().min(1).max(60).optional(),
  signer: z.string().trim().min(2).max(160).optional(),
});
export type DecisionUpdateInput = z.infer<typeof decisionUpdateSchema>;

const text = z.object({ vi: z.string(), en: z.string() });
export const decisionOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: text,
    number: z.string().nullable(),
    date: z.string(),
    signer: z.string().nullable(),
    issuingUnit: z.object({ kind: z.string(), code: z.string(), name: z.string().nullable() }),
    authority: z.string(),
    authorityLabel: text,
    regimeId: z.string(),
    basis: z.array(text),
    version: z.number(),
    people: z.array(z.object({ personId: z.string(), episodeId: z.string(), fullName: z.string() })),
  })
  .meta({ id: 'Decision' });

const decisionWord = { vi: 'quyết định này', en: 'Decision' };

function present(d: DecisionRow, people: { personId: string; episodeId: string; fullName: string }[]) {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: labelOf(episodeTypeLabels, d.kind),
    number: d.number,
    date: d.decision_date,
    signer: d.signer,
    issuingUnit: { kind: d.issuing_unit_kind, code: d.issuing_unit_code, name: d.issuing_body },
    authority: d.authority,
    authorityLabel: labelOf(authorityLabels, d.authority),
    regimeId: d.regime_id,
    basis: JSON.parse(d.basis) as { vi: string; en: string }[],
    version: d.version,
    people,
  };
}

/** The decision, if at least one person it names is in the actor's scope (404 otherwise), with those people. */
async function decisionInScope(trx: Kysely<DB>, actor: Actor, decisionId: string) {
  const d = await decisionsRepo.findById(trx, decisionId);
  if (!d) throw Errors.notFound(decisionWord);
  const named = await decisionsRepo.episodesOf(trx, decisionId);
  const scope = personScopeOf(actor);
  const visible = [];
  for (const e of named)
    if (await peopleRepo.findInScope(trx, scope, e.person_id))
      visible.push({ personId: e.person_id, episodeId: e.episode_id, fullName: e.full_name });
  if (!visible.length) throw Errors.notFound(decisionWord);
  return { d, named, visible };
}

/** Names the person a refusal is about: its field becomes personIds.i, its message says which person. */
function aboutPerson(err: unknown, i: number, personId: string, name: string | null): never {
  if (!(err instanceof AppError)) throw err;
  const who = name ?? personId;
  throw new AppError(
    err.code,
    err.status,
    {
      vi: `Người thứ ${i + 1} (${who}): ${err.messages.vi}`,
      en: `Person ${i + 1} (${who}): ${err.messages.en}`,
    },
    [
      { field: `personIds.${i}`, rule: err.code, messages: err.messages },
      ...err.fields.map((f) => ({ ...f, field: `personIds.${i}.${f.field}` })),
    ],
    { ...err.extra, field: `personIds.${i}`, personId },
  );
}

/**
 * Enters one decision naming several people: one episode per person, each checked by the same rules and scope as
 * the single-person path, one decision record, one transaction — all or nothing; a refusal names the person.
 */
export async function createDecision(deps: AppDeps, actor: Actor, input: DecisionCreateInput) {
  authorize(actor, 'episodes.write');
  if (!can(actor, 'decisions.issue') && !can(actor, 'police_decisions.issue')) throw Errors.forbidden();
  const seen = new Set<string>();
  for (const [i, p] of input.personIds.entries()) {
    if (seen.has(p))
      throw fieldError(`personIds.${i}`, 'unique', 'Người này đã có trong danh sách', 'Person listed twice');
    seen.add(p);
  }
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    // Everyone named must be reachable, and of one commune: a commune decision is issued by one commune.
    const people = [];
    for (const [i, personId] of input.personIds.entries()) {
      try {
        people.push(await personInScope(trx, actor, personId));
      } catch (err) {
        aboutPerson(err, i, personId, null);
      }
    }
    const commune = people[0].cur_commune_code;
    const other = people.findIndex((p) => p.cur_commune_code !== commune);
    if (other >= 0)
      throw fieldError(
        `personIds.${other}`,
        'same_commune',
        'Một quyết định chỉ gồm những người cùng một xã, phường',
        'One decision names people of one commune only',
      );
    if (input.decision.number) {
      const same = await decisionsRepo.findByKey(trx, {
        kind: input.type,
        issuingUnitKind: 'commune',
        issuingUnitCode: commune,
        number: input.decision.number,
        date: input.decision.date,
      });
      if (same)
        throw Errors.conflict(
          'decision_exists',
          {
            vi: `Quyết định số ${input.decision.number} ngày ${input.decision.date.split('-').reverse().join('/')} đã được ghi nhận`,
            en: `Decision ${input.decision.number} of ${input.decision.date.split('-').reverse().join('/')} is already recorded`,
          },
          { decisionId: same.id },
        );
    }
    let number = input.decision.number;
    let decisionId: string | null = null;
    const episodeIds: string[] = [];
    for (const [i, personId] of input.personIds.entries()) {
      try {
        const ep = await openEpisode(
          trx,
          actor,
          personId,
          {
            type: input.type,
            startDate: input.startDate,
            decision: { ...input.decision, number },
            managerIds: input.managerIds,
            notes: input.notes,
          },
          now,
        );
        const row = await trx
          .selectFrom('episodes')
          .select(['decision_id', 'decision_number'])
          .where('id', '=', ep.id)
          .executeTakeFirstOrThrow();
        // The first episode takes the register's next number when none was given; the others share it.
        number = row.decision_number ?? undefined;
        decisionId ??= row.decision_id ?? null;
        episodeIds.push(ep.id);
      } catch (err) {
        aboutPerson(err, i, personId, people[i].full_name);
      }
    }
    const d = (await decisionsRepo.findById(trx, decisionId!))!;
    await audit(trx, actor, {
      action: 'decision.create',
      entityType: 'decision',
      entityId: d.id,
      details: { kind: d.kind, personIds: input.personIds, episodeIds },
    });
    const named = await decisionsRepo.episodesOf(trx, d.id);
    return present(
      d,
      named.map((e) => ({ personId: e.person_id, episodeId: e.episode_id, fullName: e.full_name })),
    );
  });
}

export async function getDecision(deps: AppDeps, actor: Actor, decisionId: string) {
  authorize(actor, 'episodes.read');
  requireClass(actor, 'legal');
  return deps.database.db.transaction().execute(async (trx) => {
    const { d, visible } = await decisionInScope(trx, actor, decisionId);
    await audit(trx, actor, { action: 'decision.read', entityType: 'decision', entityId: d.id });
    return present(d, visible);
  });
}

/** Corrects the number or signer of a decision, for every person it names (version-checked). */
export async function updateDecision(
  deps: AppDeps,
  actor: Actor,
  decisionId: string,
  input: DecisionUpdateInput,
) {
  authorize(actor, 'episodes.write');
  if (!can(actor, 'decisions.issue') && !can(actor, 'police_decisions.issue')) throw Errors.forbidden();
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const { d, named, visible } = await decisionInScope(trx, actor, decisionId);
    // Changing it changes it for everyone it names: all of them must be within reach.
    if (visible.length !== named.length) throw Errors.forbidden();
    if (d.version !== input.version) throw Errors.staleVersion(present(d, visible));
    if (input.number && input.number !== d.number) {
      const same = await decisionsRepo.findByKey(
        trx,
        {
          kind: d.kind,
          issuingUnitKind: d.issuing_unit_kind,
          issuingUnitCode: d.issuing_unit_code,
          number: input.number,
          date: d.decision_date,
        },
        d.id,
      );
      if (same)
        throw Errors.conflict(
          'decision_exists',
          {
            vi: `Đơn vị đã có quyết định số ${input.number} cùng ngày`,
            en: `The unit already has decision ${input.number} of the same day`,
          },
          { decisionId: same.id },
        );
    }
    const ok = await decisionsRepo.renumber(
      trx,
      d.id,
      input.version,
      { number: input.number, signer: input.signer },
      now.toISOString(),
      actor.userId,
    );
    const fresh = (await decisionsRepo.findById(trx, d.id))!;
    if (!ok) throw Errors.staleVersion(present(fresh, visible));
    await audit(trx, actor, {
      action: 'decision.update',
      entityType: 'decision',
      entityId: d.id,
      details: {
        changed: Object.keys(input).filter((k) => k !== 'version'),
        from: d.number,
        to: fresh.number,
      },
    });
    return present(fresh, visible);
  });
}
