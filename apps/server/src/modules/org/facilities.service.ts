import { randomUUID } from 'node:crypto';
import { normalizeVi, tidyName } from '@hoanhap/domain/normalize';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { type FacilityRow, facilitiesRepo } from './facilities.repo.ts';
import type { FacilityCreateInput, FacilityQuery, FacilityUpdateInput } from './facilities.schema.ts';
import { orgRepo } from './org.repo.ts';
import { currentUnitOrFail } from './org.service.ts';

const facilityWord = { vi: 'cơ sở', en: 'Facility' };

async function present(db: Kysely<DB>, rows: FacilityRow[]) {
  const names = await orgRepo.latestVersions(
    db,
    rows.flatMap((r) => [r.province_code, r.commune_code].filter((c): c is string => !!c)),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    provinceCode: r.province_code,
    provinceName: names.get(r.province_code)?.name ?? null,
    communeCode: r.commune_code,
    communeName: r.commune_code ? (names.get(r.commune_code)?.name ?? null) : null,
    address: r.address,
    phone: r.phone,
    active: !!r.active,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Checks the province and commune are in force and the commune lies in the province (400 naming the field). */
async function checkPlace(db: Kysely<DB>, provinceCode: string, communeCode: string | null, kind: string) {
  await currentUnitOrFail(db, provinceCode, 'province', 'provinceCode');
  if (communeCode) {
    const c = await currentUnitOrFail(db, communeCode, 'commune', 'communeCode');
    if (c.province_code !== provinceCode)
      throw Errors.validation([
        {
          field: 'communeCode',
          rule: 'commune_in_province',
          messages: {
            vi: 'Xã/phường không thuộc tỉnh/thành phố đã chọn',
            en: 'The commune is not in the chosen province',
          },
        },
      ]);
  } else if (kind === 'health_station') {
    throw Errors.validation([
      {
        field: 'communeCode',
        rule: 'required',
        messages: { vi: 'Trạm y tế phải thuộc một xã/phường', en: 'A health station belongs to a commune' },
      },
    ]);
  }
}

async function refuseDuplicateName(
  db: Kysely<DB>,
  provinceCode: string,
  nameSearch: string,
  selfId?: string,
) {
  const same = (await facilitiesRepo.findByName(db, provinceCode, nameSearch)).find((f) => f.id !== selfId);
  if (same)
    throw Errors.conflict(
      'duplicate_facility',
      {
        vi: `Tỉnh/thành phố này đã có cơ sở tên "${same.name}"`,
        en: `This province already has a facility named "${same.name}"`,
      },
      { existing: { id: same.id, name: same.name } },
    );
}

/** Facilities are not personal data: any logged-in user may list them. */
export async function listFacilities(deps: AppDeps, query: FacilityQuery) {
  const { db } = deps.database;
  const { rows, total } = await facilitiesRepo.list(db, {
    provinceCode: query.provinceCode,
    communeCode: query.communeCode,
    kind: query.kind,
    tokens: query.q ? normalizeVi(query.q).split(' ').filter(Boolean) : [],
    active: query.active === undefined ? undefined : query.active === 'true',
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await present(db, rows), total, limit: query.limit, offset: query.offset };
}

export async function getFacility(deps: AppDeps, id: string) {
  const { db } = deps.database;
  const row = await facilitiesRepo.findById(db, id);
  if (!row) throw Errors.notFound(facilityWord);
  return (await present(db, [row]))[0];
}

export async function createFacility(deps: AppDeps, actor: Actor, input: FacilityCreateInput) {
  authorize(actor, 'facilities.manage');
  const { db } = deps.database;
  return db.transaction().execute(async (trx) => {
    const communeCode = input.communeCode ?? null;
    await checkPlace(trx, input.provinceCode, communeCode, input.kind);
    const name = tidyName(input.name);
    await refuseDuplicateName(trx, input.provinceCode, normalizeVi(name));
    const now = deps.now().toISOString();
    const row: FacilityRow = {
      id: randomUUID(),
      name,
      name_search: normalizeVi(name),
      kind: input.kind,
      province_code: input.provinceCode,
      commune_code: communeCode,
      address: input.address ? tidyName(input.address) : null,
      phone: input.phone || null,
      active: input.active ? 1 : 0,
      version: 1,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
      updated_by: actor.userId,
    };
    await facilitiesRepo.insert(trx, row);
    await audit(trx, actor, { action: 'facility.create', entityType: 'facility', entityId: row.id });
    return (await present(trx, [row]))[0];
  });
}

export async function updateFacility(deps: AppDeps, actor: Actor, id: string, input: FacilityUpdateInput) {
  authorize(actor, 'facilities.manage');
  const { db } = deps.database;
  return db.transaction().execute(async (trx) => {
    const cur = await facilitiesRepo.findById(trx, id);
    if (!cur) throw Errors.notFound(facilityWord);
    if (cur.version !== input.version) throw Errors.staleVersion((await present(trx, [cur]))[0]);
    const next = {
      name: input.name !== undefined ? tidyName(input.name) : cur.name,
      kind: input.kind ?? cur.kind,
      province_code: input.provinceCode ?? cur.province_code,
      commune_code: input.communeCode !== undefined ? input.communeCode : cur.commune_code,
      address: input.address !== undefined ? (input.address ? tidyName(input.address) : null) : cur.address,
      phone: input.phone !== undefined ? input.phone || null : cur.phone,
      active: input.active !== undefined ? (input.active ? 1 : 0) : cur.active,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== cur[k]);
    if (changed.some((k) => k === 'province_code' || k === 'commune_code' || k === 'kind'))
      await checkPlace(trx, next.province_code, next.commune_code, next.kind);
    if (changed.some((k) => k === 'name' || k === 'province_code'))
      await refuseDuplicateName(trx, next.province_code, normalizeVi(next.name), id);
    if (!changed.length) return (await present(trx, [cur]))[0];
    const now = deps.now().toISOString();
    const ok = await facilitiesRepo.updateVersioned(trx, id, cur.version, {
      ...next,
      name_search: normalizeVi(next.name),
      updated_at: now,
      updated_by: actor.userId,
    });
    if (!ok) {
      const fresh = await facilitiesRepo.findById(trx, id);
      throw Errors.staleVersion(fresh ? (await present(trx, [fresh]))[0] : null);
    }
    await audit(trx, actor, {
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      details: { fields: changed },
    });
    return (await present(trx, [(await facilitiesRepo.findById(trx, id))!]))[0];
  });
}
