import { randomUUID } from 'node:crypto';
import {
  type CourtOutcome,
  canEditDocuments,
  canEditPersons,
  checkChecklistComplete,
  checkNotBefore,
  checkOutcome,
  checkReadingPeriodOver,
  checkTransition,
  DOSSIER_TASK_KINDS,
  type DossierAction,
  type DossierPersonStatus,
  type DossierRules,
  type DossierStatus,
  dossierRulesOn,
  EXECUTABLE_OUTCOMES,
  missingDocuments,
  nextStatus,
  readingPeriodEnd,
  statusAfterExecution,
} from '@hoanhap/domain/dossier-rules';
import { deriveCompulsoryGrounds } from '@hoanhap/domain/episode-rules';
import { priorRehabOf, safeAgeOn } from '@hoanhap/domain/episode-terms';
import type { CompulsoryGround, EpisodeType } from '@hoanhap/domain/episode-types';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { relapseGround, vnToday } from '@hoanhap/domain/pathway-rules';
import type { TaskKind } from '@hoanhap/domain/task-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { Errors, type Messages } from '../../platform/errors.ts';
import {
  type Action,
  type Actor,
  assertDossierWriter,
  authorize,
  dossierScopeOf,
  ownCommuneOrForbid,
  personScopeOf,
  readableClasses,
} from '../../platform/policy.ts';
import { closeEpisodeIn } from '../episodes/episode-acts.service.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { openEpisode } from '../episodes/episodes.service.ts';
import { fieldError, ruleRefusal } from '../episodes/legal.ts';
import { asEpisode } from '../episodes/person-status.ts';
import { loadLegalContext } from '../legal/legal-context.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { closeTasks, createTask } from '../tasks/tasks.service.ts';
import {
  cleanFileName,
  detectType,
  discardFile,
  readStoredFile,
  sha256Of,
  storeFile,
} from './dossiers.files.ts';
import { presentDocument, presentDossier, presentSummary } from './dossiers.presenter.ts';
import { type DossierPersonRow, type DossierRow, dossiersRepo } from './dossiers.repo.ts';
import type {
  AcceptInput,
  AddPersonInput,
  CloseReadingInput,
  CreateInput,
  DecideInput,
  ExecuteInput,
  HearingInput,
  ListQuery,
  NotifyInput,
  SubmitInput,
  UploadQuery,
} from './dossiers.schema.ts';

// The compulsory-rehab dossier from preparation to execution. Every rule (who prepares, which court, the
// reading period, the checklist, the terms) comes from the domain package for the date of each act; this
// file only orders the steps, keeps the row scope and writes each step with its audit entry.

const dossierWord = { vi: 'hồ sơ đề nghị này', en: 'Dossier' };
const documentWord = { vi: 'tài liệu này', en: 'Document' };
const personWord = { vi: 'hồ sơ người này', en: 'Person' };

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function legalContext(trx: Kysely<DB>) {
  const { overrides, adjustments } = await loadLegalContext(trx);
  return { overrides, adjustments };
}

/** The dossier rules on a date, or 422 when no regime covers it; 400 when the act is in the future. */
async function rulesFor(
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

function must(check: { ok: true } | { ok: false; error: Parameters<typeof ruleRefusal>[0] }) {
  if (!check.ok) throw ruleRefusal(check.error);
}

function notBefore(date: string, earliest: string | null, what: Messages, after: Messages) {
  if (earliest) must(checkNotBefore(date, earliest, what, after));
}

async function visibleOrFail(trx: Kysely<DB>, actor: Actor, id: string) {
  const row = await dossiersRepo.findInScope(trx, dossierScopeOf(actor), id);
  if (!row) throw Errors.notFound(dossierWord);
  return row;
}

async function writable(trx: Kysely<DB>, actor: Actor, id: string, version?: number) {
  const row = await visibleOrFail(trx, actor, id);
  assertDossierWriter(actor, row);
  if (version !== undefined && row.version !== version)
    throw Errors.staleVersion(await present(trx, actor, row));
  return row;
}

async function bump(trx: Kysely<DB>, actor: Actor, row: DossierRow, at: string, patch: Partial<DossierRow>) {
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

async function present(trx: Kysely<DB>, actor: Actor, row: DossierRow) {
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
async function nameablePerson(
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

// ---------------------------------------------------------------------------------------------------------
// Reads

export async function listDossiers(deps: AppDeps, actor: Actor, q: ListQuery) {
  authorize(actor, 'dossiers.read');
  return deps.database.db.transaction().execute(async (trx) => {
    const raw = (q.q ?? '').trim();
    const { rows, total } = await dossiersRepo.list(trx, dossierScopeOf(actor), {
      tokens: normalizeVi(raw).split(' ').filter(Boolean),
      status: q.status,
      communeCode: q.communeCode,
      personId: q.personId,
      limit: q.limit,
      offset: q.offset,
    });
    const persons = await dossiersRepo.peopleOf(
      trx,
      rows.map((r) => r.id),
    );
    await auditMany(trx, actor, [
      {
        action: 'dossier.list',
        entityType: 'dossier',
        details: { q: raw || undefined, status: q.status, total, shown: rows.map((r) => r.id) },
      },
    ]);
    return {
      items: rows.map((r) =>
        presentSummary(
          r,
          persons.filter((p) => p.dossier_id === r.id),
        ),
      ),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  });
}

export async function getDossier(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'dossiers.read');
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await visibleOrFail(trx, actor, id);
    await audit(trx, actor, { action: 'dossier.read', entityType: 'dossier', entityId: id });
    return present(trx, actor, row);
  });
}

/** The rules a dossier prepared on `date` follows: for forms and checks in the web app. */
export async function dossierRules(deps: AppDeps, actor: Actor, date: string) {
  authorize(actor, 'dossiers.read');
  return deps.database.db.transaction().execute(async (trx) => {
    const r = await rulesFor(trx, date, 'date', { future: true });
    const { adjustments } = await legalContext(trx);
    return {
      date,
      regimeId: r.regimeId,
      preparer: r.preparer.value,
      court: r.court.value,
      readingPeriodWorkingDays: r.readingPeriodWorkingDays.value,
      readingPeriodVerify: !!r.readingPeriodWorkingDays.verify,
      readingPeriodEndIfNotifiedToday: readingPeriodEnd(date, r, adjustments),
      checklist: r.checklist.items.map((i) => ({ kind: i.kind, required: i.required, label: i.label })),
      checklistVerify: r.checklist.verify,
    };
  });
}

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
      version: 1,
      created_at: at,
      created_by: actor.userId,
      updated_at: at,
      updated_by: actor.userId,
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

// ---------------------------------------------------------------------------------------------------------
// Documents

export type IncomingFile = { filename: string; data: Buffer };

/**
 * Saves one checklist document. The dossier is checked before the file is read (so an out-of-scope user
 * never gets as far as the upload), then again in the transaction that records it.
 */
export async function uploadDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: UploadQuery,
  readFile: () => Promise<IncomingFile>,
) {
  authorize(actor, 'dossiers.write');
  const { db } = deps.database;
  const check = async (trx: Kysely<DB>) => {
    const row = await writable(trx, actor, id);
    must(canEditDocuments(row.status as DossierStatus));
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    if (!persons.some((p) => p.person_id === q.personId))
      throw fieldError(
        'personId',
        'in_dossier',
        'Người này không có trong hồ sơ',
        'This person is not in the dossier',
      );
    return row;
  };
  await db.transaction().execute(check);
  const file = await readFile();
  if (file.data.length === 0) throw fieldError('file', 'not_empty', 'Tệp rỗng', 'The file is empty');
  const originalName = cleanFileName(file.filename);
  const mime = detectType(originalName, file.data);
  const sha256 = sha256Of(file.data);
  const stored = await storeFile(deps.config.dataDir, file.data);
  try {
    return await db.transaction().execute(async (trx) => {
      await check(trx);
      const doc = {
        id: randomUUID(),
        dossier_id: id,
        person_id: q.personId,
        kind: q.kind,
        original_name: originalName,
        stored_name: stored,
        mime_type: mime,
        size_bytes: file.data.length,
        sha256,
        note: q.note || null,
        uploaded_at: deps.now().toISOString(),
        uploaded_by: actor.userId,
        removed_at: null,
        removed_by: null,
      };
      await dossiersRepo.insertDocument(trx, doc);
      await audit(trx, actor, {
        action: 'dossier.document.upload',
        entityType: 'dossier',
        entityId: id,
        details: { documentId: doc.id, personId: q.personId, kind: q.kind, size: doc.size_bytes, sha256 },
      });
      return presentDocument(doc);
    });
  } catch (e) {
    await discardFile(deps.config.dataDir, stored);
    throw e;
  }
}

export async function listDocuments(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'dossiers.read');
  return deps.database.db.transaction().execute(async (trx) => {
    await visibleOrFail(trx, actor, id);
    const docs = await dossiersRepo.documentsOf(trx, id);
    await audit(trx, actor, {
      action: 'dossier.document.list',
      entityType: 'dossier',
      entityId: id,
      details: { shown: docs.map((d) => d.id) },
    });
    return { items: docs.map(presentDocument) };
  });
}

export async function downloadDocument(deps: AppDeps, actor: Actor, id: string, documentId: string) {
  authorize(actor, 'dossiers.read');
  return deps.database.db.transaction().execute(async (trx) => {
    await visibleOrFail(trx, actor, id);
    const doc = await dossiersRepo.document(trx, id, documentId);
    if (!doc) throw Errors.notFound(documentWord);
    const data = await readStoredFile(deps.config.dataDir, doc.stored_name);
    await audit(trx, actor, {
      action: 'dossier.document.download',
      entityType: 'dossier',
      entityId: id,
      details: { documentId, personId: doc.person_id, kind: doc.kind },
    });
    return { doc, data };
  });
}

export async function removeDocument(deps: AppDeps, actor: Actor, id: string, documentId: string) {
  authorize(actor, 'dossiers.write');
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const doc = await dossiersRepo.document(trx, id, documentId);
    if (!doc) throw Errors.notFound(documentWord);
    must(canEditDocuments(row.status as DossierStatus));
    // Kept on disk and in the table (removed_at): what was once in a dossier stays traceable.
    await dossiersRepo.removeDocuments(trx, { dossierId: id, documentId }, at, actor.userId);
    await audit(trx, actor, {
      action: 'dossier.document.remove',
      entityType: 'dossier',
      entityId: id,
      details: { documentId, personId: doc.person_id, kind: doc.kind },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Steps

type StepContext = {
  trx: Kysely<DB>;
  row: DossierRow;
  persons: Awaited<ReturnType<typeof dossiersRepo.peopleOf>>;
  today: string;
  now: Date;
  at: string;
};

/**
 * One step of the state machine: scope, writer, version, transition, then the step's own checks and
 * effects, the versioned update and the audit entry, all in one transaction.
 */
async function step(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  action: DossierAction,
  permission: Action,
  run: (c: StepContext) => Promise<{ patch: Partial<DossierRow>; details?: Record<string, unknown> }>,
  /** A refusal that says more than "wrong step", checked before the transition itself. */
  beforeTransition?: (trx: Kysely<DB>, row: DossierRow) => Promise<void>,
) {
  authorize(actor, permission);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, version);
    if (beforeTransition) await beforeTransition(trx, row);
    must(checkTransition(row.status as DossierStatus, action));
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    const { patch, details } = await run({
      trx,
      row,
      persons,
      today: vnToday(now),
      now,
      at: now.toISOString(),
    });
    await bump(trx, actor, row, now.toISOString(), { status: nextStatus(action), ...patch });
    await audit(trx, actor, {
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: id,
      details: { from: row.status, ...details },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}

const task = (c: StepContext, kind: TaskKind, personId: string, dueDate: string, extra = {}) =>
  createTask(c.trx, {
    kind,
    personId,
    unit: { kind: 'commune', code: c.row.commune_code },
    role: 'commune_police',
    due: { dueDate, ruleKey: null },
    regimeId: c.row.regime_id,
    source: { type: 'dossier', id: c.row.id },
    details: { dossierId: c.row.id, ...extra },
    at: c.now,
  });

const closeFor = (
  c: StepContext,
  actor: Actor,
  kind: TaskKind,
  personIds: string[],
  status: 'done' | 'cancelled' = 'done',
) =>
  Promise.all(
    personIds.map((personId) =>
      closeTasks(
        c.trx,
        { personId, kind },
        { by: { type: 'dossier', id: c.row.id }, userId: actor.userId, at: c.now, status },
      ),
    ),
  );

export async function notify(deps: AppDeps, actor: Actor, id: string, input: NotifyInput) {
  return step(deps, actor, id, input.version, 'notify', 'dossiers.write', async (c) => {
    const rules = await rulesFor(c.trx, input.notifiedOn, 'notifiedOn', { today: c.today });
    notBefore(
      input.notifiedOn,
      c.row.prepared_on,
      { vi: 'thông báo', en: 'the notice' },
      { vi: 'lập hồ sơ', en: 'preparation' },
    );
    const { adjustments } = await legalContext(c.trx);
    const end = readingPeriodEnd(input.notifiedOn, rules, adjustments);
    for (const p of c.persons) await task(c, DOSSIER_TASK_KINDS.readingEnd, p.person_id, end);
    return {
      patch: {
        notified_on: input.notifiedOn,
        reading_days: rules.readingPeriodWorkingDays.value,
        reading_end: end,
      },
      details: { notifiedOn: input.notifiedOn, readingEnd: end },
    };
  });
}

export async function closeReading(deps: AppDeps, actor: Actor, id: string, input: CloseReadingInput) {
  return step(deps, actor, id, input.version, 'close_reading', 'dossiers.write', async (c) => {
    const rules = await rulesFor(c.trx, input.closedOn, 'closedOn', { today: c.today });
    must(checkReadingPeriodOver(c.row.reading_end!, input.closedOn, rules));
    await closeFor(
      c,
      actor,
      DOSSIER_TASK_KINDS.readingEnd,
      c.persons.map((p) => p.person_id),
    );
    return { patch: { reading_closed_on: input.closedOn }, details: { closedOn: input.closedOn } };
  });
}

export async function submit(deps: AppDeps, actor: Actor, id: string, input: SubmitInput) {
  return step(
    deps,
    actor,
    id,
    input.version,
    'submit',
    'dossiers.write',
    async (c) => {
      const rules = await rulesFor(c.trx, input.submittedOn, 'submittedOn', { today: c.today });
      must(checkReadingPeriodOver(c.row.reading_end!, input.submittedOn, rules));
      notBefore(
        input.submittedOn,
        c.row.reading_closed_on,
        { vi: 'chuyển hồ sơ', en: 'submission' },
        { vi: 'hết thời hạn đọc hồ sơ', en: 'the end of the reading period' },
      );
      const docs = await dossiersRepo.documentsOf(c.trx, c.row.id);
      const preparedRules = await rulesFor(c.trx, c.row.prepared_on, 'preparedOn');
      const missing = missingDocuments(
        c.persons.map((p) => p.person_id),
        docs.map((d) => ({ personId: d.person_id, kind: d.kind })),
        preparedRules.checklist,
      );
      const complete = checkChecklistComplete(missing, preparedRules);
      if (!complete.ok) {
        const e = ruleRefusal(complete.error);
        throw Errors.unprocessable(e.code, e.messages, { ...e.extra, missing });
      }
      return {
        patch: {
          submitted_on: input.submittedOn,
          submission_number: input.submissionNumber ?? null,
          // Which court decides follows the date: district courts until 30/06/2025, regional courts after.
          court_authority: rules.court.value,
          court_name: input.courtName,
        },
        details: { submittedOn: input.submittedOn, court: rules.court.value },
      };
    },
    async (trx, row) => {
      // Submitting during the reading period is refused for that reason, not merely as the wrong step.
      if (row.status === 'notified' && row.reading_end && input.submittedOn >= FIRST_REGIME_DATE) {
        const rules = await rulesFor(trx, input.submittedOn, 'submittedOn');
        must(checkReadingPeriodOver(row.reading_end, input.submittedOn, rules));
      }
    },
  );
}

export async function accept(deps: AppDeps, actor: Actor, id: string, input: AcceptInput) {
  return step(deps, actor, id, input.version, 'accept', 'court.record', async (c) => {
    await rulesFor(c.trx, input.acceptedOn, 'acceptedOn', { today: c.today });
    notBefore(
      input.acceptedOn,
      c.row.submitted_on,
      { vi: 'thụ lý', en: 'acceptance' },
      { vi: 'chuyển hồ sơ', en: 'submission' },
    );
    return {
      patch: { accepted_on: input.acceptedOn, court_case_number: input.courtCaseNumber ?? null },
      details: { acceptedOn: input.acceptedOn },
    };
  });
}

export async function scheduleHearing(deps: AppDeps, actor: Actor, id: string, input: HearingInput) {
  return step(deps, actor, id, input.version, 'schedule_hearing', 'court.record', async (c) => {
    await rulesFor(c.trx, input.hearingDate, 'hearingDate', { future: true });
    notBefore(
      input.hearingDate,
      c.row.accepted_on,
      { vi: 'phiên họp', en: 'the hearing' },
      { vi: 'thụ lý', en: 'acceptance' },
    );
    const ids = c.persons.map((p) => p.person_id);
    // A moved hearing replaces the earlier task.
    if (c.row.hearing_date) await closeFor(c, actor, DOSSIER_TASK_KINDS.hearing, ids, 'cancelled');
    for (const p of ids) await task(c, DOSSIER_TASK_KINDS.hearing, p, input.hearingDate);
    return {
      patch: { hearing_date: input.hearingDate, hearing_place: input.hearingPlace ?? null },
      details: { hearingDate: input.hearingDate, previous: c.row.hearing_date },
    };
  });
}

/**
 * The court's decision for every person of the dossier, in one transaction. A rejection or an exemption
 * also ends the person's management while the dossier was pending ('compulsory_pending').
 */
export async function decide(deps: AppDeps, actor: Actor, id: string, input: DecideInput) {
  return step(deps, actor, id, input.version, 'decide', 'court.record', async (c) => {
    await rulesFor(c.trx, input.decidedOn, 'decidedOn', { today: c.today });
    notBefore(
      input.decidedOn,
      c.row.hearing_date,
      { vi: 'quyết định', en: 'the decision' },
      { vi: 'phiên họp', en: 'the hearing' },
    );
    // One outcome per person named in the dossier, no more, no less.
    const named = new Set(c.persons.map((p) => p.person_id));
    const given = new Set<string>();
    for (const [i, o] of input.outcomes.entries()) {
      if (!named.has(o.personId))
        throw fieldError(
          `outcomes.${i}.personId`,
          'in_dossier',
          'Người này không có trong hồ sơ',
          'This person is not in the dossier',
        );
      if (given.has(o.personId))
        throw fieldError(
          `outcomes.${i}.personId`,
          'unique',
          'Người này bị nhập hai lần',
          'Person listed twice',
        );
      given.add(o.personId);
    }
    if (given.size !== named.size)
      throw fieldError(
        'outcomes',
        'all_persons',
        'Cần kết quả cho từng người trong hồ sơ',
        'An outcome is needed for every person in the dossier',
      );

    const results: { personId: string; outcome: CourtOutcome; termMonths: number | null }[] = [];
    for (const [i, o] of input.outcomes.entries()) {
      const person = c.persons.find((p) => p.person_id === o.personId)!;
      const decisionDate = o.decisionDate ?? input.decidedOn;
      const rules = await rulesFor(c.trx, decisionDate, `outcomes.${i}.decisionDate`, { today: c.today });
      notBefore(
        decisionDate,
        c.row.hearing_date,
        { vi: 'quyết định', en: 'the decision' },
        { vi: 'phiên họp', en: 'the hearing' },
      );
      const executable = EXECUTABLE_OUTCOMES.includes(o.outcome);
      if (executable && !o.decisionNumber)
        throw fieldError(
          `outcomes.${i}.decisionNumber`,
          'required',
          'Cần số quyết định của Tòa án',
          'The court decision number is required',
        );
      if (o.postponedUntil && o.outcome !== 'postponed')
        throw fieldError(
          `outcomes.${i}.postponedUntil`,
          'not_applicable',
          'Chỉ ghi khi hoãn chấp hành',
          'Only for a postponement',
        );
      const history = await episodesRepo.forPerson(c.trx, o.personId);
      const checked = checkOutcome(
        {
          outcome: o.outcome,
          termMonths: o.termMonths ?? null,
          birthDate: person.birth_date ?? String(person.birth_year),
          decisionDate,
          priorRehab: priorRehabOf(
            history.map((e) => ({ type: e.type as EpisodeType, start: e.start_date, outcome: e.outcome })),
            decisionDate,
          ),
        },
        rules,
      );
      if (!checked.ok) {
        const e = ruleRefusal(checked.error);
        throw Errors.unprocessable(e.code, e.messages, {
          ...e.extra,
          field: `outcomes.${i}.termMonths`,
          personId: o.personId,
        });
      }
      await dossiersRepo.updatePerson(c.trx, c.row.id, o.personId, {
        status: o.outcome,
        outcome: o.outcome,
        term_months: checked.termMonths,
        decision_number: o.decisionNumber ?? null,
        decision_date: decisionDate,
        decision_signer: o.decisionSigner ?? null,
        postponed_until: o.postponedUntil ?? null,
        outcome_note: o.note ?? null,
      });
      if (executable)
        await task(c, DOSSIER_TASK_KINDS.execution, o.personId, o.postponedUntil ?? decisionDate);
      if (o.outcome === 'rejected' || o.outcome === 'exempted') {
        const pending = history.find(
          (e) => e.type === 'compulsory_pending' && e.outcome === null && e.start_date <= decisionDate,
        );
        if (pending)
          await closeEpisodeIn(
            c.trx,
            actor,
            pending.id,
            {
              version: pending.version,
              outcome: 'completed',
              endDate: decisionDate,
              reason: o.outcome === 'rejected' ? 'court_rejected' : 'court_exempted',
            },
            c.now,
          );
      }
      results.push({ personId: o.personId, outcome: o.outcome, termMonths: checked.termMonths });
    }
    await closeFor(c, actor, DOSSIER_TASK_KINDS.hearing, [...named]);
    return { patch: { decided_on: input.decidedOn }, details: { decidedOn: input.decidedOn, results } };
  });
}

/**
 * Execution and admission of one person ordered into compulsory rehab, in one transaction: opens the
 * 'compulsory' episode through the episodes module (which ends any pending management and counts its time
 * toward the term) and records the execution on the dossier.
 */
export async function execute(deps: AppDeps, actor: Actor, id: string, input: ExecuteInput) {
  authorize(actor, 'dossiers.write');
  const { db } = deps.database;
  const now = deps.now();
  const at = now.toISOString();
  const today = vnToday(now);
  const admittedOn = input.admittedOn ?? input.executedOn;

  const checkAll = async (trx: Kysely<DB>) => {
    const row = await writable(trx, actor, id, input.version);
    must(checkTransition(row.status as DossierStatus, 'execute'));
    const person = (await dossiersRepo.peopleOf(trx, [id])).find((p) => p.person_id === input.personId);
    if (!person)
      throw fieldError(
        'personId',
        'in_dossier',
        'Người này không có trong hồ sơ',
        'This person is not in the dossier',
      );
    if (!EXECUTABLE_OUTCOMES.includes(person.status as CourtOutcome))
      throw Errors.unprocessable('dossier_person_not_executable', {
        vi: 'Chỉ thi hành đối với người mà Tòa án quyết định áp dụng biện pháp và chưa được thi hành',
        en: 'Only a person the court ordered into compulsory rehab, not yet executed, can be executed',
      });
    await rulesFor(trx, input.executedOn, 'executedOn', { today });
    await rulesFor(trx, admittedOn, 'admittedOn', { today });
    notBefore(
      input.executedOn,
      person.decision_date,
      { vi: 'thi hành', en: 'execution' },
      { vi: 'quyết định', en: 'the decision' },
    );
    notBefore(
      input.executedOn,
      person.postponed_until,
      { vi: 'thi hành', en: 'execution' },
      { vi: 'hết thời hạn hoãn', en: 'the end of the postponement' },
    );
    notBefore(
      admittedOn,
      input.executedOn,
      { vi: 'tiếp nhận', en: 'admission' },
      { vi: 'thi hành', en: 'execution' },
    );
    const facility = await dossiersRepo.facility(trx, input.facilityId);
    if (!facility?.active)
      throw fieldError('facilityId', 'facility_exists', 'Cơ sở không tồn tại', 'Unknown facility');
    return { row, person };
  };
  return db.transaction().execute(async (trx) => {
    const { row, person } = await checkAll(trx);
    // The episodes module checks the order against the rules (addiction determination, grounds, term for
    // the age), ends any pending management and starts the term with it when the rules count that time.
    const episode = await openEpisode(
      trx,
      actor,
      input.personId,
      {
        type: 'compulsory',
        startDate: admittedOn,
        termMonths: person.term_months!,
        court: {
          name: row.court_name ?? '',
          decisionNumber: person.decision_number!,
          decisionDate: person.decision_date!,
          ...(person.decision_signer ? { signer: person.decision_signer } : {}),
        },
        facilityId: input.facilityId,
        grounds: [person.ground as CompulsoryGround],
        notes: `Hồ sơ đề nghị ${row.id}`,
      },
      now,
    );
    const episodeId = episode.id;
    await dossiersRepo.updatePerson(trx, id, input.personId, {
      status: 'executed',
      executed_on: input.executedOn,
      admitted_on: admittedOn,
      facility_id: input.facilityId,
      episode_id: episodeId,
    });
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    const status = statusAfterExecution(persons.map((p) => ({ status: p.status as DossierPersonStatus })));
    await closeTasks(
      trx,
      { personId: input.personId, kind: DOSSIER_TASK_KINDS.execution },
      { by: { type: 'episode', id: episodeId }, userId: actor.userId, at: now },
    );
    await bump(trx, actor, row, at, {
      status,
      executed_on: status === 'executed' ? input.executedOn : row.executed_on,
    });
    await audit(trx, actor, {
      action: 'dossier.execute',
      entityType: 'dossier',
      entityId: id,
      details: { personId: input.personId, episodeId, executedOn: input.executedOn, admittedOn, status },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}
