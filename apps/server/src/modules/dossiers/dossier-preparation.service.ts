import { randomUUID } from 'node:crypto';
import { canEditPersons, type DossierStatus } from '@hoanhap/domain/dossier-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { AppDeps } from '../../app-deps.ts';
import { createdStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, ownCommuneOrForbid } from '../../platform/policy.ts';
import { fieldError } from '../episodes/legal.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { bump, must, nameablePerson, personWord, present, rulesFor, writable } from './dossier-common.ts';
import { type DossierPersonRow, type DossierRow, dossiersRepo } from './dossiers.repo.ts';
import type { AddPersonInput, CreateInput } from './dossiers.schema.ts';

// ---------------------------------------------------------------------------------------------------------
// Preparation

export async function createDossier(deps: AppDeps, actor: Actor, input: CreateInput) {
  authorize(actor, 'dossiers.write');
  const commune = ownCommuneOrForbid(actor);
  const now = deps.now();
  const at = now.toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const rules = await rulesFor(trx, input.preparedOn, 'preparedOn', { today: vnToday(now) });
    const seen = new Set<string>();
    for (const [i, p] of input.persons.entries()) {
      if (seen.has(p.personId))
        throw fieldError(
          `persons.${i}.personId`,
          'unique',
          'Người này bị nhập hai lần',
          'Person listed twice',
        );
      seen.add(p.personId);
    }
    const persons = [];
    for (const [i, p] of input.persons.entries())
      persons.push(
        await nameablePerson(
          trx,
          actor,
          p.personId,
          commune,
          input.preparedOn,
          rules,
          `persons.${i}.personId`,
        ),
      );
    const unit = await peopleRepo.communeProvince(trx, commune);
    if (!unit?.province_code) throw Errors.forbidden();
    const row: DossierRow = {
      id: randomUUID(),
      commune_code: commune,
      province_code: unit.province_code,
      status: 'draft',
      regime_id: rules.regimeId,
      // Who prepares follows the date: the district labour office before 01/03/2025, the head of commune
      // police after (the police now keep the older dossiers too, so they record them).
      preparer_authority: rules.preparer.value,
      prepared_on: input.preparedOn,
      notified_on: null,
      reading_days: null,
      reading_end: null,
      reading_closed_on: null,
      submitted_on: null,
      submission_number: null,
      court_authority: null,
      court_name: null,
      accepted_on: null,
      court_case_number: null,
      hearing_date: null,
      hearing_place: null,
      decided_on: null,
      executed_on: null,
      notes: input.notes ?? null,
      ...createdStamps(actor, at),
    };
    await dossiersRepo.insert(trx, row);
    for (const p of input.persons) await dossiersRepo.insertPerson(trx, personRow(row.id, p, actor, at));
    await audit(trx, actor, {
      action: 'dossier.create',
      entityType: 'dossier',
      entityId: row.id,
      details: {
        personIds: persons.map((p) => p.id),
        regimeId: row.regime_id,
        preparer: row.preparer_authority,
      },
    });
    return present(trx, actor, row);
  });
}

function personRow(
  dossierId: string,
  p: { personId: string; ground: string; groundNote?: string },
  actor: Actor,
  at: string,
): Omit<DossierPersonRow, 'position'> {
  return {
    id: randomUUID(),
    dossier_id: dossierId,
    person_id: p.personId,
    ground: p.ground,
    ground_note: p.groundNote ?? null,
    status: 'proposed',
    outcome: null,
    term_months: null,
    decision_number: null,
    decision_date: null,
    decision_signer: null,
    postponed_until: null,
    outcome_note: null,
    executed_on: null,
    admitted_on: null,
    facility_id: null,
    episode_id: null,
    added_at: at,
    added_by: actor.userId,
  };
}

export async function addPerson(deps: AppDeps, actor: Actor, id: string, input: AddPersonInput) {
  authorize(actor, 'dossiers.write');
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, input.version);
    must(canEditPersons(row.status as DossierStatus));
    const rules = await rulesFor(trx, row.prepared_on, 'preparedOn');
    await nameablePerson(trx, actor, input.personId, row.commune_code, row.prepared_on, rules, 'personId');
    await dossiersRepo.insertPerson(trx, personRow(row.id, input, actor, at));
    await bump(trx, actor, row, at, {});
    await audit(trx, actor, {
      action: 'dossier.person.add',
      entityType: 'dossier',
      entityId: id,
      details: { personId: input.personId, ground: input.ground },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}

export async function removePerson(
  deps: AppDeps,
  actor: Actor,
  id: string,
  personId: string,
  version: number,
) {
  authorize(actor, 'dossiers.write');
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, version);
    must(canEditPersons(row.status as DossierStatus));
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    if (!persons.some((p) => p.person_id === personId)) throw Errors.notFound(personWord);
    if (persons.length === 1)
      throw Errors.unprocessable('dossier_needs_a_person', {
        vi: 'Hồ sơ phải có ít nhất một người',
        en: 'The dossier must name at least one person',
      });
    await dossiersRepo.deletePerson(trx, id, personId);
    await dossiersRepo.removeDocuments(trx, { dossierId: id, personId }, at, actor.userId);
    await bump(trx, actor, row, at, {});
    await audit(trx, actor, {
      action: 'dossier.person.remove',
      entityType: 'dossier',
      entityId: id,
      details: { personId },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}
