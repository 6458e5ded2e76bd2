import { randomUUID } from 'node:crypto';
import { CLUB_MEETING_KINDS, CLUB_MEMBER_KINDS } from '@hoanhap/domain/community-rules';
import { tidyName } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { type ClubRow, clubsRepo, type MeetingRow, type MemberRow } from './clubs.repo.ts';
import {
  assertOwnCommune,
  communeOrFail,
  fieldError,
  listUnit,
  notFuture,
  personInScope,
  readableOr404,
  words,
  writableOr404,
} from './common.ts';
import { teamsRepo } from './teams.repo.ts';
import { phone, unitQuery } from './teams.schema.ts';

// Support clubs (CLB hỗ trợ người sau cai nghiện): members are people after rehab, their families and
// collaborators; meetings have a topic and attendance; relapse-prevention sessions are meetings of that kind.

export const clubCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  foundedOn: isoDate,
  notes: z.string().trim().max(2000).optional(),
});
export const clubUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export const clubQuerySchema = z.strictObject({
  ...unitQuery.shape,
});
export const memberCreateSchema = z.strictObject({
  kind: z.enum(CLUB_MEMBER_KINDS),
  personId: z.string().min(1).max(64).optional().describe("Required for kind 'person'"),
  name: z.string().trim().min(1).max(120).optional().describe('Family members and collaborators'),
  phone: phone.optional(),
  relation: z.string().trim().max(50).optional(),
  joinedOn: isoDate,
});
export const memberLeaveSchema = z.strictObject({ leftOn: isoDate });
export const meetingCreateSchema = z.strictObject({
  heldOn: isoDate,
  kind: z.enum(CLUB_MEETING_KINDS),
  topic: z.string().trim().min(1).max(300),
  place: z.string().trim().max(300).optional(),
  attendeeMemberIds: z.array(z.string().min(1).max(64)).max(500),
  guests: z.number().int().min(0).max(10_000).optional(),
  note: z.string().trim().max(2000).optional(),
});

async function presentClub(db: Kysely<DB>, c: ClubRow, detail: boolean) {
  const members = await clubsRepo.members(db, [c.id]);
  const active = members.filter((m) => !m.left_on);
  const base = {
    id: c.id,
    communeCode: c.commune_code,
    provinceCode: c.province_code,
    name: c.name,
    foundedOn: c.founded_on,
    active: !!c.active,
    notes: c.notes,
    memberCounts: {
      person: active.filter((m) => m.kind === 'person').length,
      family: active.filter((m) => m.kind === 'family').length,
      collaborator: active.filter((m) => m.kind === 'collaborator').length,
    },
    version: c.version,
  };
  if (!detail) return base;
  const meetings = await clubsRepo.meetings(db, c.id);
  const attendance = await clubsRepo.attendance(
    db,
    meetings.map((m) => m.id),
  );
  return {
    ...base,
    members: members.map((m) => ({
      id: m.id,
      kind: m.kind,
      personId: m.person_id,
      name: m.person_name ?? m.name,
      phone: m.phone,
      relation: m.relation,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      kind: m.kind,
      topic: m.topic,
      place: m.place,
      guests: m.guests,
      note: m.note,
      attendeeMemberIds: attendance.filter((a) => a.meeting_id === m.id).map((a) => a.member_id),
      attendance: attendance.filter((a) => a.meeting_id === m.id).length + m.guests,
    })),
  };
}

export async function createClub(deps: AppDeps, actor: Actor, input: z.infer<typeof clubCreateSchema>) {
  authorize(actor, 'community.write');
  assertOwnCommune(actor, actor.scopeCode);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await communeOrFail(trx, actor.scopeCode!);
    notFuture('foundedOn', input.foundedOn, vnToday(now));
    const at = now.toISOString();
    const row: ClubRow = {
      id: randomUUID(),
      commune_code: unit.communeCode,
      province_code: unit.provinceCode,
      name: tidyName(input.name),
      founded_on: input.foundedOn,
      active: 1,
      notes: input.notes ?? null,
      ...createdStamps(actor, at),
    };
    await insertAudited(trx, actor, clubsRepo.insert, row, {
      action: 'community.club.create',
      entityType: 'community_club',
    });
    return presentClub(trx, row, true);
  });
}

export async function listClubs(deps: AppDeps, actor: Actor, q: z.infer<typeof clubQuerySchema>) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const rows = await clubsRepo.list(db, listUnit(actor, q));
  return { items: await Promise.all(rows.map((r) => presentClub(db, r, false))) };
}

export async function getClub(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const club = readableOr404(actor, await clubsRepo.byId(db, id), words.club);
  await audit(db, actor, { action: 'community.club.read', entityType: 'community_club', entityId: id });
  return presentClub(db, club, true);
}

export async function updateClub(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof clubUpdateSchema>,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx }) => {
    const club = writableOr404(actor, await clubsRepo.byId(trx, id), words.club);
    const patch = {
      ...(input.name !== undefined ? { name: tidyName(input.name) } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...updatedStamps(actor, deps.now()),
    };
    if (!(await teamsRepo.versioned(trx, 'community_clubs', id, input.version, patch)))
      throw Errors.staleVersion(await presentClub(trx, club, false));
    await audit(trx, actor, { action: 'community.club.update', entityType: 'community_club', entityId: id });
    return presentClub(trx, (await clubsRepo.byId(trx, id))!, true);
  });
}

async function writableClub(trx: Kysely<DB>, actor: Actor, id: string) {
  const club = writableOr404(actor, await clubsRepo.byId(trx, id), words.club);
  return club;
}

export async function addMember(
  deps: AppDeps,
  actor: Actor,
  clubId: string,
  input: z.infer<typeof memberCreateSchema>,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const club = await writableClub(trx, actor, clubId);
    notFuture('joinedOn', input.joinedOn, vnToday(now));
    if (input.kind === 'person') {
      if (!input.personId)
        throw fieldError('personId', 'required', 'Cần chọn hồ sơ người sau cai nghiện', 'Choose the person');
      await personInScope(trx, actor, input.personId);
      if (await clubsRepo.activeMembership(trx, club.id, input.personId))
        throw Errors.conflict('already_member', { vi: 'Người này đã là thành viên', en: 'Already a member' });
    } else {
      if (input.personId)
        throw fieldError(
          'personId',
          'person_only',
          'Chỉ dùng cho thành viên là người sau cai nghiện',
          'Only for people after rehab',
        );
      if (!input.name) throw fieldError('name', 'required', 'Cần ghi họ tên', 'The name is required');
    }
    const row: MemberRow = {
      id: randomUUID(),
      club_id: club.id,
      kind: input.kind,
      person_id: input.kind === 'person' ? input.personId! : null,
      name: input.kind === 'person' ? null : tidyName(input.name!),
      phone: input.phone ?? null,
      relation: input.relation ?? null,
      joined_on: input.joinedOn,
      left_on: null,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await clubsRepo.insertMember(trx, row);
    await audit(trx, actor, {
      action: 'community.club.member_add',
      entityType: row.person_id ? 'person' : 'community_club',
      entityId: row.person_id ?? club.id,
      details: { clubId: club.id, memberId: row.id, kind: row.kind },
    });
    return presentClub(trx, club, true);
  });
}

export async function memberLeaves(
  deps: AppDeps,
  actor: Actor,
  clubId: string,
  memberId: string,
  leftOn: string,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx }) => {
    const club = await writableClub(trx, actor, clubId);
    const m = await clubsRepo.memberById(trx, memberId);
    if (!m || m.club_id !== club.id) throw Errors.notFound(words.member);
    if (m.left_on)
      throw Errors.conflict('member_left', {
        vi: 'Thành viên đã rời câu lạc bộ',
        en: 'The member has already left',
      });
    if (leftOn < m.joined_on || leftOn > vnToday(deps.now()))
      throw fieldError(
        'leftOn',
        'in_range',
        'Ngày rời phải từ ngày tham gia đến hôm nay',
        'Between joining and today',
      );
    await clubsRepo.leave(trx, m.id, leftOn);
    await audit(trx, actor, {
      action: 'community.club.member_leave',
      entityType: 'community_club',
      entityId: club.id,
      details: { memberId },
    });
    return presentClub(trx, club, true);
  });
}

export async function addMeeting(
  deps: AppDeps,
  actor: Actor,
  clubId: string,
  input: z.infer<typeof meetingCreateSchema>,
) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const club = await writableClub(trx, actor, clubId);
    notFuture('heldOn', input.heldOn, vnToday(now));
    const ids = [...new Set(input.attendeeMemberIds)];
    const members = await clubsRepo.members(trx, [club.id]);
    ids.forEach((id, i) => {
      const m = members.find((x) => x.id === id);
      if (!m || m.joined_on > input.heldOn || (m.left_on && m.left_on < input.heldOn))
        throw fieldError(
          `attendeeMemberIds.${i}`,
          'member_on_date',
          'Không phải thành viên vào ngày họp',
          'Not a member on the meeting date',
        );
    });
    const row: MeetingRow = {
      id: randomUUID(),
      club_id: club.id,
      held_on: input.heldOn,
      kind: input.kind,
      topic: input.topic,
      place: input.place ?? null,
      guests: input.guests ?? 0,
      note: input.note ?? null,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await clubsRepo.insertMeeting(trx, row, ids);
    await audit(trx, actor, {
      action: 'community.club.meeting',
      entityType: 'community_club',
      entityId: club.id,
      details: { meetingId: row.id, attendees: ids.length },
    });
    return presentClub(trx, club, true);
  });
}
