import { checkNotBefore, type DossierRules, dossierRulesOn } from '@hoanhap/domain/dossier-rules';
import { deriveCompulsoryGrounds } from '@hoanhap/domain/episode-rules';
import { safeAgeOn } from '@hoanhap/domain/episode-terms';
import type { CompulsoryGround, EpisodeType } from '@hoanhap/domain/episode-types';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import { relapseGround } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Errors, type Messages } from '../../platform/errors.ts';
import {
  type Actor,
  assertDossierWriter,
  dossierScopeOf,
  personScopeOf,
  readableClasses,
} from '../../platform/policy.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { fieldError, ruleRefusal } from '../episodes/legal.ts';
import { asEpisode } from '../episodes/person-status.ts';
import { loadLegalContext } from '../legal/legal-context.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { presentDossier } from './dossiers.presenter.ts';
import { type DossierRow, dossiersRepo } from './dossiers.repo.ts';

// What every step of the dossier shares: the rules in force, the row scope, the versioned update, the presented
// dossier and the checks of a person named in it.

const dossierWord = { vi: 'hồ sơ đề nghị này', en: 'Dossier' };
export const documentWord = { vi: 'tài liệu này', en: 'Document' };
export const personWord = { vi: 'hồ sơ người này', en: 'Person' };

// ---------------------------------------------------------------------------------------------------------
// Helpers

export async function legalContext(trx: Kysely<DB>) {
  const { overrides, adjustments } = await loadLegalContext(trx);
  return { overrides, adjustments };
}

/** The dossier rules on a date, or 422 when no regime covers it; 400 when the act is in the future. */
export async function rulesFor(
  trx: Kysely<DB>,
  date: string,
  field: string,
  opts: { today?: string; future?: boolean } = {},
): Promise<DossierRules> {
  if (!opts.future && opts.today && date > opts.today)
    throw fieldError(field, 'not_future', 'Ngày này ở tương lai', 'This date is in the future');
  if (date < FIRST_REGIME_DATE) {
    throw Errors.unprocessable(
      'no_legal_regime',
      {
        vi: `Không có chế độ pháp lý cho ngày ${date} (trước ${FIRST_REGIME_DATE})`,
        en: `No legal regime applies on ${date} (before ${FIRST_REGIME_DATE})`,
      },
      { field },
    );
  }
  const { overrides } = await legalContext(trx);
  return dossierRulesOn(date, overrides);
}

export function must(check: { ok: true } | { ok: false; error: Parameters<typeof ruleRefusal>[0] }) {
  if (!check.ok) throw ruleRefusal(check.error);
}

export function notBefore(date: string, earliest: string | null, what: Messages, after: Messages) {
  if (earliest) must(checkNotBefore(date, earliest, what, after));
}

export async function visibleOrFail(trx: Kysely<DB>, actor: Actor, id: string) {
  const row = await dossiersRepo.findInScope(trx, dossierScopeOf(actor), id);
  if (!row) throw Errors.notFound(dossierWord);
  return row;
}

export async function writable(trx: Kysely<DB>, actor: Actor, id: string, version?: number) {
  const row = await visibleOrFail(trx, actor, id);
  assertDossierWriter(actor, row);
  if (version !== undefined && row.version !== version)
    throw Errors.staleVersion(await present(trx, actor, row));
  return row;
}

export async function bump(
  trx: Kysely<DB>,
  actor: Actor,
  row: DossierRow,
  at: string,
  patch: Partial<DossierRow>,
) {
  const ok = await dossiersRepo.updateVersioned(trx, row.id, row.version, {
    ...patch,
    updated_at: at,
    updated_by: actor.userId,
  });
  if (!ok) throw Errors.staleVersion(await present(trx, actor, (await dossiersRepo.findById(trx, row.id))!));
}

/** Grounds the recorded history proves for a person on a date (episodes and relapses). */
async function provenGrounds(
  trx: Kysely<DB>,
  personId: string,
  date: string,
): Promise<Set<CompulsoryGround>> {
  const episodes = (await episodesRepo.forPerson(trx, personId)).map(asEpisode);
  const relapses = (await screeningRepo.relapses(trx, personId))
    .filter((r) => r.tested_on <= date && r.during_episode_type)
    .map((r) => relapseGround(r.during_episode_type as EpisodeType))
    .filter((g): g is CompulsoryGround => g !== null);
  return new Set([...deriveCompulsoryGrounds(episodes, date), ...relapses]);
}

export async function present(trx: Kysely<DB>, actor: Actor, row: DossierRow) {
  const persons = await dossiersRepo.peopleOf(trx, [row.id]);
  const documents = await dossiersRepo.documentsOf(trx, row.id);
  const { overrides } = await legalContext(trx);
  const groundInHistory = new Map<string, boolean>();
  for (const p of persons)
    groundInHistory.set(
      p.person_id,
      (await provenGrounds(trx, p.person_id, row.prepared_on)).has(p.ground as CompulsoryGround),
    );
  return presentDossier(row, {
    persons,
    documents,
    preparedRules: dossierRulesOn(row.prepared_on, overrides),
    notifiedRules: row.notified_on ? dossierRulesOn(row.notified_on, overrides) : null,
    groundInHistory,
    communeName: await dossiersRepo.communeName(trx, row.commune_code),
    classes: readableClasses(actor),
  });
}

/** A person the writer may name: in their commune, old enough on the date, not in another open dossier. */
export async function nameablePerson(
  trx: Kysely<DB>,
  actor: Actor,
  personId: string,
  communeCode: string,
  date: string,
  rules: DossierRules,
  field: string,
) {
  const person = await peopleRepo.findInScope(trx, personScopeOf(actor), personId);
  if (!person) throw Errors.notFound(personWord);
  if (person.cur_commune_code !== communeCode)
    throw fieldError(
      field,
      'same_commune',
      'Người này không cư trú tại xã/phường lập hồ sơ',
      'This person does not live in the commune preparing the dossier',
    );
  const ages = rules.regime.compulsoryJuvenileAge;
  const age = safeAgeOn(person.birth_date ?? String(person.birth_year), date);
  if (age !== null && age < ages.value.min) {
    throw ruleRefusal({
      code: 'COMPULSORY_UNDER_MIN_AGE',
      vi: `Không áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với người dưới ${ages.value.min} tuổi`,
      en: `Compulsory rehab cannot be proposed for a person under ${ages.value.min}`,
      basis: ages.basis,
    });
  }
  const open = await dossiersRepo.openDossierOf(trx, personId);
  if (open)
    throw Errors.conflict(
      'person_in_open_dossier',
      {
        vi: 'Người này đã có trong một hồ sơ đề nghị khác chưa có quyết định của Tòa án',
        en: 'This person is already named in another dossier the court has not decided yet',
      },
      { dossierId: open.id },
    );
  return person;
}
