import { randomUUID } from 'node:crypto';
import type { EpisodeType } from '@hoanhap/domain/episode-types';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { FIRST_REGIME_DATE, type RegimeRules, rulesOn } from '@hoanhap/domain/legal-regimes';
import { normalizeVi, tidyName } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { checkLicenceIssuer, checkPlacement } from '@hoanhap/domain/placement-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { loadLegalContext } from '../legal/legal-context.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { type FacilityLicenceRow, type FacilityRow, facilitiesRepo } from './facilities.repo.ts';
import type {
  FacilityCreateInput,
  FacilityQuery,
  FacilityUpdateInput,
  LicenceInput,
  LicenceUpdateInput,
} from './facilities.schema.ts';
import { orgRepo } from './org.repo.ts';
import { currentUnitOrFail } from './org.service.ts';

const facilityWord = { vi: 'cơ sở', en: 'Facility' };
const licenceWord = { vi: 'giấy phép', en: 'Licence' };

const presentLicence = (l: FacilityLicenceRow) => ({
  id: l.id,
  number: l.number,
  issuedOn: l.issued_on,
  issuer: l.issuer,
  issuerRole: l.issuer_role,
  scope: l.scope,
  validUntil: l.valid_until,
  version: l.version,
});

async function present(db: Kysely<DB>, rows: FacilityRow[]) {
  const names = await orgRepo.latestVersions(
    db,
    rows.flatMap((r) => [r.province_code, r.commune_code].filter((c): c is string => !!c)),
  );
  const licences = new Map<string, FacilityLicenceRow[]>();
  for (const l of await facilitiesRepo.licences(
    db,
    rows.filter((r) => r.kind === 'rehab_private').map((r) => r.id),
  ))
    licences.set(l.facility_id, [...(licences.get(l.facility_id) ?? []), l]);
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
    licences: (licences.get(r.id) ?? []).map(presentLicence),
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

/** 400 naming a licence field. */
function licenceError(field: string, rule: string, vi: string, en: string) {
  return Errors.validation([{ field, rule, messages: { vi, en } }]);
}

/**
 * A private rehab facility needs its operating licence (Law 120/2025/QH15; Decree 116/2021 Art. 9–15); other kinds
 * hold none. `hasLicence` says whether one is already recorded.
 */
function checkLicenceNeed(kind: string, licence: LicenceInput | undefined, hasLicence: boolean) {
  if (kind === 'rehab_private' && !licence && !hasLicence)
    throw licenceError(
      'licence',
      'required',
      'Cơ sở cai nghiện ma túy tư nhân phải có giấy phép hoạt động (số, ngày cấp, người cấp, phạm vi, thời hạn)',
      'A private rehab facility needs its operating licence (number, date, issuer, scope, validity)',
    );
  if (kind !== 'rehab_private' && licence)
    throw licenceError(
      'licence',
      'private_only',
      'Chỉ cơ sở cai nghiện ma túy tư nhân ghi giấy phép hoạt động',
      'Only a private rehab facility records an operating licence',
    );
}

/** Dates of a licence: issued on or before today, valid until on or after the issue (400 naming the field). */
function checkLicenceDates(issuedOn: string, validUntil: string, today: string, prefix = 'licence.') {
  if (issuedOn > today)
    throw licenceError(
      `${prefix}issuedOn`,
      'not_future',
      'Ngày cấp giấy phép ở tương lai',
      'The licence date is in the future',
    );
  if (validUntil < issuedOn)
    throw licenceError(
      `${prefix}validUntil`,
      'after_issue',
      'Ngày hết hiệu lực phải từ ngày cấp trở đi',
      'The licence cannot end before it is issued',
    );
}

/**
 * The licensing authority the rule in force on the issue date names (with the administrator's overrides), after
 * checking the issuer line names it (400 naming the issuer field); null when no regime covers the date.
 */
async function licenserOn(trx: Kysely<DB>, issuer: string, issuedOn: string, field: string) {
  if (issuedOn < FIRST_REGIME_DATE) return null;
  let rules: RegimeRules;
  try {
    rules = rulesOn(issuedOn, (await loadLegalContext(trx)).overrides);
  } catch {
    return null;
  }
  const check = checkLicenceIssuer(issuer, issuedOn, rules);
  if (!check.ok) throw licenceError(field, 'licenser', check.error.vi, check.error.en);
  return rules.privateFacilityLicenser.value;
}

async function insertLicence(
  trx: Kysely<DB>,
  actor: Actor,
  facilityId: string,
  l: LicenceInput,
  at: string,
  prefix = 'licence.',
) {
  const row: FacilityLicenceRow = {
    id: randomUUID(),
    facility_id: facilityId,
    number: l.number.trim(),
    issued_on: l.issuedOn,
    issuer: tidyName(l.issuer),
    issuer_role: await licenserOn(trx, l.issuer, l.issuedOn, `${prefix}issuer`),
    scope: l.scope.trim(),
    valid_until: l.validUntil,
    ...createdStamps(actor, at),
  };
  await facilitiesRepo.insertLicence(trx, row);
  return row;
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
    checkLicenceNeed(input.kind, input.licence, false);
    if (input.licence)
      checkLicenceDates(input.licence.issuedOn, input.licence.validUntil, vnToday(deps.now()));
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
      ...createdStamps(actor, now),
    };
    await facilitiesRepo.insert(trx, row);
    const licence = input.licence ? await insertLicence(trx, actor, row.id, input.licence, now) : null;
    await audit(trx, actor, {
      action: 'facility.create',
      entityType: 'facility',
      entityId: row.id,
      ...(licence && { details: { licenceId: licence.id, licenceNumber: licence.number } }),
    });
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
    const hasLicence = (await facilitiesRepo.licences(trx, [id])).length > 0;
    checkLicenceNeed(next.kind, input.licence, hasLicence);
    if (input.licence)
      checkLicenceDates(input.licence.issuedOn, input.licence.validUntil, vnToday(deps.now()));
    if (!changed.length && !input.licence) return (await present(trx, [cur]))[0];
    const now = deps.now().toISOString();
    const ok = await facilitiesRepo.updateVersioned(trx, id, cur.version, {
      ...next,
      name_search: normalizeVi(next.name),
      ...updatedStamps(actor, now),
    });
    if (!ok) {
      const fresh = await facilitiesRepo.findById(trx, id);
      throw Errors.staleVersion(fresh ? (await present(trx, [fresh]))[0] : null);
    }
    const licence = input.licence ? await insertLicence(trx, actor, id, input.licence, now) : null;
    await audit(trx, actor, {
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      details: { fields: changed, ...(licence && { licenceId: licence.id, licenceNumber: licence.number }) },
    });
    return (await present(trx, [(await facilitiesRepo.findById(trx, id))!]))[0];
  });
}

/** Records a further licence (a renewal) of a private rehab facility; the facility's version is not bumped. */
export async function addLicence(deps: AppDeps, actor: Actor, facilityId: string, input: LicenceInput) {
  return writeStep(deps, actor, 'facilities.manage', async ({ trx }) => {
    const cur = await facilitiesRepo.findById(trx, facilityId);
    if (!cur) throw Errors.notFound(facilityWord);
    if (cur.kind !== 'rehab_private')
      throw licenceError(
        'kind',
        'private_only',
        'Chỉ cơ sở cai nghiện ma túy tư nhân ghi giấy phép hoạt động',
        'Only a private rehab facility records an operating licence',
      );
    checkLicenceDates(input.issuedOn, input.validUntil, vnToday(deps.now()), '');
    const licence = await insertLicence(trx, actor, facilityId, input, deps.now().toISOString(), '');
    await audit(trx, actor, {
      action: 'facility.licence.create',
      entityType: 'facility',
      entityId: facilityId,
      details: { licenceId: licence.id, licenceNumber: licence.number },
    });
    return (await present(trx, [cur]))[0];
  });
}

/** Corrects a licence as written (optimistic: a stale version gets 409 with the current licence). */
export async function updateLicence(
  deps: AppDeps,
  actor: Actor,
  facilityId: string,
  licenceId: string,
  input: LicenceUpdateInput,
) {
  return writeStep(deps, actor, 'facilities.manage', async ({ trx }) => {
    const facility = await facilitiesRepo.findById(trx, facilityId);
    if (!facility) throw Errors.notFound(facilityWord);
    const cur = await facilitiesRepo.findLicence(trx, facilityId, licenceId);
    if (!cur) throw Errors.notFound(licenceWord);
    if (cur.version !== input.version) throw Errors.staleVersion(presentLicence(cur));
    const next = {
      number: input.number?.trim() ?? cur.number,
      issued_on: input.issuedOn ?? cur.issued_on,
      issuer: input.issuer !== undefined ? tidyName(input.issuer) : cur.issuer,
      scope: input.scope?.trim() ?? cur.scope,
      valid_until: input.validUntil ?? cur.valid_until,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== cur[k]);
    if (changed.length) {
      checkLicenceDates(next.issued_on, next.valid_until, vnToday(deps.now()), '');
      const ok = await facilitiesRepo.updateLicenceVersioned(trx, licenceId, cur.version, {
        ...next,
        issuer_role: await licenserOn(trx, next.issuer, next.issued_on, 'issuer'),
        ...updatedStamps(actor, deps.now()),
      });
      if (!ok) {
        const fresh = await facilitiesRepo.findLicence(trx, facilityId, licenceId);
        throw Errors.staleVersion(fresh ? presentLicence(fresh) : null);
      }
      await audit(trx, actor, {
        action: 'facility.licence.update',
        entityType: 'facility',
        entityId: facilityId,
        details: { licenceId, fields: changed },
      });
    }
    return (await present(trx, [facility]))[0];
  });
}

/**
 * Refuses a placement the facility may not take on the date (422 naming `facilityId`, with the rule's code and
 * basis): its kind does not serve this pathway for this person, or a private facility has no licence valid then.
 */
export async function assertPlacement(
  trx: Kysely<DB>,
  facilityId: string,
  p: { episodeType: EpisodeType; date: string; birthDate: string | null; rules: RegimeRules },
) {
  const facility = await facilitiesRepo.findById(trx, facilityId);
  if (!facility) throw Errors.notFound(facilityWord);
  const licences = facility.kind === 'rehab_private' ? await facilitiesRepo.licences(trx, [facility.id]) : [];
  const check = checkPlacement({
    episodeType: p.episodeType,
    facility: {
      kind: facility.kind,
      name: facility.name,
      licences: licences.map((l) => ({ number: l.number, issuedOn: l.issued_on, validUntil: l.valid_until })),
    },
    date: p.date,
    birthDate: p.birthDate,
    rules: p.rules,
  });
  if (check.ok) return;
  const { code, vi, en, basis = [] } = check.error;
  throw new AppError(
    code.toLowerCase(),
    422,
    { vi, en },
    [{ field: 'facilityId', rule: code, messages: { vi, en } }],
    {
      rule: code,
      facilityKind: facility.kind,
      basis: basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    },
  );
}
