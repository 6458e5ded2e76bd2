import { randomUUID } from 'node:crypto';
import { normalizeVi, tidyName } from '@hoanhap/domain/normalize';
import type { PersonCreateInput, PersonUpdateInput } from '@hoanhap/domain/person-schema';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit, auditRead } from '../../platform/audit.ts';
import { openIdentities } from '../../platform/break-glass.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  assertCanWriteInCommune,
  authorize,
  personScopeOf,
  readableClasses,
} from '../../platform/policy.ts';
import { syncPerson } from '../episodes/person-status.ts';
import { presentPerson, unitCodesOf } from './people.presenter.ts';
import { type PersonRow, peopleRepo } from './people.repo.ts';
import { syncPersonUnit } from './person-units.ts';

const personWord = { vi: 'hồ sơ người này', en: 'Person' };

async function present(db: Kysely<DB>, actor: Actor, rows: PersonRow[], now = new Date()) {
  const names = await peopleRepo.unitNames(db, unitCodesOf(rows));
  const classes = readableClasses(actor);
  // Need-to-know: a national or province officer sees identity only of the people opened with a reason.
  const open = await openIdentities(
    db,
    actor,
    rows.map((r) => r.id),
    now,
  );
  if (!open) return rows.map((r) => presentPerson(r, classes, names));
  const opened = readableClasses(actor, { brokenGlass: true });
  return rows.map((r) => {
    const until = open.get(r.id);
    const p = presentPerson(r, until ? opened : classes, names);
    if (until) p.identityOpenUntil = until;
    else p.identityHidden = true;
    return p;
  });
}

/** A person with identity fields, for a reader who needs a reason only once it is given (break-glass.service). */
export async function presentOne(db: Kysely<DB>, actor: Actor, row: PersonRow, now: Date) {
  return (await present(db, actor, [row], now))[0];
}

/** Resolves a commune code to its province, or a 400 naming the field. */
async function communeOrFail(db: Kysely<DB>, code: string, field: string) {
  const c = await peopleRepo.communeProvince(db, code);
  if (!c?.province_code) {
    throw Errors.validation([
      {
        field,
        rule: 'unit_exists',
        messages: { vi: 'Mã xã/phường không tồn tại', en: 'Unknown commune code' },
      },
    ]);
  }
  return c.province_code;
}

// The columns a create or an update writes, from validated input.
function columnsOf(input: PersonCreateInput | PersonUpdateInput) {
  const fullName = tidyName(input.fullName);
  const otherNames = (input.otherNames ?? []).map(tidyName);
  return {
    full_name: fullName,
    name_search: normalizeVi(fullName),
    other_names: otherNames.length ? JSON.stringify(otherNames) : null,
    other_names_search: otherNames.length ? otherNames.map(normalizeVi).join(' | ') : null,
    sex: input.sex,
    birth_date: input.birthDate ?? null,
    birth_year: input.birthDate ? Number(input.birthDate.slice(0, 4)) : input.birthYear!,
    citizen_id: input.citizenId || null,
    ethnicity: input.ethnicity ?? null,
    phone: input.phone ?? null,
    occupation: input.occupation ?? null,
    perm_commune_code: input.permanentAddress?.communeCode ?? null,
    perm_detail: input.permanentAddress?.detail ?? null,
    cur_commune_code: input.currentAddress.communeCode,
    cur_detail: input.currentAddress.detail ?? null,
    family_contacts: input.familyContacts?.length ? JSON.stringify(input.familyContacts) : null,
  };
}

async function refuseTakenCitizenId(db: Kysely<DB>, actor: Actor, citizenId: string | null, selfId?: string) {
  if (!citizenId) return;
  const existing = await peopleRepo.findByCitizenId(db, citizenId);
  if (!existing || existing.id === selfId) return;
  const visible = await peopleRepo.findInScope(db, personScopeOf(actor), existing.id);
  throw Errors.conflict(
    'duplicate_citizen_id',
    visible
      ? {
          vi: `Số CCCD này đã có trong hồ sơ của ${visible.full_name}`,
          en: `This citizen ID already belongs to ${visible.full_name}`,
        }
      : {
          vi: 'Số CCCD này đã có hồ sơ ở đơn vị khác',
          en: 'This citizen ID is already recorded by another unit',
        },
    visible ? { existing: { id: visible.id, fullName: visible.full_name } } : {},
  );
}

export async function createPerson(deps: AppDeps, actor: Actor, input: PersonCreateInput) {
  authorize(actor, 'people.create');
  const { db } = deps.database;
  return db.transaction().execute(async (trx) => {
    const provinceCode = await communeOrFail(
      trx,
      input.currentAddress.communeCode,
      'currentAddress.communeCode',
    );
    assertCanWriteInCommune(actor, input.currentAddress.communeCode);
    if (input.permanentAddress)
      await communeOrFail(trx, input.permanentAddress.communeCode, 'permanentAddress.communeCode');
    const cols = columnsOf(input);
    await refuseTakenCitizenId(trx, actor, cols.citizen_id);
    if (!input.confirmPossibleDuplicate) {
      const dups = await peopleRepo.findPossibleDuplicates(trx, {
        nameSearch: cols.name_search,
        birthYear: cols.birth_year,
        birthDate: cols.birth_date,
        provinceCode,
      });
      if (dups.length) {
        const visible = (
          await present(
            trx,
            actor,
            dups.filter((d) => d.cur_commune_code === actor.scopeCode),
          )
        ).map((p) => ({
          id: p.id,
          fullName: p.fullName,
          birthYear: p.birthYear,
          communeName: p.currentAddress.communeName,
        }));
        throw Errors.conflict(
          'possible_duplicate',
          {
            vi: `Có ${dups.length} hồ sơ cùng họ tên và năm sinh trong tỉnh. Kiểm tra lại, nếu đúng là người khác thì xác nhận để lưu.`,
            en: `${dups.length} record(s) with the same name and year of birth exist in the province. Check, and confirm to save if this is a different person.`,
          },
          { candidates: visible, candidateCount: dups.length },
        );
      }
    }
    const now = deps.now().toISOString();
    const row: PersonRow = {
      id: randomUUID(),
      ...cols,
      province_code: provinceCode,
      status: 'registered',
      current_facility_id: null,
      ...createdStamps(actor, now),
    };
    await peopleRepo.insert(trx, row);
    await syncPerson(trx, row.id, deps.now()); // starts the person's dated status history
    await syncPersonUnit(trx, row.id); // …and the dated record of their commune
    await audit(trx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      details: input.confirmPossibleDuplicate ? { confirmedPossibleDuplicate: true } : undefined,
    });
    return (await present(trx, actor, [row]))[0];
  });
}

export async function getPerson(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'people.read');
  const { db } = deps.database;
  // A read: no transaction, its audit entry queued for the batch writer (platform/audit.ts).
  const row = await peopleRepo.findInScope(db, personScopeOf(actor), id);
  if (!row) throw Errors.notFound(personWord);
  await auditRead(db, actor, { action: 'person.read', entityType: 'person', entityId: id });
  return (await present(db, actor, [row], deps.now()))[0];
}

export async function updatePerson(deps: AppDeps, actor: Actor, id: string, input: PersonUpdateInput) {
  authorize(actor, 'people.update');
  const { db } = deps.database;
  return db.transaction().execute(async (trx) => {
    const scope = personScopeOf(actor);
    const current = await peopleRepo.findInScope(trx, scope, id);
    if (!current) throw Errors.notFound(personWord);
    if (current.version !== input.version)
      throw Errors.staleVersion((await present(trx, actor, [current]))[0]);
    if (input.currentAddress.communeCode !== current.cur_commune_code) {
      // Moving a person out of one's own commune is a transfer with its own rules, not an edit.
      assertCanWriteInCommune(actor, input.currentAddress.communeCode);
    }
    const provinceCode = await communeOrFail(
      trx,
      input.currentAddress.communeCode,
      'currentAddress.communeCode',
    );
    if (input.permanentAddress)
      await communeOrFail(trx, input.permanentAddress.communeCode, 'permanentAddress.communeCode');
    const cols = columnsOf(input);
    await refuseTakenCitizenId(trx, actor, cols.citizen_id, id);
    const changed = Object.entries(cols)
      .filter(([k, v]) => (current as any)[k] !== v)
      .map(([k]) => k);
    const ok = await peopleRepo.updateVersioned(trx, id, input.version, {
      ...cols,
      province_code: provinceCode,
      ...updatedStamps(actor, deps.now()),
    });
    if (!ok)
      throw Errors.staleVersion((await present(trx, actor, [(await peopleRepo.findById(trx, id))!]))[0]);
    // A commune changed by an edit corrects the record (a move is a transfer, with its date).
    if (changed.includes('cur_commune_code')) await syncPersonUnit(trx, id);
    await audit(trx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      details: { changed },
    });
    return (await present(trx, actor, [(await peopleRepo.findById(trx, id))!]))[0];
  });
}

export async function searchPeople(
  deps: AppDeps,
  actor: Actor,
  query: { q?: string; communeCode?: string; status?: string; limit: number; offset: number },
) {
  authorize(actor, 'people.read');
  const { db } = deps.database;
  const raw = (query.q ?? '').trim();
  const isCitizenId = /^\d{12}$/.test(raw);
  const tokens = isCitizenId ? [] : normalizeVi(raw).split(' ').filter(Boolean);
  const { rows, total, totalCapped } = await peopleRepo.search(db, personScopeOf(actor), {
    tokens,
    citizenId: isCitizenId ? raw : undefined,
    communeCode: query.communeCode,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  await auditRead(db, actor, {
    action: 'person.search',
    entityType: 'person',
    details: { q: raw || undefined, communeCode: query.communeCode, total, shown: rows.map((r) => r.id) },
  });
  return {
    items: await present(db, actor, rows, deps.now()),
    total,
    totalCapped,
    limit: query.limit,
    offset: query.offset,
  };
}
