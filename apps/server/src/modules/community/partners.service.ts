import { randomUUID } from 'node:crypto';
import {
  canMoveReferral,
  missingResultFields,
  PARTNER_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  type ReferralService,
  type ReferralStatus,
} from '@hoanhap/domain/community-rules';
import { normalizeVi, tidyName } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { communeCode, isoDate } from '@hoanhap/domain/person-schema';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  assertNotOtherCommune,
  authorize,
  communityScopeOf,
  isProvinceUser,
  ownCommune,
} from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { writeStep } from '../shared/write-step.service.ts';
import {
  assertOwnCommune,
  assertOwnUnit,
  auditPeople,
  authorizeAny,
  communeOrFail,
  fieldError,
  listUnit,
  notFuture,
  personInScope,
  unitReadable,
  words,
  writableOr404,
} from './common.ts';
import { type PartnerRow, partnersRepo, type ReferralRow } from './partners.repo.ts';
import { teamsRepo } from './teams.repo.ts';
import { phone, provinceCode, unitQuery } from './teams.schema.ts';

// Partners (employers, cooperatives, vocational training, the Bank for Social Policies and other lenders,
// overseas-labour companies) are kept per province; referrals send a person to a service and follow its
// status (referred → accepted → started → completed, or refused) and result.

const partnerFields = {
  kind: z.enum(PARTNER_KINDS),
  name: z.string().trim().min(1).max(200),
  communeCode: communeCode.optional(),
  address: z.string().trim().max(300).optional(),
  phone: phone.optional(),
  services: z.string().trim().max(1000).optional().describe('What they offer: jobs, courses, loans'),
};
export const partnerCreateSchema = z.strictObject(partnerFields);
export const partnerUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  kind: partnerFields.kind.optional(),
  name: partnerFields.name.optional(),
  address: z.string().trim().max(300).nullable().optional(),
  phone: phone.nullable().optional(),
  services: z.string().trim().max(1000).nullable().optional(),
  active: z.boolean().optional(),
});
export const partnerQuerySchema = z.strictObject({
  provinceCode: provinceCode.optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  q: z.string().max(120).optional(),
  active: z.enum(['true', 'false']).optional(),
});

const resultFields = {
  employerName: z.string().trim().min(1).max(200).optional(),
  jobStartDate: isoDate.optional(),
  loanAmount: z.number().int().min(1).max(10_000_000_000).optional().describe('VND'),
  loanPurpose: z.string().trim().min(1).max(300).optional(),
  courseName: z.string().trim().min(1).max(200).optional(),
  courseCompletedOn: isoDate.optional(),
};
export const referralCreateSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  partnerId: z.string().min(1).max(64).optional(),
  service: z.enum(REFERRAL_SERVICES),
  referredOn: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export const referralStatusSchema = z.strictObject({
  version: z.number().int().min(0),
  status: z.enum(REFERRAL_STATUSES),
  statusOn: isoDate,
  note: z.string().trim().max(2000).optional(),
  ...resultFields,
});
export const referralQuerySchema = z.strictObject({
  ...unitQuery.shape,
  personId: z.string().min(1).max(64).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  service: z.enum(REFERRAL_SERVICES).optional(),
});

function presentPartner(p: PartnerRow) {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    provinceCode: p.province_code,
    communeCode: p.commune_code,
    address: p.address,
    phone: p.phone,
    services: p.services,
    active: !!p.active,
    version: p.version,
  };
}

export function presentReferral(
  r: ReferralRow & { person_name?: string; partner_name?: string | null; partner_kind?: string | null },
) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name ?? null,
    partnerId: r.partner_id,
    partnerName: r.partner_name ?? null,
    partnerKind: r.partner_kind ?? null,
    service: r.service,
    status: r.status,
    referredOn: r.referred_on,
    statusOn: r.status_on,
    result: {
      employerName: r.employer_name,
      jobStartDate: r.job_start_date,
      loanAmount: r.loan_amount,
      loanPurpose: r.loan_purpose,
      courseName: r.course_name,
      courseCompletedOn: r.course_completed_on,
    },
    note: r.note,
    version: r.version,
  };
}

function partnerReadable(actor: Actor, p: PartnerRow | undefined) {
  authorizeAny(actor, 'community.read', 'community.partners');
  if (!p) throw Errors.notFound(words.partner);
  return p;
}

async function actorProvince(db: Kysely<DB>, actor: Actor): Promise<string | null> {
  if (isProvinceUser(actor)) return actor.scopeCode;
  const commune = ownCommune(actor);
  if (commune) return (await communeOrFail(db, commune, 'communeCode')).provinceCode;
  return null;
}

export async function createPartner(deps: AppDeps, actor: Actor, input: z.infer<typeof partnerCreateSchema>) {
  authorize(actor, 'community.partners');
  const now = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const province = await actorProvince(trx, actor);
    if (!province) throw Errors.forbidden();
    const commune = input.communeCode ? await communeOrFail(trx, input.communeCode) : null;
    if (commune && commune.provinceCode !== province)
      throw fieldError(
        'communeCode',
        'commune_in_province',
        'Xã/phường không thuộc tỉnh của bạn',
        'The commune is not in your province',
      );
    assertOwnUnit(actor, {
      province_code: province,
      commune_code: commune?.communeCode ?? ownCommune(actor),
    });
    const name = tidyName(input.name);
    const same = await partnersRepo.byName(trx, province, normalizeVi(name));
    if (same)
      throw Errors.conflict(
        'duplicate_partner',
        { vi: `Đã có đối tác tên "${same.name}"`, en: `A partner named "${same.name}" already exists` },
        { existing: { id: same.id, name: same.name } },
      );
    const row: PartnerRow = {
      id: randomUUID(),
      kind: input.kind,
      name,
      name_search: normalizeVi(name),
      province_code: province,
      commune_code: commune?.communeCode ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      services: input.services ?? null,
      active: 1,
      ...createdStamps(actor, now),
    };
    await insertAudited(trx, actor, partnersRepo.insert, row, {
      action: 'community.partner.create',
      entityType: 'community_partner',
    });
    return presentPartner(row);
  });
}

export async function listPartners(deps: AppDeps, actor: Actor, q: z.infer<typeof partnerQuerySchema>) {
  authorizeAny(actor, 'community.read', 'community.partners');
  const { db } = deps.database;
  const scope = communityScopeOf(actor);
  if (scope.kind === 'none') throw Errors.forbidden();
  const own = scope.kind === 'all' ? null : await actorProvince(db, actor);
  if (own && q.provinceCode && q.provinceCode !== own) throw Errors.forbidden();
  const rows = await partnersRepo.list(db, {
    provinceCode: own ?? q.provinceCode,
    kind: q.kind,
    tokens: q.q ? normalizeVi(q.q).split(' ').filter(Boolean) : [],
    active: q.active === undefined ? undefined : q.active === 'true',
  });
  return { items: rows.map(presentPartner) };
}

async function partnerInScope(db: Kysely<DB>, actor: Actor, id: string) {
  const p = partnerReadable(actor, await partnersRepo.byId(db, id));
  const own = communityScopeOf(actor).kind === 'all' ? null : await actorProvince(db, actor);
  if (own && p.province_code !== own) throw Errors.notFound(words.partner);
  return p;
}

export async function getPartner(deps: AppDeps, actor: Actor, id: string) {
  return presentPartner(await partnerInScope(deps.database.db, actor, id));
}

export async function updatePartner(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof partnerUpdateSchema>,
) {
  return writeStep(deps, actor, 'community.partners', async ({ trx }) => {
    const p = await partnerInScope(trx, actor, id);
    assertNotOtherCommune(actor, p.commune_code);
    const name = input.name !== undefined ? tidyName(input.name) : undefined;
    if (name && normalizeVi(name) !== p.name_search) {
      const same = await partnersRepo.byName(trx, p.province_code, normalizeVi(name));
      if (same)
        throw Errors.conflict('duplicate_partner', {
          vi: `Đã có đối tác tên "${same.name}"`,
          en: `A partner named "${same.name}" already exists`,
        });
    }
    const patch = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(name !== undefined ? { name, name_search: normalizeVi(name) } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.services !== undefined ? { services: input.services } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...updatedStamps(actor, deps.now()),
    };
    if (!(await teamsRepo.versioned(trx, 'community_partners', id, input.version, patch)))
      throw Errors.staleVersion(presentPartner(p));
    await audit(trx, actor, {
      action: 'community.partner.update',
      entityType: 'community_partner',
      entityId: id,
    });
    return presentPartner((await partnersRepo.byId(trx, id))!);
  });
}

async function referralOut(db: Kysely<DB>, id: string) {
  const [r] = await partnersRepo.referrals(db, { id });
  return presentReferral(r!);
}

export async function createReferral(
  deps: AppDeps,
  actor: Actor,
  input: z.infer<typeof referralCreateSchema>,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const person = await personInScope(trx, actor, input.personId);
    assertOwnCommune(actor, person.cur_commune_code);
    notFuture('referredOn', input.referredOn, vnToday(now));
    if (input.partnerId) {
      const p = await partnersRepo.byId(trx, input.partnerId);
      if (!p || p.province_code !== person.province_code || !p.active)
        throw fieldError(
          'partnerId',
          'partner_in_province',
          'Không tìm thấy đối tác trong tỉnh',
          'Unknown partner in the province',
        );
    }
    const at = now.toISOString();
    const row: ReferralRow = {
      id: randomUUID(),
      person_id: person.id,
      commune_code: person.cur_commune_code,
      province_code: person.province_code,
      partner_id: input.partnerId ?? null,
      service: input.service,
      status: 'referred',
      referred_on: input.referredOn,
      status_on: input.referredOn,
      employer_name: null,
      job_start_date: null,
      loan_amount: null,
      loan_purpose: null,
      course_name: null,
      course_completed_on: null,
      note: input.note ?? null,
      ...createdStamps(actor, at),
    };
    await insertAudited(trx, actor, partnersRepo.insertReferral, row, {
      action: 'community.referral.create',
      entityType: 'person',
      entityId: person.id,
      details: { referralId: row.id, service: row.service },
    });
    return referralOut(trx, row.id);
  });
}

export async function moveReferral(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof referralStatusSchema>,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const r = writableOr404(actor, await partnersRepo.referralById(trx, id), words.referral);
    if (r.version !== input.version) throw Errors.staleVersion(await referralOut(trx, id));
    if (!canMoveReferral(r.status as ReferralStatus, input.status))
      throw Errors.conflict('invalid_transition', {
        vi: `Không thể chuyển từ "${r.status}" sang "${input.status}"`,
        en: `Cannot move from "${r.status}" to "${input.status}"`,
      });
    notFuture('statusOn', input.statusOn, vnToday(now));
    if (input.statusOn < r.status_on)
      throw fieldError(
        'statusOn',
        'after_previous',
        'Ngày phải sau lần cập nhật trước',
        'Must follow the previous status date',
      );
    const result = {
      employerName: input.employerName ?? r.employer_name,
      jobStartDate: input.jobStartDate ?? r.job_start_date,
      loanAmount: input.loanAmount ?? r.loan_amount,
      loanPurpose: input.loanPurpose ?? r.loan_purpose,
      courseName: input.courseName ?? r.course_name,
      courseCompletedOn: input.courseCompletedOn ?? r.course_completed_on,
    };
    const missing = missingResultFields(r.service as ReferralService, input.status, result);
    if (missing.length)
      throw Errors.validation(
        missing.map((f) => ({
          field: f,
          rule: 'required_for_status',
          messages: {
            vi: 'Cần ghi kết quả này ở trạng thái đã chọn',
            en: 'This result is required at the chosen status',
          },
        })),
      );
    const ok = await teamsRepo.versioned(trx, 'community_referrals', id, input.version, {
      status: input.status,
      status_on: input.statusOn,
      employer_name: result.employerName,
      job_start_date: result.jobStartDate,
      loan_amount: result.loanAmount,
      loan_purpose: result.loanPurpose,
      course_name: result.courseName,
      course_completed_on: result.courseCompletedOn,
      note: input.note ?? r.note,
      ...updatedStamps(actor, now),
    });
    if (!ok) throw Errors.staleVersion(await referralOut(trx, id));
    await audit(trx, actor, {
      action: 'community.referral.status',
      entityType: 'person',
      entityId: r.person_id,
      details: { referralId: id, from: r.status, to: input.status },
    });
    return referralOut(trx, id);
  });
}

export async function listReferrals(deps: AppDeps, actor: Actor, q: z.infer<typeof referralQuerySchema>) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  if (q.personId) await personInScope(db, actor, q.personId);
  const rows = await partnersRepo.referrals(db, {
    ...listUnit(actor, q),
    personId: q.personId,
    status: q.status,
    service: q.service,
  });
  const shown = rows.filter((r) => unitReadable(actor, r));
  await auditPeople(db, actor, 'community.referral.list', shown);
  return { items: shown.map(presentReferral) };
}
