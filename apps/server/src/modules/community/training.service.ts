import { randomUUID } from 'node:crypto';
import { sharePercent } from '@hoanhap/domain/community-rules';
import { tidyName } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { communeCode, isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { createdStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  authorize,
  communityScopeOf,
  ownCommune,
  ownProvince,
  unitScopeOf,
} from '../../platform/policy.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { assertOwnUnit, authorizeAny, communeOrFail, fieldError, listUnit, notFuture } from './common.ts';
import { teamsRepo } from './teams.repo.ts';
import { unitQuery } from './teams.schema.ts';
import { STAFF_ROLES, type TrainingRow, trainingRepo } from './training.repo.ts';

export const trainingCreateSchema = z.strictObject({
  course: z.string().trim().min(1).max(300),
  heldOn: isoDate,
  organiser: z.string().trim().max(200).optional(),
  hours: z.number().int().min(1).max(2000).optional(),
  communeCode: communeCode.optional().describe('A commune training; without it, a province one'),
  attendeeUserIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  attendeeVolunteerIds: z.array(z.string().min(1).max(64)).max(500).default([]),
});
export type TrainingCreate = z.infer<typeof trainingCreateSchema>;

export const trainingQuerySchema = z.strictObject({
  ...unitQuery.shape,
  from: isoDate.optional(),
  to: isoDate.optional(),
});

async function present(db: AppDeps['database']['db'], rows: TrainingRow[]) {
  const attendees = await trainingRepo.attendeesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((t) => ({
    id: t.id,
    course: t.course,
    heldOn: t.held_on,
    organiser: t.organiser,
    hours: t.hours,
    provinceCode: t.province_code,
    communeCode: t.commune_code,
    attendees: attendees
      .filter((a) => a.training_id === t.id)
      .map((a) => ({
        kind: a.kind,
        userId: a.user_id,
        volunteerId: a.volunteer_id,
        name: a.user_name ?? a.volunteer_name ?? null,
      })),
    version: t.version,
  }));
}

export async function createTraining(deps: AppDeps, actor: Actor, input: TrainingCreate) {
  return writeStep(deps, actor, 'community.training', async ({ trx, now }) => {
    let unit: { commune_code: string | null; province_code: string };
    if (input.communeCode) {
      const c = await communeOrFail(trx, input.communeCode);
      unit = { commune_code: c.communeCode, province_code: c.provinceCode };
    } else if (ownProvince(actor)) unit = { commune_code: null, province_code: ownProvince(actor)! };
    else if (ownCommune(actor)) {
      const c = await communeOrFail(trx, ownCommune(actor)!);
      unit = { commune_code: c.communeCode, province_code: c.provinceCode };
    } else throw Errors.forbidden();
    assertOwnUnit(actor, unit);
    notFuture('heldOn', input.heldOn, vnToday(now));
    const userIds = [...new Set(input.attendeeUserIds)];
    const volunteerIds = [...new Set(input.attendeeVolunteerIds)];
    if (!userIds.length && !volunteerIds.length)
      throw fieldError('attendeeUserIds', 'required', 'Cần ghi người tham dự', 'List who attended');
    // Attendees are staff accounts or volunteers inside the recording unit.
    const users = await trainingRepo.users(trx, userIds);
    const unitStaff = new Set(
      await trainingRepo.staffIds(
        trx,
        unit.commune_code ? { communeCode: unit.commune_code } : { provinceCode: unit.province_code },
      ),
    );
    for (const [i, id] of userIds.entries()) {
      const u = users.find((x) => x.id === id);
      if (!u || !STAFF_ROLES.includes(u.role) || !unitStaff.has(id))
        throw fieldError(
          `attendeeUserIds.${i}`,
          'unit_staff',
          'Không phải cán bộ của đơn vị',
          'Not a staff member of the unit',
        );
    }
    const volunteers = await teamsRepo.volunteersByIds(trx, volunteerIds);
    for (const [i, id] of volunteerIds.entries()) {
      const v = volunteers.find((x) => x.id === id);
      if (
        !v ||
        (unit.commune_code ? v.commune_code !== unit.commune_code : v.province_code !== unit.province_code)
      )
        throw fieldError(
          `attendeeVolunteerIds.${i}`,
          'unit_volunteer',
          'Không phải tình nguyện viên của đơn vị',
          'Not a volunteer of the unit',
        );
    }
    const at = now.toISOString();
    const row: TrainingRow = {
      id: randomUUID(),
      province_code: unit.province_code,
      commune_code: unit.commune_code,
      course: tidyName(input.course),
      held_on: input.heldOn,
      organiser: input.organiser ?? null,
      hours: input.hours ?? null,
      ...createdStamps(actor, at),
    };
    await trainingRepo.insert(trx, row);
    await trainingRepo.insertAttendees(trx, [
      ...userIds.map((id) => ({
        id: randomUUID(),
        training_id: row.id,
        kind: 'staff',
        user_id: id,
        volunteer_id: null,
      })),
      ...volunteerIds.map((id) => ({
        id: randomUUID(),
        training_id: row.id,
        kind: 'volunteer',
        user_id: null,
        volunteer_id: id,
      })),
    ]);
    await audit(trx, actor, {
      action: 'community.training.create',
      entityType: 'community_training',
      entityId: row.id,
      details: { staff: userIds.length, volunteers: volunteerIds.length },
    });
    return (await present(trx, [row]))[0];
  });
}

function trainingScope(actor: Actor, q: { communeCode?: string; provinceCode?: string }) {
  authorizeAny(actor, 'community.read', 'community.training');
  if (communityScopeOf(actor).kind === 'none') throw Errors.forbidden();
  return listUnit(actor, q);
}

export async function listTrainings(deps: AppDeps, actor: Actor, q: z.infer<typeof trainingQuerySchema>) {
  const unit = trainingScope(actor, q);
  const { db } = deps.database;
  // A commune sees its own trainings and the province's (which its staff may have attended).
  let rows: TrainingRow[];
  if (unit.communeCode) {
    const c = await communeOrFail(db, unit.communeCode);
    rows = (await trainingRepo.list(db, { provinceCode: c.provinceCode, from: q.from, to: q.to })).filter(
      (r) => r.commune_code === null || r.commune_code === unit.communeCode,
    );
  } else rows = await trainingRepo.list(db, { provinceCode: unit.provinceCode, from: q.from, to: q.to });
  return { items: await present(db, rows) };
}

/** The "share of staff trained" figure (and the volunteers'): trained in [from, to] among those active now. */
export async function trainingShare(
  deps: AppDeps,
  actor: Actor,
  q: { communeCode?: string; provinceCode?: string; from?: string; to?: string },
) {
  const unit = trainingScope(actor, q);
  if (!unit.communeCode && !unit.provinceCode)
    throw fieldError('provinceCode', 'required', 'Cần chọn tỉnh/thành phố', 'Choose a province');
  const { db } = deps.database;
  const from = q.from ?? '0000-01-01';
  const to = q.to ?? vnToday(deps.now());
  const [staff, volunteers, trained] = await Promise.all([
    trainingRepo.staffIds(
      db,
      unit.communeCode ? { communeCode: unit.communeCode } : { provinceCode: unit.provinceCode },
    ),
    teamsRepo.volunteers(db, { ...unit, active: true }),
    trainingRepo.trainedBetween(db, from, to),
  ]);
  const staffTrained = staff.filter((id) => trained.users.has(id)).length;
  const volunteersTrained = volunteers.filter((v) => trained.volunteers.has(v.id)).length;
  return {
    from: q.from ?? null,
    to,
    communeCode: unit.communeCode ?? null,
    provinceCode: unit.provinceCode ?? null,
    staff: { total: staff.length, trained: staffTrained, percent: sharePercent(staffTrained, staff.length) },
    volunteers: {
      total: volunteers.length,
      trained: volunteersTrained,
      percent: sharePercent(volunteersTrained, volunteers.length),
    },
  };
}

/** Staff accounts of the actor's unit who may be recorded as training attendees. */
export async function trainingStaff(deps: AppDeps, actor: Actor) {
  authorize(actor, 'community.training');
  // A commune's or a province's staff; the nation keeps no training list of its own.
  const scope = unitScopeOf(actor, 'community.training');
  const f =
    scope.kind === 'commune'
      ? { communeCode: scope.code }
      : scope.kind === 'province'
        ? { provinceCode: scope.code }
        : null;
  if (!f) throw Errors.forbidden();
  const rows = await trainingRepo.staff(deps.database.db, f);
  return { items: rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.role })) };
}
