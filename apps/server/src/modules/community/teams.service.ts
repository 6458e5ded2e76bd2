import { randomUUID } from 'node:crypto';
import {
  type DatedTeam,
  DEFAULT_VOLUNTEER_MODEL_RULE,
  hasVolunteerModelOn,
  teamStatsOn,
  type VolunteerModelRule,
  volunteerModelRuleSchema,
  volunteersWithPeople,
} from '@hoanhap/domain/community-rules';
import { tidyName } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, assertNational, authorize, isVolunteerAccountOf } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { endAssignmentsOf, grantAccess } from './assignments.service.ts';
import {
  assertOwnCommune,
  communeOrFail,
  fieldError,
  listUnit,
  readableOr404,
  words,
  writableOr404,
} from './common.ts';
import { type TeamRow, teamsRepo, type VolunteerRow } from './teams.repo.ts';
import type {
  TeamCreate,
  TeamUpdate,
  VolunteerCreate,
  VolunteerQuery,
  VolunteerUpdate,
} from './teams.schema.ts';
import { trainingRepo } from './training.repo.ts';

const RULE_KEY = 'volunteer_model_rule';

function presentVolunteer(v: VolunteerRow, assigned: number, leaderId: string | null) {
  return {
    id: v.id,
    teamId: v.team_id,
    communeCode: v.commune_code,
    fullName: v.full_name,
    sex: v.sex,
    birthYear: v.birth_year,
    phone: v.phone,
    organisation: v.organisation,
    organisationDetail: v.organisation_detail,
    userId: v.user_id,
    joinedOn: v.joined_on,
    active: !!v.active,
    leftOn: v.left_on,
    notes: v.notes,
    isLeader: leaderId === v.id,
    assignedPeople: assigned,
    version: v.version,
  };
}

/** A team with its members; whether it has the model today is read with the dated rule (hasVolunteerModelOn). */
async function presentTeam(db: Kysely<DB>, t: TeamRow, today: string) {
  const members = await teamsRepo.volunteers(db, { teamId: t.id });
  const counts = await teamsRepo.activeCounts(db, { volunteerIds: members.map((m) => m.id) });
  const names = await teamsRepo.unitNames(db, [t.commune_code, t.province_code]);
  const rule = await ruleOn(db, today);
  const ids = new Set(members.map((m) => m.id));
  const spans = (await teamsRepo.assignmentSpans(db, { communeCode: t.commune_code })).filter((a) =>
    ids.has(a.volunteer_id),
  );
  const dated: DatedTeam = {
    establishedOn: t.established_on,
    volunteers: members.map((m) => ({
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      assignments: spans
        .filter((a) => a.volunteer_id === m.id)
        .map((a) => ({ startedOn: a.started_on, endedOn: a.ended_on })),
    })),
  };
  const stats = teamStatsOn([dated], today);
  return {
    id: t.id,
    communeCode: t.commune_code,
    communeName: names.get(t.commune_code) ?? null,
    provinceCode: t.province_code,
    name: t.name,
    leaderVolunteerId: t.leader_volunteer_id,
    establishedOn: t.established_on,
    notes: t.notes,
    severalReason: t.several_reason,
    activeVolunteers: members.filter((m) => m.active).length,
    volunteersWithPeople: volunteersWithPeople(stats, rule),
    hasVolunteerModel: hasVolunteerModelOn([dated], rule, today),
    members: members.map((m) => presentVolunteer(m, counts.get(m.id) ?? 0, t.leader_volunteer_id)),
    version: t.version,
  };
}

export async function createTeam(deps: AppDeps, actor: Actor, input: TeamCreate) {
  authorize(actor, 'community.write');
  const communeCode = input.communeCode ?? actor.scopeCode ?? '';
  assertOwnCommune(actor, communeCode);
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await communeOrFail(trx, communeCode);
    const existing = await teamsRepo.teamOfCommune(trx, communeCode);
    // A second team only when the officer says why (old communes merged in 2025 each kept their team).
    if (existing && !input.severalReason)
      throw Errors.conflict(
        'team_exists',
        {
          vi: 'Xã/phường này đã có đội công tác xã hội tình nguyện; muốn lập thêm đội, hãy ghi lý do (severalReason)',
          en: 'This commune already has a volunteer team; to add another, give the reason (severalReason)',
        },
        { existing: { id: existing.id, name: existing.name } },
      );
    const name = tidyName(input.name);
    if (existing && (await teamsRepo.teams(trx, { communeCode })).some((t) => t.name === name))
      throw fieldError(
        'name',
        'unique',
        'Xã/phường đã có đội cùng tên',
        'The commune already has a team of this name',
      );
    const now = deps.now().toISOString();
    const row: TeamRow = {
      id: randomUUID(),
      commune_code: unit.communeCode,
      province_code: unit.provinceCode,
      name,
      leader_volunteer_id: null,
      established_on: input.establishedOn,
      notes: input.notes ?? null,
      several_reason: existing ? (input.severalReason ?? null) : null,
      ...createdStamps(actor, now),
    };
    await insertAudited(trx, actor, teamsRepo.insertTeam, row, {
      action: 'community.team.create',
      entityType: 'community_team',
    });
    return presentTeam(trx, row, vnToday(deps.now()));
  });
}

export async function listTeams(
  deps: AppDeps,
  actor: Actor,
  q: { communeCode?: string; provinceCode?: string },
) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const rows = await teamsRepo.teams(db, listUnit(actor, q));
  return { items: await Promise.all(rows.map((r) => presentTeam(db, r, vnToday(deps.now())))) };
}

export async function getTeam(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const team = readableOr404(actor, await teamsRepo.teamById(db, id), words.team);
  return presentTeam(db, team, vnToday(deps.now()));
}

export async function updateTeam(deps: AppDeps, actor: Actor, id: string, input: TeamUpdate) {
  return writeStep(deps, actor, 'community.write', async ({ trx }) => {
    const team = writableOr404(actor, await teamsRepo.teamById(trx, id), words.team);
    if (input.leaderVolunteerId) {
      const v = await teamsRepo.volunteerById(trx, input.leaderVolunteerId);
      if (!v || v.team_id !== team.id || !v.active)
        throw fieldError(
          'leaderVolunteerId',
          'team_member',
          'Đội trưởng phải là tình nguyện viên đang hoạt động của đội',
          'The leader must be an active volunteer of the team',
        );
    }
    const patch = {
      ...(input.name !== undefined ? { name: tidyName(input.name) } : {}),
      ...(input.leaderVolunteerId !== undefined ? { leader_volunteer_id: input.leaderVolunteerId } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.establishedOn !== undefined ? { established_on: input.establishedOn } : {}),
      ...updatedStamps(actor, deps.now()),
    };
    const ok = await teamsRepo.versioned(trx, 'community_teams', id, input.version, patch);
    if (!ok) throw Errors.staleVersion(await presentTeam(trx, team, vnToday(deps.now())));
    await audit(trx, actor, {
      action: 'community.team.update',
      entityType: 'community_team',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return presentTeam(trx, (await teamsRepo.teamById(trx, id))!, vnToday(deps.now()));
  });
}

/** A user account a volunteer may be linked to: an active 'volunteer' of the team's commune, not linked yet. */
async function checkUserLink(trx: Kysely<DB>, userId: string, communeCode: string, selfId?: string) {
  const u = await teamsRepo.userById(trx, userId);
  if (!isVolunteerAccountOf(u, communeCode))
    throw fieldError(
      'userId',
      'volunteer_account',
      'Tài khoản phải là tài khoản tình nguyện viên đang hoạt động của xã/phường này',
      "The account must be an active 'volunteer' account of this commune",
    );
  const other = await teamsRepo.volunteerOfUser(trx, userId);
  if (other && other.id !== selfId)
    throw Errors.conflict('account_linked', {
      vi: 'Tài khoản này đã gắn với một tình nguyện viên khác',
      en: 'This account is already linked to another volunteer',
    });
}

async function volunteerOut(trx: Kysely<DB>, v: VolunteerRow) {
  const team = await teamsRepo.teamById(trx, v.team_id);
  const counts = await teamsRepo.activeCounts(trx, { volunteerIds: [v.id] });
  const trainings = await trainingRepo.ofVolunteer(trx, v.id);
  return {
    ...presentVolunteer(v, counts.get(v.id) ?? 0, team?.leader_volunteer_id ?? null),
    trainings: trainings.map((t) => ({ id: t.id, course: t.course, heldOn: t.held_on })),
  };
}

export async function createVolunteer(deps: AppDeps, actor: Actor, input: VolunteerCreate) {
  return writeStep(deps, actor, 'community.write', async ({ trx }) => {
    const team = await teamsRepo.teamById(trx, input.teamId);
    if (!team) throw fieldError('teamId', 'exists', 'Không tìm thấy đội', 'Unknown team');
    assertOwnCommune(actor, team.commune_code);
    if (input.userId) await checkUserLink(trx, input.userId, team.commune_code);
    const now = deps.now().toISOString();
    const row: VolunteerRow = {
      id: randomUUID(),
      team_id: team.id,
      commune_code: team.commune_code,
      province_code: team.province_code,
      full_name: tidyName(input.fullName),
      sex: input.sex ?? null,
      birth_year: input.birthYear ?? null,
      phone: input.phone ?? null,
      organisation: input.organisation,
      organisation_detail: input.organisationDetail ?? null,
      user_id: input.userId ?? null,
      joined_on: input.joinedOn,
      active: 1,
      left_on: null,
      notes: input.notes ?? null,
      ...createdStamps(actor, now),
    };
    await insertAudited(trx, actor, teamsRepo.insertVolunteer, row, {
      action: 'community.volunteer.create',
      entityType: 'community_volunteer',
    });
    return volunteerOut(trx, row);
  });
}

/** The commune's volunteer accounts, so that an officer can link a volunteer to the account that sees their people. */
export async function volunteerAccounts(deps: AppDeps, actor: Actor) {
  authorize(actor, 'community.write');
  assertOwnCommune(actor, actor.scopeCode);
  const rows = await teamsRepo.volunteerAccounts(deps.database.db, actor.scopeCode!);
  return {
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      volunteerId: r.volunteer_id ?? null,
    })),
  };
}

export async function listVolunteers(deps: AppDeps, actor: Actor, q: VolunteerQuery) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const unit = listUnit(actor, q);
  const rows = await teamsRepo.volunteers(db, {
    ...unit,
    teamId: q.teamId,
    active: q.active === undefined ? undefined : q.active === 'true',
  });
  const counts = await teamsRepo.activeCounts(db, { volunteerIds: rows.map((r) => r.id) });
  const teams = new Map((await teamsRepo.teams(db, unit)).map((t) => [t.id, t.leader_volunteer_id]));
  return { items: rows.map((r) => presentVolunteer(r, counts.get(r.id) ?? 0, teams.get(r.team_id) ?? null)) };
}

export async function getVolunteer(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const v = readableOr404(actor, await teamsRepo.volunteerById(db, id), words.volunteer);
  return volunteerOut(db, v);
}

export async function updateVolunteer(deps: AppDeps, actor: Actor, id: string, input: VolunteerUpdate) {
  return writeStep(deps, actor, 'community.write', async ({ trx, now }) => {
    const v = writableOr404(actor, await teamsRepo.volunteerById(trx, id), words.volunteer);
    if (input.userId) await checkUserLink(trx, input.userId, v.commune_code, v.id);
    const deactivate = input.active === false && !!v.active;
    const userChanges = input.userId !== undefined && input.userId !== v.user_id;
    const patch: Partial<VolunteerRow> = {
      ...(input.fullName !== undefined ? { full_name: tidyName(input.fullName) } : {}),
      ...(input.sex !== undefined ? { sex: input.sex } : {}),
      ...(input.birthYear !== undefined ? { birth_year: input.birthYear } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.organisation !== undefined ? { organisation: input.organisation } : {}),
      ...(input.organisationDetail !== undefined ? { organisation_detail: input.organisationDetail } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.userId !== undefined ? { user_id: input.userId } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(deactivate ? { left_on: input.leftOn ?? vnToday(now) } : {}),
      ...(input.active === true ? { left_on: null } : {}),
      ...updatedStamps(actor, now),
    };
    const ok = await teamsRepo.versioned(trx, 'community_volunteers', id, input.version, patch);
    if (!ok) throw Errors.staleVersion(await volunteerOut(trx, v));
    let ended = 0;
    // A volunteer who leaves hands back their people; a changed account moves the access with them.
    if (deactivate) {
      ended = await endAssignmentsOf(trx, actor, v.id, patch.left_on!, 'volunteer_left', now);
      await teamsRepo.clearLeader(trx, v.id, now.toISOString());
    } else if (userChanges) await grantAccess(trx, { ...v, ...patch } as VolunteerRow, now);
    await audit(trx, actor, {
      action: 'community.volunteer.update',
      entityType: 'community_volunteer',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version'), endedAssignments: ended },
    });
    return volunteerOut(trx, (await teamsRepo.volunteerById(trx, id))!);
  });
}

/** The volunteer-model rule in force: the administrator's setting, or the default. */
export async function currentRule(db: Kysely<DB>): Promise<VolunteerModelRule> {
  const row = await teamsRepo.setting(db, RULE_KEY);
  const parsed = row ? volunteerModelRuleSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : DEFAULT_VOLUNTEER_MODEL_RULE;
}

/** The volunteer-model rule in force on a date (dated rows, migration 0026), or the default before any. */
export async function ruleOn(db: Kysely<DB>, on: string): Promise<VolunteerModelRule> {
  const row = await teamsRepo.modelRuleOn(db, on);
  return row
    ? {
        minVolunteersWithPeople: row.min_volunteers_with_people,
        minPeoplePerVolunteer: row.min_people_per_volunteer,
      }
    : DEFAULT_VOLUNTEER_MODEL_RULE;
}

async function ruleOut(db: Kysely<DB>) {
  const row = await teamsRepo.setting(db, RULE_KEY);
  return {
    rule: await currentRule(db),
    isDefault: !row,
    reason: row?.reason ?? null,
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 0,
  };
}

export async function getRule(deps: AppDeps) {
  return ruleOut(deps.database.db);
}

export async function setRule(
  deps: AppDeps,
  actor: Actor,
  input: VolunteerModelRule & { reason: string; version: number },
) {
  authorize(actor, 'community.rules');
  assertNational(actor);
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await teamsRepo.setting(trx, RULE_KEY);
    const value = JSON.stringify({
      minVolunteersWithPeople: input.minVolunteersWithPeople,
      minPeoplePerVolunteer: input.minPeoplePerVolunteer,
    });
    const now = deps.now().toISOString();
    if ((row?.version ?? 0) !== input.version) throw Errors.staleVersion(await ruleOut(trx));
    if (!row)
      await teamsRepo.insertSetting(trx, {
        key: RULE_KEY,
        value,
        reason: input.reason,
        version: 1,
        ...updatedStamps(actor, now),
      });
    else if (
      !(await teamsRepo.updateSetting(trx, RULE_KEY, row.version, {
        value,
        reason: input.reason,
        ...updatedStamps(actor, now),
      }))
    )
      throw Errors.staleVersion(await ruleOut(trx));
    // In force from today (Vietnam) on: the figures of earlier dates keep the rule of their date.
    await teamsRepo.insertModelRule(trx, {
      id: randomUUID(),
      valid_from: vnToday(deps.now()),
      min_volunteers_with_people: input.minVolunteersWithPeople,
      min_people_per_volunteer: input.minPeoplePerVolunteer,
      reason: input.reason,
      set_at: now,
      set_by: actor.userId,
    });
    await audit(trx, actor, {
      action: 'community.rule.set',
      entityType: 'community_setting',
      entityId: RULE_KEY,
      reason: input.reason,
      details: { value: JSON.parse(value) },
    });
    return ruleOut(trx);
  });
}

/**
 * Per commune of the scope, on a date (today by default): the team, its members, those helping enough people,
 * and whether the model holds under the rule in force that day — the same rule, dated, as the indicator
 * communes_with_volunteer_model (domain hasVolunteerModelOn).
 */
export async function volunteerModel(
  deps: AppDeps,
  actor: Actor,
  q: { communeCode?: string; provinceCode?: string; asOf?: string },
) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const unit = listUnit(actor, { communeCode: q.communeCode, provinceCode: q.provinceCode });
  if (!unit.communeCode && !unit.provinceCode)
    throw fieldError('provinceCode', 'required', 'Cần chọn tỉnh/thành phố', 'Choose a province');
  const asOf = q.asOf ?? vnToday(deps.now());
  const rule = await ruleOn(db, asOf);
  const rows = await modelRows(db, unit, rule, asOf);
  return {
    asOf,
    rule,
    communes: rows,
    total: rows.length,
    withModel: rows.filter((r) => r.hasVolunteerModel).length,
  };
}

/**
 * The volunteer model by province (national officers: every province; a province officer: their own):
 * how many communes meet the rule in force.
 */
export async function volunteerModelByProvince(deps: AppDeps, actor: Actor, q: { asOf?: string } = {}) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const scope = listUnit(actor, {});
  if (scope.communeCode) throw Errors.forbidden();
  const asOf = q.asOf ?? vnToday(deps.now());
  const rule = await ruleOn(db, asOf);
  const provinces = await teamsRepo.provincesOf(db, scope.provinceCode);
  const items = [];
  for (const p of provinces) {
    const rows = await modelRows(db, { provinceCode: p.code }, rule, asOf);
    items.push({
      provinceCode: p.code,
      provinceName: p.name,
      communes: rows.length,
      teams: rows.filter((r) => r.teamId).length,
      withModel: rows.filter((r) => r.hasVolunteerModel).length,
    });
  }
  return {
    asOf,
    rule,
    provinces: items,
    communes: items.reduce((n, p) => n + p.communes, 0),
    withModel: items.reduce((n, p) => n + p.withModel, 0),
  };
}

async function modelRows(
  db: Kysely<DB>,
  unit: { communeCode?: string; provinceCode?: string },
  rule: VolunteerModelRule,
  asOf: string,
) {
  const [communes, teams, volunteers, spans] = await Promise.all([
    teamsRepo.communesOf(db, unit),
    teamsRepo.teams(db, unit),
    teamsRepo.volunteers(db, unit),
    teamsRepo.assignmentSpans(db, unit),
  ]);
  const spansOf = new Map<string, { startedOn: string; endedOn: string | null }[]>();
  for (const a of spans) {
    const list = spansOf.get(a.volunteer_id) ?? [];
    list.push({ startedOn: a.started_on, endedOn: a.ended_on });
    spansOf.set(a.volunteer_id, list);
  }
  const datedOf = new Map<string, { ids: string[]; teams: DatedTeam[] }>();
  for (const t of teams) {
    const entry = datedOf.get(t.commune_code) ?? { ids: [], teams: [] };
    entry.ids.push(t.id);
    entry.teams.push({
      establishedOn: t.established_on,
      volunteers: volunteers
        .filter((v) => v.team_id === t.id)
        .map((v) => ({ joinedOn: v.joined_on, leftOn: v.left_on, assignments: spansOf.get(v.id) ?? [] })),
    });
    datedOf.set(t.commune_code, entry);
  }
  return communes.map((c) => {
    const dated = datedOf.get(c.code) ?? { ids: [], teams: [] };
    const stats = teamStatsOn(dated.teams, asOf);
    const first = dated.teams.findIndex((t) => t.establishedOn <= asOf);
    return {
      communeCode: c.code,
      communeName: c.name,
      teamId: first >= 0 ? dated.ids[first]! : null,
      activeVolunteers: stats.volunteers.length,
      volunteersWithPeople: volunteersWithPeople(stats, rule),
      hasVolunteerModel: hasVolunteerModelOn(dated.teams, rule, asOf),
    };
  });
}
