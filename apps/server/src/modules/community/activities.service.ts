import { randomUUID } from 'node:crypto';
import { ACTIVITY_KINDS, type ActivityKind, summariseActivities } from '@hoanhap/domain/community-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { pageQuery } from '../../platform/http/schemas.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { type ActivityRow, activitiesRepo } from './activities.repo.ts';
import {
  assertOwnCommune,
  fieldError,
  json,
  listUnit,
  notFuture,
  personInScope,
  readableOr404,
  words,
  writableOr404,
} from './common.ts';
import { contactsRepo } from './contacts.repo.ts';
import { type TeamRow, teamsRepo } from './teams.repo.ts';
import { unitQuery } from './teams.schema.ts';

const count = z.number().int().min(0).max(1_000_000);
const ids = z.array(z.string().min(1).max(64)).max(500);

const activityFields = {
  heldOn: isoDate,
  place: z.string().trim().min(1).max(300),
  title: z.string().trim().max(300).optional().describe('Topic, e.g. of a briefing or a contest'),
  participants: count.optional().describe('How many took part (volunteers and others)'),
  participantVolunteerIds: ids.optional(),
  peopleReached: count.optional(),
  commitmentsSigned: count.optional(),
  persuadedIntoRehab: count.optional().describe('People persuaded into rehab at or after this activity'),
  persuadedPersonIds: ids.optional().describe('Those of them with a record, where known'),
  note: z.string().trim().max(2000).optional(),
};

export const activityCreateSchema = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  ...activityFields,
  teamId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("Which of the commune's teams held it, when it has several (default: its first team)"),
});
export type ActivityCreate = z.infer<typeof activityCreateSchema>;
export const activityUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  ...Object.fromEntries(Object.entries(activityFields).map(([k, v]) => [k, v.optional()])),
}) as unknown as z.ZodType<Partial<ActivityCreate> & { version: number }>;

export const activityQuerySchema = z.strictObject({
  ...unitQuery.shape,
  kind: z.enum(ACTIVITY_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery(50, 200),
});

export const reportQuerySchema = z.strictObject({
  ...unitQuery.shape,
  from: isoDate,
  to: isoDate,
});

function present(a: ActivityRow) {
  return {
    id: a.id,
    teamId: a.team_id,
    communeCode: a.commune_code,
    kind: a.kind,
    heldOn: a.held_on,
    place: a.place,
    title: a.title,
    participants: a.participants,
    participantVolunteerIds: json<string[]>(a.participant_volunteer_ids, []),
    peopleReached: a.people_reached,
    commitmentsSigned: a.commitments_signed,
    persuadedIntoRehab: a.persuaded_count,
    persuadedPersonIds: json<string[]>(a.persuaded_person_ids, []),
    note: a.note,
    version: a.version,
  };
}

/** Checks the lists and counts of an activity against its team (400 naming the field). */
async function checkActivity(
  trx: Kysely<DB>,
  actor: Actor,
  team: TeamRow,
  a: {
    participantVolunteerIds: string[];
    persuadedPersonIds: string[];
    participants: number;
    persuaded: number;
  },
) {
  const volunteers = await teamsRepo.volunteersByIds(trx, a.participantVolunteerIds);
  a.participantVolunteerIds.forEach((id, i) => {
    if (!volunteers.some((v) => v.id === id && v.team_id === team.id))
      throw fieldError(
        `participantVolunteerIds.${i}`,
        'team_member',
        'Không phải tình nguyện viên của đội',
        'Not a volunteer of the team',
      );
  });
  if (a.participants < a.participantVolunteerIds.length)
    throw fieldError(
      'participants',
      'at_least_listed',
      'Số người tham gia ít hơn danh sách',
      'Fewer participants than listed',
    );
  for (const [i, id] of a.persuadedPersonIds.entries()) {
    try {
      await personInScope(trx, actor, id);
    } catch {
      throw fieldError(`persuadedPersonIds.${i}`, 'person_exists', 'Không tìm thấy hồ sơ', 'Unknown person');
    }
  }
  if (a.persuaded < a.persuadedPersonIds.length)
    throw fieldError(
      'persuadedIntoRehab',
      'at_least_listed',
      'Số người được vận động ít hơn danh sách',
      'Fewer people persuaded than listed',
    );
}

async function ownTeam(trx: Kysely<DB>, actor: Actor, teamId?: string) {
  // A commune may keep several teams (0028): the one named, which must be of the officer's commune.
  if (teamId) {
    const named = await teamsRepo.teamById(trx, teamId);
    if (!named || named.commune_code !== actor.scopeCode)
      throw fieldError('teamId', 'own_team', 'Không phải đội của xã/phường', 'Not a team of your commune');
    return named;
  }
  const team = actor.scopeCode ? await teamsRepo.teamOfCommune(trx, actor.scopeCode) : undefined;
  if (!team)
    throw Errors.conflict('no_team', {
      vi: 'Xã/phường chưa thành lập đội công tác xã hội tình nguyện',
      en: 'The commune has no volunteer team yet',
    });
  return team;
}

export async function createActivity(deps: AppDeps, actor: Actor, input: ActivityCreate) {
  authorize(actor, 'community.write');
  assertOwnCommune(actor, actor.scopeCode);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const team = await ownTeam(trx, actor, input.teamId);
    notFuture('heldOn', input.heldOn, vnToday(now));
    const participantVolunteerIds = [...new Set(input.participantVolunteerIds ?? [])];
    const persuadedPersonIds = [...new Set(input.persuadedPersonIds ?? [])];
    const participants = input.participants ?? participantVolunteerIds.length;
    const persuaded = input.persuadedIntoRehab ?? persuadedPersonIds.length;
    await checkActivity(trx, actor, team, {
      participantVolunteerIds,
      persuadedPersonIds,
      participants,
      persuaded,
    });
    const at = now.toISOString();
    const row: ActivityRow = {
      id: randomUUID(),
      team_id: team.id,
      commune_code: team.commune_code,
      province_code: team.province_code,
      kind: input.kind,
      held_on: input.heldOn,
      place: input.place,
      title: input.title ?? null,
      participants,
      participant_volunteer_ids: JSON.stringify(participantVolunteerIds),
      people_reached: input.peopleReached ?? 0,
      commitments_signed: input.commitmentsSigned ?? 0,
      persuaded_count: persuaded,
      persuaded_person_ids: JSON.stringify(persuadedPersonIds),
      note: input.note ?? null,
      ...createdStamps(actor, at),
    };
    await insertAudited(trx, actor, activitiesRepo.insert, row, {
      action: 'community.activity.create',
      entityType: 'community_activity',
      details: { kind: row.kind },
    });
    return present(row);
  });
}

export async function updateActivity(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: Partial<ActivityCreate> & { version: number },
) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const cur = writableOr404(actor, await activitiesRepo.byId(trx, id), words.activity);
    const team = (await teamsRepo.teamById(trx, cur.team_id))!;
    if (input.heldOn) notFuture('heldOn', input.heldOn, vnToday(now));
    const participantVolunteerIds = input.participantVolunteerIds
      ? [...new Set(input.participantVolunteerIds)]
      : json<string[]>(cur.participant_volunteer_ids, []);
    const persuadedPersonIds = input.persuadedPersonIds
      ? [...new Set(input.persuadedPersonIds)]
      : json<string[]>(cur.persuaded_person_ids, []);
    const participants = input.participants ?? cur.participants;
    const persuaded = input.persuadedIntoRehab ?? cur.persuaded_count;
    await checkActivity(trx, actor, team, {
      participantVolunteerIds,
      persuadedPersonIds,
      participants,
      persuaded,
    });
    const patch: Partial<ActivityRow> = {
      kind: input.kind ?? cur.kind,
      held_on: input.heldOn ?? cur.held_on,
      place: input.place ?? cur.place,
      title: input.title !== undefined ? input.title : cur.title,
      participants,
      participant_volunteer_ids: JSON.stringify(participantVolunteerIds),
      people_reached: input.peopleReached ?? cur.people_reached,
      commitments_signed: input.commitmentsSigned ?? cur.commitments_signed,
      persuaded_count: persuaded,
      persuaded_person_ids: JSON.stringify(persuadedPersonIds),
      note: input.note !== undefined ? input.note : cur.note,
      ...updatedStamps(actor, now),
    };
    if (!(await teamsRepo.versioned(trx, 'community_activities', id, input.version, patch)))
      throw Errors.staleVersion(present(cur));
    await audit(trx, actor, {
      action: 'community.activity.update',
      entityType: 'community_activity',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return present((await activitiesRepo.byId(trx, id))!);
  });
}

export async function getActivity(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'community.read');
  return present(readableOr404(actor, await activitiesRepo.byId(deps.database.db, id), words.activity));
}

export async function listActivities(deps: AppDeps, actor: Actor, q: z.infer<typeof activityQuerySchema>) {
  authorize(actor, 'community.read');
  const unit = listUnit(actor, q);
  const { rows, total } = await activitiesRepo.list(deps.database.db, { ...q, ...unit });
  return { items: rows.map(present), total, limit: q.limit, offset: q.offset };
}

/**
 * The team report of a commune (or all communes of a province) for a period: briefings, people reached,
 * people co-managed (distinct people with a volunteer assignment during the period), people persuaded into
 * rehab, patrols and signed commitments — the figures of the source articles — and the other activities.
 */
export async function teamReport(deps: AppDeps, actor: Actor, q: z.infer<typeof reportQuerySchema>) {
  authorize(actor, 'community.read');
  if (q.from > q.to)
    throw fieldError('to', 'after_from', 'Ngày kết thúc trước ngày bắt đầu', 'The end is before the start');
  const unit = listUnit(actor, q);
  if (!unit.communeCode && !unit.provinceCode)
    throw fieldError(
      'provinceCode',
      'required',
      'Cần chọn xã/phường hoặc tỉnh/thành phố',
      'Choose a commune or province',
    );
  const { db } = deps.database;
  const f = { ...unit, from: q.from, to: q.to };
  const [totals, coManaged, contacts] = await Promise.all([
    activitiesRepo.totalsByKind(db, f),
    teamsRepo.coManagedBetween(db, unit, q.from, q.to),
    contactsRepo.count(db, f),
  ]);
  const counts = summariseActivities(
    totals.map((t) => ({
      kind: t.kind as ActivityKind,
      activities: Number(t.n),
      peopleReached: Number(t.reached ?? 0),
      commitmentsSigned: Number(t.commitments ?? 0),
      persuadedIntoRehab: Number(t.persuaded ?? 0),
    })),
  );
  await audit(db, actor, {
    action: 'community.report',
    entityType: 'community_report',
    details: { ...f },
  });
  return {
    communeCode: unit.communeCode ?? null,
    provinceCode: unit.provinceCode ?? null,
    from: q.from,
    to: q.to,
    briefings: counts.briefings,
    peopleReached: counts.peopleReached,
    peopleCoManaged: coManaged,
    persuadedIntoRehab: counts.persuadedIntoRehab,
    patrols: counts.patrols,
    commitments: counts.commitments,
    outreachEvents: counts.outreachEvents,
    commitmentSignings: counts.commitmentSignings,
    contests: counts.contests,
    otherActivities: counts.otherActivities,
    contacts,
  };
}
