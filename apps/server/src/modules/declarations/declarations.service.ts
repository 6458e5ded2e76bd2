import { randomUUID } from 'node:crypto';
import { declarationBasis, declarationProblems } from '@hoanhap/domain/declaration-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, personScopeOf } from '../../platform/policy.ts';
import { requireClass } from '../episodes/access.ts';
import { legalContext } from '../episodes/legal.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { personStep } from '../shared/write-step.service.ts';
import { presentDeclaration } from './declarations.presenter.ts';
import { type DeclarationRow, declarationsRepo } from './declarations.repo.ts';
import type { DeclarationCreateInput, DeclarationUpdateInput } from './declarations.schema.ts';

// Declarations of the substances a person used and where they obtained them, made to the commune police
// (Law 120/2025/QH15). Class 'drug_use': every read and write is audited in its transaction. A declaration
// dated before the law applied is recorded all the same (history), without a basis.

const declarationWord = { vi: 'bản khai báo này', en: 'Declaration' };

type Person = { birth_date: string | null; birth_year: number };

/** 400 naming every field that breaks a rule of declarationProblems. */
function check(input: DeclarationCreateInput, person: Person, today: string) {
  const problems = declarationProblems(input, {
    today,
    birthDate: person.birth_date,
    birthYear: person.birth_year,
  });
  if (problems.length > 0)
    throw Errors.validation(
      problems.map((p) => ({ field: p.field, rule: p.rule, messages: { vi: p.vi, en: p.en } })),
    );
}

/** The stored fields of a declaration from its input (substances once each, 'other' named only when listed). */
function fields(input: DeclarationCreateInput) {
  const substances = [...new Set(input.substances)];
  return {
    declared_on: input.declaredOn,
    substances: JSON.stringify(substances),
    other_substance: substances.includes('other') ? (input.otherSubstance?.trim() ?? null) : null,
    source: input.source.trim(),
    notes: input.notes?.trim() || null,
  };
}

async function present(trx: Kysely<DB>, id: string) {
  const ctx = await legalContext(trx);
  const view = await declarationsRepo.find(trx, id);
  return presentDeclaration(view!, ctx.overrides);
}

/** A person's declarations, latest first, with the basis in force on each date. */
export async function listDeclarations(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'screening.read', 'drug_use', async ({ trx }) => {
    const rows = await declarationsRepo.forPerson(trx, personId);
    const ctx = await legalContext(trx);
    await audit(trx, actor, {
      action: 'substance_declaration.list',
      entityType: 'person',
      entityId: personId,
      details: { count: rows.length },
    });
    return { items: rows.map((r) => presentDeclaration(r, ctx.overrides)) };
  });
}

/** Records a declaration made by a person of the commune police's own commune. */
export async function createDeclaration(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  input: DeclarationCreateInput,
) {
  return personStep(deps, actor, personId, 'declarations.write', 'drug_use', async ({ trx, person, now }) => {
    check(input, person, vnToday(now));
    const ctx = await legalContext(trx);
    const at = now.toISOString();
    const row: DeclarationRow = {
      id: randomUUID(),
      person_id: personId,
      ...fields(input),
      regime_id: declarationBasis(input.declaredOn, ctx.overrides).regimeId,
      unit_kind: actor.scopeKind,
      unit_code: actor.scopeCode ?? '',
      version: 1,
      recorded_by: actor.userId,
      recorded_at: at,
      updated_by: actor.userId,
      updated_at: at,
    };
    await insertAudited(trx, actor, declarationsRepo.insert, row, {
      action: 'substance_declaration.create',
      entityType: 'substance_declaration',
      details: { personId, declaredOn: row.declared_on, substances: JSON.parse(row.substances) },
    });
    return present(trx, row.id);
  });
}

/** Corrects a declaration read at `version`; 409 with the current one when someone changed it meanwhile. */
export async function updateDeclaration(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: DeclarationUpdateInput,
) {
  authorize(actor, 'declarations.write');
  requireClass(actor, 'drug_use');
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const current = await declarationsRepo.find(trx, id);
    // Out of scope answers 404 like a missing row, so that its existence does not leak.
    const person = current && (await peopleRepo.findInScope(trx, personScopeOf(actor), current.person_id));
    if (!current || !person) throw Errors.notFound(declarationWord);
    const ctx = await legalContext(trx);
    if (current.version !== input.version)
      throw Errors.staleVersion(presentDeclaration(current, ctx.overrides));
    check(input, person, vnToday(now));
    const patch = {
      ...fields(input),
      regime_id: declarationBasis(input.declaredOn, ctx.overrides).regimeId,
      updated_by: actor.userId,
      updated_at: now.toISOString(),
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => k !== 'updated_by' && k !== 'updated_at' && patch[k] !== current[k],
    );
    if (!(await declarationsRepo.updateVersioned(trx, id, input.version, patch)))
      throw Errors.staleVersion(presentDeclaration(current, ctx.overrides));
    await audit(trx, actor, {
      action: 'substance_declaration.update',
      entityType: 'substance_declaration',
      entityId: id,
      details: { personId: current.person_id, changed, fromVersion: input.version },
    });
    return present(trx, id);
  });
}
