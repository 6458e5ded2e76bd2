import { randomUUID } from 'node:crypto';
import { type CleanPerson, isoOf } from '@hoanhap/domain/import/clean';
import { FIRST_REGIME_DATE, rulesOn } from '@hoanhap/domain/legal-regimes';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { episodeAuthority, vnToday } from '@hoanhap/domain/pathway-rules';
import type { Insertable, Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB, PersonImportDataTable, PersonStatusHistoryTable, PersonTable } from '../../db/schema.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, assertCanImportInto } from '../../platform/policy.ts';
import type { EpisodeRow } from '../episodes/episodes.repo.ts';
import { newPersonState } from '../episodes/person-status.ts';
import { recordFirstUnits } from '../people/person-units.ts';
import { summarise } from './import-analysis.service.ts';
import type { AnalysedRow, Analysis } from './import-types.ts';
import { importsRepo } from './imports.repo.ts';

// Committing an analysis: one transaction creating new people, filling in the records they merge into, and
// recording the history episodes the file states.

type Decision = 'create' | 'merge' | 'skip';

/**
 * Writes an analysis: one transaction, one batch with its rows, the people it creates (or the
 * existing records it fills in), their status history, an audit entry per person and one for the
 * batch. Rows whose split commune is still pending are skipped. Any failure writes nothing.
 */
export async function commitAnalysis(
  deps: AppDeps,
  actor: Actor | null,
  a: Analysis,
  opts: { batchId?: string; decisions?: Record<number, Decision> } = {},
) {
  if (actor) assertCanImportInto(actor, a.target);
  const now = deps.now().toISOString();
  const batchId = opts.batchId ?? randomUUID();
  return deps.database.db.transaction().execute(async (trx) => {
    if (opts.batchId) {
      const b = await importsRepo.batch(trx, batchId);
      if (b?.status !== 'preview')
        throw Errors.conflict('import_not_pending', {
          vi: 'Lô nhập này đã được ghi hoặc đã hủy',
          en: 'This import has already been committed or undone',
        });
      await importsRepo.deleteRows(trx, batchId);
    } else {
      await importsRepo.insertBatch(trx, batchRow(a, batchId, actor, now, 'preview'));
    }
    // CCCDs already recorded (the preview may be older than the database): those rows merge instead.
    const takenIds = new Map(
      (
        await importsRepo.peopleByCitizenIds(
          trx,
          a.rows.map((r) => r.person.citizenId).filter((x): x is string => !!x),
        )
      ).map((p) => [p.citizen_id!, p.id]),
    );
    const today = vnToday(deps.now());
    const toInsert: {
      people: NewPerson[];
      data: NewImportData[];
      episodes: EpisodeRow[];
      history: Insertable<PersonStatusHistoryTable>[];
    } = { people: [], data: [], episodes: [], history: [] };
    const outcome = new Map<number, 'created' | 'merged' | 'skipped'>();
    const personOfRow = new Map<number, string | null>();
    const created: string[] = [];
    const rowsOut: Parameters<typeof importsRepo.insertRows>[1] = [];
    for (const r of a.rows) {
      const base = rowRecord(batchId, r);
      if (r.result === 'error') {
        rowsOut.push(base);
        continue;
      }
      let decision: Decision =
        opts.decisions?.[r.row] ??
        (r.result === 'new' ? 'create' : r.result === 'duplicate_in_file' ? 'merge' : 'merge');
      let personId: string | null = null;
      let before: string | null = null;
      if (r.result === 'duplicate_in_file' && decision === 'merge') {
        personId = personOfRow.get(r.duplicateOfRow!) ?? null;
        if (!personId) decision = 'skip';
      } else if (decision === 'merge' && r.existing) {
        personId = r.existing.id;
        before = await fillIn(trx, actor, personId, r.person, now);
      } else if (decision === 'merge' || (decision === 'create' && !r.communeCode)) decision = 'skip';
      if (decision === 'create') {
        const taken = r.person.citizenId ? takenIds.get(r.person.citizenId) : undefined;
        if (taken) {
          personId = taken;
          decision = 'merge';
          before = await fillIn(trx, actor, personId, r.person, now);
        } else {
          const built = buildPerson(actor, a, r, batchId, now, today);
          personId = built.person.id;
          // The derived status and its dated history, as syncPerson would store them (nothing else is known yet).
          const state = newPersonState(built.episode ? [built.episode] : [], now, deps.now());
          built.person.status = state.status;
          built.person.current_facility_id = state.facility;
          for (const s of state.spans)
            toInsert.history.push({
              id: randomUUID(),
              person_id: personId,
              status: s.status,
              facility_id: s.facility,
              valid_from: s.from,
              valid_to: s.to,
            });
          toInsert.people.push(built.person);
          toInsert.data.push(built.data);
          if (built.episode) toInsert.episodes.push(built.episode);
          created.push(personId);
        }
      }
      const action = decision === 'create' ? 'created' : decision === 'merge' ? 'merged' : 'skipped';
      outcome.set(r.row, action);
      personOfRow.set(r.row, personId);
      rowsOut.push({ ...base, action, person_id: personId, before });
    }
    // Many rows per statement: the people with their derived status, import data, episodes and status history,
    // and the commune each lives in from now on (units over time).
    await importsRepo.insertPeople(trx, toInsert.people, toInsert.data, toInsert.episodes, toInsert.history);
    await recordFirstUnits(trx, toInsert.people);
    await importsRepo.insertRows(trx, rowsOut);
    const summary = summarise(a, outcome);
    await importsRepo.updateBatch(trx, batchId, {
      status: 'committed',
      committed_at: now,
      summary: JSON.stringify({ ...summary, errors: summary.errors.length, labels: a.labels }),
    });
    const entries = created.map((id) => ({
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      details: { importBatchId: batchId },
    }));
    await auditMany(trx, actor, entries);
    await audit(trx, actor, {
      action: 'import.commit',
      entityType: 'import_batch',
      entityId: batchId,
      details: {
        file: a.fileName,
        target: a.target,
        created: summary.created,
        merged: summary.merged,
        skipped: summary.skipped,
        errors: summary.errors.length,
      },
    });
    return { batchId, summary, outcome };
  });
}

export function batchRow(a: Analysis, id: string, actor: Actor | null, now: string, status: string) {
  return {
    id,
    kind: 'people',
    file_name: a.fileName,
    target_kind: a.target.kind,
    target_code: a.target.code,
    status,
    mapping: JSON.stringify(a.mapping),
    choices: JSON.stringify({}),
    summary: JSON.stringify({
      ...summarise(a),
      errors: a.rows.filter((r) => r.result === 'error').length,
      labels: a.labels,
    }),
    created_by: actor?.userId ?? null,
    created_at: now,
    committed_at: null,
    undone_at: null,
  };
}

export function rowRecord(batchId: string, r: AnalysedRow) {
  const { raw, errors, ...data } = r;
  return {
    batch_id: batchId,
    row_no: r.row,
    result: r.result,
    raw: JSON.stringify(raw),
    data: JSON.stringify(data),
    errors: errors.length ? JSON.stringify(errors) : null,
    action: null as string | null,
    person_id: null as string | null,
    before: null as string | null,
  };
}

type NewPerson = Insertable<PersonTable> & { id: string };
type NewImportData = Insertable<PersonImportDataTable>;

function buildPerson(
  actor: Actor | null,
  a: Analysis,
  r: AnalysedRow,
  batchId: string,
  now: string,
  today: string,
) {
  const p = r.person;
  const id = randomUUID();
  const detail = (s: string | null) => (s ? s.slice(0, 200) : null);
  const person: NewPerson = {
    id,
    full_name: p.fullName,
    name_search: normalizeVi(p.fullName),
    other_names: p.otherNames.length ? JSON.stringify(p.otherNames) : null,
    other_names_search: p.otherNames.length ? p.otherNames.map(normalizeVi).join(' | ') : null,
    sex: p.sex!,
    birth_date: p.birthDate,
    birth_year: p.birthYear!,
    citizen_id: p.citizenId,
    ethnicity: p.ethnicity,
    phone: null,
    occupation: p.occupation,
    perm_commune_code: r.communeCode,
    perm_detail: detail(r.address),
    cur_commune_code: r.communeCode!,
    cur_detail: detail(r.currentAddress),
    province_code: a.provinceCode,
    family_contacts: null,
    status: 'registered',
    current_facility_id: null,
    version: 1,
    created_at: now,
    created_by: actor?.userId ?? null,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  };
  const data: NewImportData = {
    person_id: id,
    batch_id: batchId,
    former_id: p.formerId,
    old_address: r.oldCommune
      ? JSON.stringify({
          text: r.address,
          oldCommuneCode: r.oldCommune.code,
          oldCommuneName: r.oldCommune.name,
          oldDistrictName: r.oldCommune.district,
          oldProvinceName: r.oldCommune.province,
        })
      : null,
    drug_text: p.drugText,
    drugs: p.drugs.length ? JSON.stringify(p.drugs) : null,
    pathway_text: p.pathwayText,
    note: p.note,
  };
  return { person, data, episode: historyEpisode(actor, r, id, today, now) };
}

/**
 * The pathway column as a dated episode of the person's history, under the regime in force on its start
 * (the pre-2022 regime for earlier years): "Cai nghiện tại gia đình" with "Từ 26/8/2024 đến 25/8/2025".
 * A month or a year alone starts on its first day and ends on its last; an end in the past closes the
 * episode, "đến nay" leaves it running. Nothing is recorded without a start, or before 01/06/2001.
 */
export function historyEpisodeOf(p: CleanPerson, today: string) {
  const type = p.pathway?.episode;
  if (!type || !p.period?.from) return null;
  const start = isoOf(p.period.from);
  const end = p.period.to ? isoOf(p.period.to, true) : null;
  if (start < FIRST_REGIME_DATE || start > today || (end && end < start)) return null;
  return { type, start, end: end && end < today ? end : null, plannedEnd: end };
}

function historyEpisode(
  actor: Actor | null,
  r: AnalysedRow,
  personId: string,
  today: string,
  now: string,
): EpisodeRow | null {
  const ep = historyEpisodeOf(r.person, today);
  if (!ep) return null;
  const rules = rulesOn(ep.start);
  return {
    id: randomUUID(),
    person_id: personId,
    type: ep.type,
    regime_id: rules.regimeId,
    authority: episodeAuthority(ep.type, rules),
    decision_number: null,
    decision_date: null,
    decision_signer: null,
    decision_body: null,
    decision_id: null,
    document_number: null,
    start_date: ep.start,
    term_start: null,
    term_months: null,
    planned_end: ep.plannedEnd,
    actual_end: ep.end,
    outcome: null,
    outcome_reason: null,
    facility_id: null,
    responsible_unit_kind: 'commune',
    responsible_unit_code: r.communeCode!,
    managers: '[]',
    details: JSON.stringify({ imported: true, pathwayText: r.person.pathwayText }),
    certificate_number: null,
    certificate_date: null,
    notes: `Nhập từ danh sách / imported: ${r.person.pathwayText ?? ''}`.slice(0, 500),
    version: 1,
    created_at: now,
    created_by: actor?.userId ?? null,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  };
}

const FILLABLE = ['citizen_id', 'birth_date', 'occupation', 'ethnicity'] as const;

/** Merging into an existing record fills only its empty fields; returns the columns before (for undo). */
async function fillIn(trx: Kysely<DB>, actor: Actor | null, id: string, p: CleanPerson, now: string) {
  const cur = await importsRepo.person(trx, id);
  if (!cur) return null;
  const incoming = {
    citizen_id: p.citizenId,
    birth_date: p.birthDate,
    occupation: p.occupation,
    ethnicity: p.ethnicity,
  };
  const set: Record<string, string> = {};
  for (const k of FILLABLE) if (cur[k] == null && incoming[k]) set[k] = incoming[k]!;
  if (set.citizen_id && (await importsRepo.personByCitizenId(trx, set.citizen_id))) delete set.citizen_id;
  if (set.birth_date && Number(set.birth_date.slice(0, 4)) !== cur.birth_year) delete set.birth_date;
  if (Object.keys(set).length === 0) return null;
  const before = Object.fromEntries(
    [...Object.keys(set), 'version', 'updated_at', 'updated_by'].map((k) => [k, cur[k as keyof typeof cur]]),
  );
  await importsRepo.updatePerson(trx, id, {
    ...set,
    version: cur.version + 1,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  });
  await audit(trx, actor, {
    action: 'person.update',
    entityType: 'person',
    entityId: id,
    details: { importFill: Object.keys(set) },
  });
  return JSON.stringify({ ...before, afterVersion: cur.version + 1 });
}
