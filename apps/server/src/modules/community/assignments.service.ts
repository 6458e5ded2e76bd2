import { randomUUID } from 'node:crypto';
import { isAssignmentGap } from '@hoanhap/domain/community-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { writeStep } from '../shared/write-step.service.ts';
import {
  assertOwnCommune,
  auditPeople,
  fieldError,
  listUnit,
  personInScope,
  words,
  writableOr404,
} from './common.ts';
import { type AssignmentRow, teamsRepo, type VolunteerRow } from './teams.repo.ts';
import type { AssignmentCreate, AssignmentEnd, AssignmentQuery } from './teams.schema.ts';
import { currentRule } from './teams.service.ts';

// A volunteer takes on one or more people; the commune officer assigns and ends. When the volunteer has an
// account, each active assignment also has a row in volunteer_assignments: that row is what personScopeOf
// ('assigned') reads, so the account sees exactly its current people and nobody else.

function present(
  a: AssignmentRow & { person_name?: string; volunteer_name?: string; organisation?: string },
) {
  return {
    id: a.id,
    volunteerId: a.volunteer_id,
    volunteerName: a.volunteer_name ?? null,
    organisation: a.organisation ?? null,
    personId: a.person_id,
    personName: a.person_name ?? null,
    communeCode: a.commune_code,
    startedOn: a.started_on,
    endedOn: a.ended_on,
    endReason: a.end_reason,
    active: a.ended_on === null,
    version: a.version,
  };
}

async function presentOne(trx: Kysely<DB>, id: string) {
  const [row] = await teamsRepo.assignments(trx, { id });
  return present(row ?? (await teamsRepo.assignmentById(trx, id))!);
}

async function openAccess(trx: Kysely<DB>, a: AssignmentRow, userId: string, by: string | null) {
  const accessId = randomUUID();
  await teamsRepo.insertAccess(trx, {
    id: accessId,
    person_id: a.person_id,
    user_id: userId,
    started_at: a.started_on,
    ended_at: null,
    assigned_by: by,
  });
  await teamsRepo.setAccessId(trx, a.id, accessId);
}

/** Re-grants access after a volunteer's account changed: the old account loses it, the new one gets it. */
export async function grantAccess(trx: Kysely<DB>, v: VolunteerRow, now: Date): Promise<void> {
  const active = await teamsRepo.activeOfVolunteer(trx, v.id);
  await teamsRepo.endAccess(trx, accessIds(active), now.toISOString());
  for (const a of active) {
    if (v.user_id) await openAccess(trx, a, v.user_id, null);
    else await teamsRepo.setAccessId(trx, a.id, null);
  }
}

/** Ends every active assignment of a volunteer (they left); returns how many. */
export async function endAssignmentsOf(
  trx: Kysely<DB>,
  actor: Actor,
  volunteerId: string,
  endedOn: string,
  reason: string,
  now: Date,
): Promise<number> {
  const active = await teamsRepo.activeOfVolunteer(trx, volunteerId);
  await endAssignments(trx, actor, active, endedOn, reason, now);
  return active.length;
}

/**
 * Ends every active assignment of a person (they moved to another commune), with their access rows, one audit
 * entry each. Runs inside the caller's transaction; returns the ended assignment ids.
 */
export async function endAssignmentsOfPerson(
  trx: Kysely<DB>,
  actor: Actor,
  personId: string,
  endedOn: string,
  reason: string,
  now: Date,
): Promise<string[]> {
  const active = await teamsRepo.activeOfPerson(trx, personId);
  await endAssignments(trx, actor, active, endedOn, reason, now);
  for (const a of active)
    await audit(trx, actor, {
      action: 'community.assignment.end',
      entityType: 'person',
      entityId: personId,
      reason,
      details: { assignmentId: a.id, volunteerId: a.volunteer_id, cause: 'transfer' },
    });
  return active.map((a) => a.id);
}

/** Ends assignments on a day (never before each one started) and closes the access rows they opened. */
async function endAssignments(
  trx: Kysely<DB>,
  actor: Actor,
  active: AssignmentRow[],
  endedOn: string,
  reason: string,
  now: Date,
) {
  for (const a of active)
    await teamsRepo.endAssignment(trx, a.id, a.version, {
      ended_on: endedOn < a.started_on ? a.started_on : endedOn,
      end_reason: reason,
      ...updatedStamps(actor, now),
    });
  await teamsRepo.endAccess(trx, accessIds(active), now.toISOString());
}

const accessIds = (rows: AssignmentRow[]) => rows.map((a) => a.access_id).filter((x): x is string => !!x);

export async function createAssignment(deps: AppDeps, actor: Actor, input: AssignmentCreate) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const v = await teamsRepo.volunteerById(trx, input.volunteerId);
    if (!v) throw fieldError('volunteerId', 'exists', 'Không tìm thấy tình nguyện viên', 'Unknown volunteer');
    assertOwnCommune(actor, v.commune_code);
    if (!v.active)
      throw fieldError(
        'volunteerId',
        'active',
        'Tình nguyện viên đã nghỉ',
        'The volunteer is no longer active',
      );
    const person = await personInScope(trx, actor, input.personId);
    if (person.cur_commune_code !== v.commune_code)
      throw fieldError(
        'personId',
        'same_commune',
        'Người được giúp đỡ phải cư trú tại xã/phường của đội',
        "The person must live in the team's commune",
      );
    if (input.startedOn > vnToday(now))
      throw fieldError(
        'startedOn',
        'not_future',
        'Ngày phân công không được ở tương lai',
        'The start cannot be in the future',
      );
    const existing = await teamsRepo.activeAssignment(trx, v.id, person.id);
    if (existing)
      throw Errors.conflict(
        'already_assigned',
        { vi: 'Tình nguyện viên đang giúp đỡ người này', en: 'The volunteer already helps this person' },
        { existing: { id: existing.id } },
      );
    const at = now.toISOString();
    const row: AssignmentRow = {
      id: randomUUID(),
      volunteer_id: v.id,
      person_id: person.id,
      commune_code: v.commune_code,
      province_code: v.province_code,
      started_on: input.startedOn,
      ended_on: null,
      end_reason: null,
      access_id: null,
      ...createdStamps(actor, at),
    };
    await teamsRepo.insertAssignment(trx, row);
    if (v.user_id) await openAccess(trx, row, v.user_id, actor.userId);
    await audit(trx, actor, {
      action: 'community.assignment.create',
      entityType: 'person',
      entityId: person.id,
      details: { assignmentId: row.id, volunteerId: v.id },
    });
    return presentOne(trx, row.id);
  });
}

export async function endAssignment(deps: AppDeps, actor: Actor, id: string, input: AssignmentEnd) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const a = writableOr404(actor, await teamsRepo.assignmentById(trx, id), words.assignment);
    if (a.ended_on)
      throw Errors.conflict('assignment_ended', {
        vi: 'Phân công đã kết thúc',
        en: 'The assignment has already ended',
      });
    if (input.endedOn < a.started_on || input.endedOn > vnToday(now))
      throw fieldError(
        'endedOn',
        'in_range',
        'Ngày kết thúc phải từ ngày phân công đến hôm nay',
        'The end must be between the start and today',
      );
    const ok = await teamsRepo.endAssignment(trx, id, input.version, {
      ended_on: input.endedOn,
      end_reason: input.reason ?? null,
      ...updatedStamps(actor, now),
    });
    if (!ok) throw Errors.staleVersion(await presentOne(trx, id));
    if (a.access_id) await teamsRepo.endAccess(trx, [a.access_id], now.toISOString());
    await audit(trx, actor, {
      action: 'community.assignment.end',
      entityType: 'person',
      entityId: a.person_id,
      reason: input.reason ?? null,
      details: { assignmentId: id },
    });
    return presentOne(trx, id);
  });
}

export async function listAssignments(deps: AppDeps, actor: Actor, q: AssignmentQuery) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const rows = await teamsRepo.assignments(db, {
    ...listUnit(actor, q),
    volunteerId: q.volunteerId,
    personId: q.personId,
    active: q.active === undefined ? undefined : q.active === 'true',
  });
  await auditPeople(db, actor, 'community.assignment.list', rows);
  return { items: rows.map(present) };
}

// People the commune supports in the community (not those in a facility, nor those whose management ended):
// without an active assignment they are the other half of the gap list.
export const STATUSES_NEEDING_SUPPORT = [
  'registered',
  'drug_user_managed',
  'addicted',
  'community_rehab',
  'compulsory_pending',
  'substitution_therapy',
  'post_rehab',
  'relapsed',
] as const;

/**
 * The gap list: active volunteers who help fewer people than the rule asks ("each helps at least one"), and
 * people of the commune who need support but have no volunteer.
 */
export async function assignmentGaps(
  deps: AppDeps,
  actor: Actor,
  q: { communeCode?: string; provinceCode?: string },
) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const unit = listUnit(actor, q);
  const rule = await currentRule(db);
  const [volunteers, counts, people] = await Promise.all([
    teamsRepo.volunteers(db, { ...unit, active: true }),
    teamsRepo.activeCounts(db, unit),
    teamsRepo.peopleWithoutVolunteer(db, unit, STATUSES_NEEDING_SUPPORT),
  ]);
  await auditPeople(db, actor, 'community.assignment_gaps.read', people);
  const gaps = volunteers
    .map((v) => ({ v, n: counts.get(v.id) ?? 0 }))
    .filter(({ n }) => isAssignmentGap({ active: true, assignedPeople: n }, rule));
  return {
    rule,
    activeVolunteers: volunteers.length,
    items: gaps.map(({ v, n }) => ({
      volunteerId: v.id,
      fullName: v.full_name,
      organisation: v.organisation,
      communeCode: v.commune_code,
      teamId: v.team_id,
      assignedPeople: n,
      missing: rule.minPeoplePerVolunteer - n,
    })),
    peopleWithoutVolunteer: people.map((p) => ({
      personId: p.person_id,
      fullName: p.full_name,
      status: p.status,
      communeCode: p.cur_commune_code,
    })),
  };
}
