import { ADDICTION_CRITERIA, isAddicted } from '@hoanhap/domain/addiction';
import { CCCD_PROVINCE_CODES, makeCccd } from '@hoanhap/domain/cccd';
import { canStart, derivePersonStatus, in256aWindow } from '@hoanhap/domain/episode-rules';
import {
  ageOn,
  effectiveEnd,
  isActiveOn,
  plannedEnd,
  priorRehabOf,
  validateTerm,
} from '@hoanhap/domain/episode-terms';
import {
  type CompulsoryGround,
  type Episode,
  type EpisodeOutcome,
  type EpisodeType,
  REHAB_TYPES,
} from '@hoanhap/domain/episode-types';
import { addDays, fromDayNumber, maxDate, toDayNumber } from '@hoanhap/domain/iso-date';
import { FIRST_REGIME_DATE, type RegimeRules, rulesOn } from '@hoanhap/domain/legal-regimes';
import { normalizeVi } from '@hoanhap/domain/normalize';
import {
  compulsoryTermStart,
  episodeAuthority,
  type PendingPlace,
  postRehabTermStart,
  RELAPSE_EPISODE_TYPES,
  relapseGround,
} from '@hoanhap/domain/pathway-rules';
import { deadlineFor } from '@hoanhap/domain/task-rules';
import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { statusHistoryOf } from '../../apps/server/src/modules/episodes/person-status.ts';
import {
  type CommuneTeam,
  communeTeam,
  facilityStay,
  newServiceStats,
  type ServiceStats,
  supportAfterRehab,
  teamActivities,
} from './generator-services.ts';
import {
  CONTACT_SUMMARIES,
  DOCTORS,
  FAMILY,
  GIVEN_F,
  GIVEN_M,
  MIDDLE_F,
  MIDDLE_M,
  OCCUPATIONS,
  OFFICER_NAMES,
  STREETS,
} from './names.ts';
import type { BulkWriter, Row } from './writer.ts';

// The data generator. Every history is built by asking the product's domain rules, in legal order:
// a positive test, a user-management decision (canStart + validateTerm + plannedEnd), scheduled tests and
// contacts, an addiction determination whose result is isAddicted()'s, rehab of one of the forms with a
// term the rules accept, post-rehab management from the day after completion, relapse and compulsory rehab.
// An act the rules refuse is not written (and counted in `refused`). Statuses are derivePersonStatus()'s.
// Rows are written in bulk (writer.ts) for speed, never through a path the rules do not see.

export type Scale = 'commune' | 'province' | 'national';

export interface GenOptions {
  scale: Scale;
  seed: number;
  /** The "today" of the generated world (Vietnam date); default today. */
  asOf: string;
  /** Explicit communes and sizes (tests); overrides the scale's choice. */
  communes?: { code: string; size: number }[];
  /** Province of the province scale (default '01', Hà Nội). */
  provinceCode?: string;
  /** Target number of people (default by scale). */
  people?: number;
  /** Hash of the one password shared by all generated accounts. */
  passwordHash: string;
  log?: (s: string) => void;
}

export interface GenStats {
  scale: Scale;
  seed: number;
  asOf: string;
  communes: number;
  provinces: number;
  people: number;
  users: number;
  facilities: number;
  episodes: number;
  episodesByType: Record<string, number>;
  drugTests: number;
  determinations: number;
  contacts: number;
  counsellingSessions: number;
  counsellingParticipants: number;
  tasks: number;
  volunteerAssignments: number;
  /** Facility stays and community support (generator-services.ts). */
  services: ServiceStats;
  /**
   * Tests + determinations + episodes + contacts + counselling participations + tasks + facility events and
   * stages + volunteers' contacts.
   */
  events: number;
  /** Acts the rules refused during simulation (not written). */
  refused: number;
  byStatus: Record<string, number>;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  accounts: { role: string; username: string; scopeKind: string; scopeCode: string | null }[];
}

// --- deterministic randomness (sfc32) ---
export function prng(seed: number) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const r = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    uuid: () => {
      const h = (n: number) =>
        Math.floor(next() * 16 ** n)
          .toString(16)
          .padStart(n, '0');
      return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(next() * 4)]}${h(3)}-${h(6)}${h(6)}`;
    },
  };
  return r;
}
type Rng = ReturnType<typeof prng>;

const rulesCache = new Map<string, RegimeRules>();
function rules(date: string): RegimeRules {
  let r = rulesCache.get(date);
  if (!r) {
    r = rulesOn(date);
    rulesCache.set(date, r);
  }
  return r;
}

const TARGET: Record<Scale, number> = { national: 225_000, province: 7_000, commune: 400 };
const COMMUNE_SCALE_CODES = ['00004', '00008', '06652'];
const BENCH_USER = 'bench';
const at = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const minD = (a: string, b: string) => (a < b ? a : b);

type Unit = { code: string; province_code: string; name: string };

export async function generate(db: Kysely<DB>, w: BulkWriter, opts: GenOptions): Promise<GenStats> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const rng = prng(opts.seed);
  const asOf = opts.asOf;

  // --- the real units loaded on first start ---
  const allCommunes: Unit[] = (await db
    .selectFrom('units')
    .select(['code', 'province_code', 'name'])
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute()) as Unit[];
  const provinces = await db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('level', '=', 'province')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  const byCode = new Map(allCommunes.map((c) => [c.code, c]));

  // --- which communes, how many people each (uneven: lognormal, a few hotspots over 1,000) ---
  let plan: { unit: Unit; size: number }[];
  if (opts.communes) {
    plan = opts.communes.map((c) => ({ unit: byCode.get(c.code)!, size: c.size }));
  } else {
    const chosen =
      opts.scale === 'national'
        ? allCommunes
        : opts.scale === 'province'
          ? allCommunes.filter((c) => c.province_code === (opts.provinceCode ?? '01'))
          : COMMUNE_SCALE_CODES.map((c) => byCode.get(c)!).filter(Boolean);
    const target = opts.people ?? TARGET[opts.scale];
    const weights = chosen.map(() => Math.exp(0.8 * rng.normal()));
    const hotspots = opts.scale === 'national' ? 10 : opts.scale === 'province' ? 1 : 0;
    for (let i = 0; i < hotspots; i++) weights[rng.int(0, weights.length - 1)] *= 25;
    const sum = weights.reduce((a, b) => a + b, 0);
    plan = chosen.map((unit, i) => ({ unit, size: Math.max(3, Math.round((target * weights[i]) / sum)) }));
  }
  const provinceCodes = [...new Set(plan.map((p) => p.unit.province_code))].sort();
  log(
    `plan: ${plan.length} communes in ${provinceCodes.length} provinces, ${plan.reduce((a, p) => a + p.size, 0)} people`,
  );

  const stats: GenStats = {
    scale: opts.scale,
    seed: opts.seed,
    asOf,
    communes: plan.length,
    provinces: provinceCodes.length,
    people: 0,
    users: 0,
    facilities: 0,
    episodes: 0,
    episodesByType: {},
    drugTests: 0,
    determinations: 0,
    contacts: 0,
    counsellingSessions: 0,
    counsellingParticipants: 0,
    tasks: 0,
    volunteerAssignments: 0,
    services: newServiceStats(),
    events: 0,
    refused: 0,
    byStatus: {},
    rows: 0,
    seconds: 0,
    rowsPerSecond: 0,
    accounts: [],
  };
  const createdAt = at(asOf, 0);

  // --- users (≈5,000 at national scale): one shared password hash, see README ---
  const usersByCommune = new Map<string, { officer: string; police?: string; volunteer?: string }>();
  const addUser = async (
    username: string,
    role: string,
    scopeKind: string,
    scopeCode: string | null,
    fullName: string,
  ) => {
    const id = rng.uuid();
    await w.add('users', {
      id,
      username,
      password_hash: opts.passwordHash,
      full_name: fullName,
      role,
      scope_kind: scopeKind,
      scope_code: scopeCode,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      active: 1,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    // Staff accounts are taken as active since the generated histories start (figures of past periods count them).
    await w.add('account_periods', {
      id: `${id}:p`,
      user_id: id,
      role,
      scope_kind: scopeKind,
      scope_code: scopeCode,
      active_from: FIRST_REGIME_DATE,
      active_to: null,
    });
    stats.users++;
    return id;
  };
  const account = (role: string, username: string, scopeKind: string, scopeCode: string | null) =>
    stats.accounts.push({ role, username, scopeKind, scopeCode });

  await addUser(`${BENCH_USER}.admin`, 'system_admin', 'nation', null, 'Quản trị hệ thống (dữ liệu mẫu)');
  account('system_admin', `${BENCH_USER}.admin`, 'nation', null);
  for (let i = 1; i <= (opts.scale === 'national' ? 5 : 1); i++)
    await addUser(`c04.${i}`, 'national_officer', 'nation', null, `Cán bộ C04 số ${i}`);
  account('national_officer', 'c04.1', 'nation', null);
  await addUser('kiemtoan.1', 'auditor', 'nation', null, 'Kiểm tra viên');
  account('auditor', 'kiemtoan.1', 'nation', null);
  for (const p of provinceCodes) {
    for (let i = 1; i <= 2; i++)
      await addUser(`pc04.${p}.${i}`, 'province_officer', 'province', p, `Cán bộ PC04 tỉnh ${p} số ${i}`);
  }
  account('province_officer', `pc04.${provinceCodes[0]}.1`, 'province', provinceCodes[0]);
  // The busiest commune gets the demo accounts (all its roles), so every screen has content.
  const busiest = [...plan].sort((a, b) => b.size - a.size)[0].unit.code;
  for (const [i, { unit }] of plan.entries()) {
    const all = plan.length < 50 || unit.code === busiest;
    const officer = await addUser(
      `xa.${unit.code}`,
      'commune_officer',
      'commune',
      unit.code,
      `${rng.pick(OFFICER_NAMES)} (${unit.name})`,
    );
    const entry: { officer: string; police?: string; volunteer?: string } = { officer };
    if (i % 3 === 0 || all)
      entry.police = await addUser(
        `ca.${unit.code}`,
        'commune_police',
        'commune',
        unit.code,
        `Công an ${unit.name}`,
      );
    if (i % 10 === 0 || all)
      entry.volunteer = await addUser(
        `tnv.${unit.code}`,
        'volunteer',
        'commune',
        unit.code,
        `Tình nguyện viên ${unit.name}`,
      );
    usersByCommune.set(unit.code, entry);
  }
  account('commune_officer', `xa.${busiest}`, 'commune', busiest);
  account('commune_police', `ca.${busiest}`, 'commune', busiest);
  account('volunteer', `tnv.${busiest}`, 'commune', busiest);

  // --- facilities: 77 public rehab facilities over the provinces (or 2 per province at smaller scales) ---
  const facilityCount = opts.scale === 'national' ? 77 : provinceCodes.length * 2;
  const facilitiesByProvince = new Map<string, string[]>();
  const facilityStaff = new Map<string, string>();
  for (let i = 0; i < facilityCount; i++) {
    const p = provinceCodes[i % provinceCodes.length];
    const communesOfP = plan.filter((x) => x.unit.province_code === p);
    const commune = communesOfP[rng.int(0, communesOfP.length - 1)].unit.code;
    const id = rng.uuid();
    const n = (facilitiesByProvince.get(p)?.length ?? 0) + 1;
    const pname = provinces.find((x) => x.code === p)?.name ?? p;
    const name = `Cơ sở cai nghiện ma túy số ${n} ${pname}`;
    await w.add('facilities', {
      id,
      name,
      kind: 'rehab_public',
      province_code: p,
      commune_code: commune,
      address: null,
      active: 1,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
      name_search: normalizeVi(name),
      phone: null,
      created_by: null,
      updated_by: null,
    });
    facilitiesByProvince.set(p, [...(facilitiesByProvince.get(p) ?? []), id]);
    stats.facilities++;
    const fu = await addUser(`cs.${p}.${n}`, 'facility_staff', 'facility', id, `Cán bộ ${name}`);
    await addUser(`yt.${p}.${n}`, 'facility_medical', 'facility', id, `Y tế ${name}`);
    if (i === 0) {
      account('facility_staff', `cs.${p}.${n}`, 'facility', id);
      account('facility_medical', `yt.${p}.${n}`, 'facility', id);
    }
    facilityStaff.set(id, fu);
  }

  // --- people and their histories ---
  const cccdProvinces = [...CCCD_PROVINCE_CODES];
  let serial = 0;
  const firstDay = toDayNumber('2022-01-10');
  const lastStartDay = toDayNumber(asOf) - 20;
  let lastLog = performance.now();
  for (const { unit, size } of plan) {
    const users = usersByCommune.get(unit.code)!;
    const facilities = facilitiesByProvince.get(unit.province_code) ?? [...facilitiesByProvince.values()][0];
    const groupSessionMembers: string[] = [];
    // A volunteer team (and its club) where the commune has a volunteer account.
    const team = users.volunteer
      ? await communeTeam(rng, w, stats.services, {
          communeCode: unit.code,
          provinceCode: unit.province_code,
          communeName: unit.name,
          userId: users.volunteer,
          officerId: users.officer,
        })
      : null;
    for (let k = 0; k < size; k++) {
      serial++;
      await simulatePerson({
        rng,
        w,
        stats,
        asOf,
        unit,
        users,
        facilities,
        serial,
        cccdProvince: CCCD_PROVINCE_CODES.has(unit.province_code)
          ? unit.province_code
          : cccdProvinces[serial % cccdProvinces.length],
        start: fromDayNumber(rng.int(firstDay, Math.max(firstDay, lastStartDay))),
        groupSessionMembers,
        team,
        facilityStaff,
      });
    }
    if (team)
      await teamActivities(rng, w, stats.services, team, {
        communeCode: unit.code,
        provinceCode: unit.province_code,
        officerId: users.officer,
        asOf,
      });
    // Group counselling sessions of the commune (a few a year) with some of its people.
    const sessions = Math.min(12, Math.ceil(groupSessionMembers.length / 10));
    for (let s = 0; s < sessions; s++) {
      const id = rng.uuid();
      const held = fromDayNumber(rng.int(toDayNumber('2024-01-01'), toDayNumber(asOf)));
      await w.add('counselling_sessions', {
        id,
        kind: 'group',
        held_on: held,
        topic: 'Phòng, chống tái nghiện; kỹ năng từ chối ma túy',
        counsellor: rng.pick(OFFICER_NAMES),
        unit_kind: 'commune',
        unit_code: unit.code,
        notes: null,
        created_at: at(held, 9),
        created_by: users.officer,
      });
      stats.counsellingSessions++;
      const members = new Set<string>();
      for (let m = 0; m < Math.min(15, groupSessionMembers.length); m++)
        members.add(rng.pick(groupSessionMembers));
      for (const personId of members) {
        await w.add('counselling_participants', { session_id: id, person_id: personId });
        stats.counsellingParticipants++;
      }
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const s = (lastLog - t0) / 1000;
      log(
        `  ${stats.people} people, ${w.rowsWritten} rows in ${s.toFixed(0)} s (${Math.round(w.rowsWritten / s)} rows/s)`,
      );
    }
  }
  await w.flushAll();
  stats.events =
    stats.drugTests +
    stats.determinations +
    stats.episodes +
    stats.contacts +
    stats.counsellingParticipants +
    stats.tasks +
    stats.services.facilityEvents +
    stats.services.facilityAdmissions +
    stats.services.communityContacts;
  stats.rows = w.rowsWritten;
  stats.seconds = (performance.now() - t0) / 1000;
  stats.rowsPerSecond = Math.round(stats.rows / stats.seconds);
  return stats;
}

type PersonCtx = {
  rng: Rng;
  w: BulkWriter;
  stats: GenStats;
  asOf: string;
  unit: Unit;
  users: { officer: string; police?: string; volunteer?: string };
  facilities: string[];
  serial: number;
  cccdProvince: string;
  start: string;
  groupSessionMembers: string[];
  team: CommuneTeam | null;
  facilityStaff: Map<string, string>;
};

type EpRec = { row: Row & { id: string }; ep: Episode };
/** The episode types whose act is a decision, written as decision records (as the product does). */
const DECISION_KINDS: ReadonlySet<string> = new Set([
  'user_management',
  'post_rehab',
  'compulsory_pending',
  'compulsory',
]);

async function simulatePerson(c: PersonCtx): Promise<void> {
  const { rng, w, stats, asOf, unit, users } = c;
  const personId = rng.uuid();
  const male = rng.chance(0.92);
  const juvenile = rng.chance(0.03);
  const birthYear = juvenile ? rng.int(2008, 2011) : rng.int(1968, 2004);
  const birthDate = rng.chance(0.85)
    ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
    : null;
  const birth = birthDate ?? String(birthYear);
  const family = pickWeighted(rng, FAMILY);
  const fullName = `${family} ${rng.pick(male ? MIDDLE_M : MIDDLE_F)} ${rng.pick(male ? GIVEN_M : GIVEN_F)}`;
  const otherName = rng.chance(0.1) ? `${rng.pick(['Tí', 'Tèo', 'Bờm', 'Sún', 'Cò', 'Đen'])}` : null;
  const citizenId = rng.chance(0.9)
    ? makeCccd(c.cccdProvince, birthYear, male ? 'male' : 'female', c.serial)
    : null;

  const eps: EpRec[] = [];
  const history = () => eps.map((e) => e.ep);
  let det: { on: string; addicted: boolean } | null = null;
  const dets: { on: string; addicted: boolean }[] = [];
  let relapseOn: string | null = null;
  const relapseTests: { on: string; type: EpisodeType | null }[] = [];
  let lastTest: string | null = null;
  let lastContact: string | null = null;
  const officer = users.officer;
  const police = users.police ?? users.officer;
  let decisionNo = c.serial * 7;

  // A person under 12 on a date is not a subject of these acts: start no earlier than the 12th birthday.
  let start = c.start;
  const twelve = `${birthYear + 12}-12-31`;
  if (start < twelve) start = twelve;
  if (start > asOf) start = addDays(asOf, -10);
  if (start < FIRST_REGIME_DATE) start = FIRST_REGIME_DATE;

  const test = async (date: string, reason: string, positive: boolean) => {
    const hist = history();
    const during = eps.find((e) => RELAPSE_EPISODE_TYPES.includes(e.ep.type) && isActiveOn(e.ep, date));
    const afterRehab = hist.some(
      (e) => REHAB_TYPES.includes(e.type) && e.outcome === 'completed' && effectiveEnd(e) < date,
    );
    const relapse = positive && reason !== 'intake' && (!!during || afterRehab);
    const substance = rng.chance(0.6) ? 'methamphetamine' : rng.chance(0.7) ? 'heroin' : 'mdma';
    await w.add('drug_tests', {
      id: rng.uuid(),
      person_id: personId,
      tested_on: date,
      method: rng.chance(0.9) ? 'rapid_urine' : 'lab',
      results: JSON.stringify([{ substance, result: positive ? 'positive' : 'negative' }]),
      positive: positive ? 1 : 0,
      reason,
      performed_by: rng.pick(OFFICER_NAMES),
      unit_kind: 'commune',
      unit_code: unit.code,
      relapse: relapse ? 1 : 0,
      criminal_window: positive && in256aWindow(hist, date) ? 1 : 0,
      during_episode_id: positive ? ((during?.row.id as string) ?? null) : null,
      during_episode_type: positive ? (during?.ep.type ?? null) : null,
      regime_id: rules(date).regimeId,
      notes: null,
      created_at: at(date, 2),
      created_by: police,
    });
    stats.drugTests++;
    lastTest = date;
    if (relapse) {
      relapseOn = date;
      relapseTests.push({ on: date, type: during?.ep.type ?? null });
    }
    return { relapse, duringType: during?.ep.type ?? null };
  };

  const determination = async (date: string, wantAddicted: boolean) => {
    const r = rules(date);
    const need = r.addictionCriteria.value;
    const n = wantAddicted ? need.minCriteria : need.minCriteria - 1;
    const from = addDays(date, -(need.minDurationDays + rng.int(5, 40)));
    const observations = ADDICTION_CRITERIA.slice(0, Math.max(1, n)).map((criterion) => ({
      criterion,
      from,
      to: date,
    }));
    const result = isAddicted({ assessedOn: date, observations }, r);
    await w.add('addiction_determinations', {
      id: rng.uuid(),
      person_id: personId,
      assessed_on: date,
      observations: JSON.stringify(observations),
      addicted: result.addicted ? 1 : 0,
      reason_code: result.reason.code,
      reason_vi: result.reason.vi,
      reason_en: result.reason.en,
      criteria_met: JSON.stringify(result.criteriaMet),
      regime_id: r.regimeId,
      doctor_name: rng.pick(DOCTORS),
      doctor_certificate: null,
      facility_name: `Trạm Y tế ${unit.name}`,
      form04_number: `${rng.int(1, 999)}/XĐTTN`,
      substances: JSON.stringify(['methamphetamine']),
      hiv_status: rng.chance(0.05) ? 'positive' : 'negative',
      unit_kind: 'commune',
      unit_code: unit.code,
      notes: null,
      created_at: at(date, 4),
      created_by: police,
    });
    stats.determinations++;
    det = { on: date, addicted: result.addicted };
    dets.push(det);
    if (result.addicted) {
      // Individual counselling after an addiction finding.
      const sid = rng.uuid();
      const held = addDays(date, rng.int(1, 10));
      if (held <= asOf) {
        await w.add('counselling_sessions', {
          id: sid,
          kind: 'individual',
          held_on: held,
          topic: 'Tư vấn lựa chọn hình thức cai nghiện',
          counsellor: rng.pick(OFFICER_NAMES),
          unit_kind: 'commune',
          unit_code: unit.code,
          notes: null,
          created_at: at(held, 8),
          created_by: officer,
        });
        await w.add('counselling_participants', { session_id: sid, person_id: personId });
        stats.counsellingSessions++;
        stats.counsellingParticipants++;
      }
    }
    return result.addicted;
  };

  /** Opens an episode through canStart/validateTerm/plannedEnd; null when the rules refuse it. */
  const open = async (
    type: EpisodeType,
    startDate: string,
    o: {
      months?: number;
      decisionDate?: string;
      facilityId?: string | null;
      details?: Record<string, unknown>;
      grounds?: CompulsoryGround[];
    } = {},
  ): Promise<EpRec | null> => {
    if (startDate > asOf || (o.decisionDate && o.decisionDate > asOf)) return null;
    const regimeDate = o.decisionDate ?? startDate;
    const r = rules(regimeDate);
    const hist = history();
    // As the product does: the grounds proven by relapse tests recorded during an episode.
    const relapseGrounds = relapseTests
      .filter((t) => t.on <= startDate && t.type)
      .map((t) => relapseGround(t.type as EpisodeType))
      .filter((g): g is CompulsoryGround => g !== null);
    const check = canStart(type, hist, startDate, {
      grounds: [...(o.grounds ?? []), ...relapseGrounds],
      addictionDeterminedOn: det?.addicted && det.on <= startDate ? det.on : null,
      birthDate: birth,
    });
    if (!check.ok) {
      stats.refused++;
      return null;
    }
    const term = validateTerm({
      type,
      months: o.months ?? null,
      birthDate: birth,
      decisionDate: regimeDate,
      regime: r,
      priorRehab: priorRehabOf(hist, startDate),
    });
    if (!term.ok) {
      stats.refused++;
      return null;
    }
    const details: Record<string, unknown> = { ...(o.details ?? {}) };
    let termStart = startDate;
    if (type === 'compulsory') {
      const pending = eps.find((e) => e.ep.type === 'compulsory_pending' && isActiveOn(e.ep, startDate));
      const place = pending
        ? (JSON.parse(pending.row.details as string) as { place?: PendingPlace }).place
        : null;
      termStart = compulsoryTermStart(startDate, pending?.ep.start, r, place);
      details.pendingEpisodeId = pending?.row.id ?? null;
      if (pending) {
        const end = addDays(startDate, -1);
        close(pending, maxDate(end, pending.ep.start), 'completed', 'compulsory_order');
      }
    }
    if (type === 'post_rehab') {
      const rehab = eps
        .filter((e) => e.ep.type === 'compulsory' && e.ep.outcome === 'completed')
        .filter((e) => effectiveEnd(e.ep) <= startDate)
        .sort((a, b) => (effectiveEnd(a.ep) < effectiveEnd(b.ep) ? -1 : 1))
        .pop()!;
      termStart = postRehabTermStart(effectiveEnd(rehab.ep));
      details.rehabEpisodeId = rehab.row.id;
    }
    const planned = plannedEnd(type, termStart, term.months ?? undefined, r);
    const atFacility =
      !!o.facilityId && ['voluntary_facility', 'compulsory', 'compulsory_pending'].includes(type);
    const chairman = type === 'user_management' || type === 'post_rehab';
    const row = {
      id: rng.uuid(),
      person_id: personId,
      type,
      regime_id: r.regimeId,
      authority: episodeAuthority(type, r),
      decision_number: o.decisionDate ? `${(++decisionNo % 900) + 1}/QĐ-${chairman ? 'UBND' : 'TA'}` : null,
      decision_date: o.decisionDate ?? null,
      decision_signer: o.decisionDate ? rng.pick(OFFICER_NAMES) : null,
      decision_body: null,
      document_number: null,
      start_date: startDate,
      term_start: planned ? termStart : null,
      term_months: term.months,
      planned_end: planned,
      actual_end: null as string | null,
      outcome: null as string | null,
      outcome_reason: null as string | null,
      facility_id: o.facilityId ?? null,
      responsible_unit_kind: atFacility ? 'facility' : 'commune',
      responsible_unit_code: atFacility ? (o.facilityId as string) : unit.code,
      managers: JSON.stringify(chairman ? [officer] : []),
      details: JSON.stringify(details),
      certificate_number: null as string | null,
      certificate_date: null as string | null,
      notes: null,
      version: 1,
      created_at: at(startDate, 5),
      created_by: officer,
      updated_at: at(startDate, 5),
      updated_by: officer,
    };
    const rec: EpRec = { row, ep: { type, start: startDate, plannedEnd: planned, end: null, outcome: null } };
    eps.push(rec);
    return rec;
  };
  const close = (e: EpRec, end: string, outcome: EpisodeOutcome, reason: string | null = null) => {
    e.ep.end = end;
    e.ep.outcome = outcome;
    e.row.actual_end = end;
    e.row.outcome = outcome;
    e.row.outcome_reason = reason;
    e.row.version = 2;
    e.row.updated_at = at(end, 6);
  };
  const contacts = async (e: EpRec, from: string, to: string, every: number) => {
    let d = addDays(from, rng.int(5, every));
    const last = minD(to, asOf);
    while (d <= last) {
      await w.add('episode_contacts', {
        id: rng.uuid(),
        episode_id: e.row.id,
        person_id: personId,
        contact_date: d,
        method: rng.pick(['visit', 'phone', 'office', 'meeting']),
        summary: rng.pick(CONTACT_SUMMARIES),
        by_name: rng.pick(OFFICER_NAMES),
        created_at: at(d, 7),
        created_by: officer,
      });
      stats.contacts++;
      lastContact = d;
      d = addDays(d, every + rng.int(-5, 5));
    }
  };
  /** Scheduled tests from..to; returns the first positive one's date (and stops there), or null. */
  const scheduledTests = async (from: string, to: string, every: number, pPositive: number) => {
    let d = addDays(from, rng.int(10, every));
    const last = minD(to, asOf);
    while (d <= last) {
      const positive = rng.chance(pPositive);
      await test(d, 'scheduled_during_management', positive);
      if (positive) return d;
      d = addDays(d, every + rng.int(-10, 10));
    }
    return null;
  };
  let eventGrounds: CompulsoryGround[] = [];

  // 1. Detection: a positive test.
  await test(start, 'suspicion', true);
  let cursor = start;
  let addicted = false;

  // 2. User management (most people), with contacts and scheduled tests.
  if (rng.chance(0.85)) {
    const dec = addDays(start, rng.int(1, 4));
    const um = await open('user_management', dec, {
      decisionDate: dec,
      details: { sourceTestId: null },
    });
    if (um) {
      const end = um.ep.plannedEnd as string;
      await contacts(um, dec, end, 30);
      const pos = await scheduledTests(dec, end, 75, 0.3);
      if (pos) {
        cursor = addDays(pos, rng.int(3, 12));
        if (cursor <= asOf) addicted = await determination(cursor, rng.chance(0.8));
      } else cursor = end;
    }
  } else {
    cursor = addDays(start, rng.int(3, 15));
    if (cursor <= asOf) addicted = await determination(cursor, rng.chance(0.9));
  }

  // 3. Up to three cycles of rehab → post-rehab → (relapse → determination → compulsory).
  for (let cycle = 0; cycle < 3 && addicted && cursor <= asOf; cycle++) {
    const r = rng.next();
    let rehab: EpRec | null = null;
    const relapseCycle = cycle > 0 || (relapseOn !== null && eventGrounds.length > 0);
    if (!relapseCycle && r < 0.33) {
      const s = addDays(cursor, rng.int(5, 30));
      const range = rules(s).voluntaryCommunityMonths.value;
      rehab = await open('voluntary_community', s, {
        months: rehabMonths(rules(s), range, s, eps, rng),
        details: {
          registration: { registeredOn: addDays(s, -3), provider: `Tổ cai nghiện cộng đồng ${unit.name}` },
          stages: [],
          subsidyEligible: false,
        },
      });
      if (rehab) await contacts(rehab, s, rehab.ep.plannedEnd as string, 30);
    } else if (!relapseCycle && r < 0.55) {
      const s = addDays(cursor, rng.int(10, 45));
      const range = rules(s).voluntaryFacilityMonths.value;
      const facilityId = rng.pick(c.facilities);
      rehab = await open('voluntary_facility', s, {
        months: rehabMonths(rules(s), range, s, eps, rng),
        facilityId,
        details: {
          contract: { number: `${rng.int(1, 500)}/HĐ`, signedOn: addDays(s, -2) },
          priorityGroup: null,
          costSupportPercent: 0,
          stages: stagesFor(s, asOf, rng),
        },
      });
      if (rehab) await test(s, 'intake', true);
    } else if (!relapseCycle && r < 0.7) {
      const s = addDays(cursor, rng.int(20, 60));
      const therapy = await open('substitution_therapy', s, {
        details: { clinic: { name: `Cơ sở điều trị Methadone ${unit.name}` }, interruptions: [] },
      });
      if (therapy) {
        const pos = await scheduledTests(s, asOf, 90, 0.06);
        if (pos && rng.chance(0.5)) {
          close(therapy, addDays(pos, rng.int(1, 20)) > asOf ? pos : addDays(pos, rng.int(1, 20)), 'quit');
          eventGrounds = ['quit_substitution_therapy'];
          cursor = therapy.ep.end as string;
          if (rng.chance(0.6)) {
            const dd = addDays(cursor, rng.int(3, 10));
            if (dd <= asOf) await determination(dd, true);
            cursor = dd;
            continue;
          }
        }
      }
      break;
    } else if (relapseCycle || r < 0.88) {
      // Compulsory: management while the dossier is prepared, then the court's order.
      const ps = addDays(cursor, rng.int(5, 20));
      const place = rng.chance(0.7) ? 'family' : 'facility';
      const facilityId = place === 'facility' ? rng.pick(c.facilities) : null;
      const grounds: CompulsoryGround[] = relapseCycle ? [] : ['not_registered_voluntary'];
      const pending = await open('compulsory_pending', ps, {
        facilityId,
        grounds,
        details: {
          place,
          familyCommitment:
            place === 'family'
              ? { committedBy: `${fullName.split(' ')[0]} Văn Bố`, relation: 'Bố', signedOn: ps }
              : null,
          grounds,
        },
      });
      if (!pending) break;
      const cs = addDays(ps, rng.int(30, 80));
      const courtDate = addDays(cs, -rng.int(2, 7));
      if (cs > asOf) break;
      const months = compulsoryMonths(rules(courtDate), birth, courtDate, eps, rng);
      rehab = await open('compulsory', cs, {
        months,
        decisionDate: courtDate,
        facilityId: facilityId ?? rng.pick(c.facilities),
        grounds,
        details: {
          court: {
            name: `Tòa án nhân dân khu vực ${rng.int(1, 12)}`,
            decisionNumber: `${rng.int(1, 900)}/QĐ-TA`,
            decisionDate: courtDate,
          },
          grounds,
        },
      });
      if (rehab) await test(cs, 'intake', true);
    } else {
      break; // addicted, not (yet) in rehab
    }
    if (!rehab) break;

    // Outcome of the rehab.
    const planned = rehab.ep.plannedEnd as string;
    const mid = addDays(rehab.ep.start, Math.floor((toDayNumber(planned) - toDayNumber(rehab.ep.start)) / 2));
    const o = rng.next();
    if (o < 0.12 && mid <= asOf) {
      close(rehab, mid, rehab.ep.type === 'compulsory' ? 'escaped' : 'quit');
      if (rehab.ep.type !== 'compulsory') eventGrounds = ['quit_voluntary_rehab'];
      break;
    }
    if (o < 0.2 && mid <= asOf && rehab.ep.type === 'voluntary_community') {
      const t = await test(mid, 'scheduled_during_management', true);
      close(rehab, mid, 'relapsed');
      eventGrounds = t.relapse ? [relapseGround(rehab.ep.type)!] : [];
      break;
    }
    if (planned >= asOf) break; // still in rehab
    close(rehab, planned, 'completed');
    cursor = planned;
    // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40).
    if (rehab.ep.type !== 'compulsory') break;

    // 4. Post-rehab management from the day after completion.
    const dec = addDays(planned, rng.int(2, 6));
    if (dec > asOf) {
      const due = deadlineFor('post_rehab_decision', planned, new Date(at(planned)), rules(planned));
      if (due) await task('post_rehab_decision', null, due.dueDate, due.ruleKey);
      break;
    }
    const post = await open('post_rehab', dec, { decisionDate: dec });
    if (!post) break;
    if (users.volunteer && rng.chance(0.7)) {
      await w.add('volunteer_assignments', {
        id: rng.uuid(),
        person_id: personId,
        user_id: users.volunteer,
        started_at: at(dec, 8),
        ended_at: (post.ep.plannedEnd as string) < asOf ? at(post.ep.plannedEnd as string, 8) : null,
        assigned_by: officer,
      });
      stats.volunteerAssignments++;
      if (c.team)
        await supportAfterRehab(rng, w, stats.services, c.team, {
          personId,
          communeCode: unit.code,
          provinceCode: unit.province_code,
          from: dec,
          to: post.ep.plannedEnd as string,
          asOf,
          volunteerUserId: users.volunteer,
          officerId: officer,
        });
    }
    const pEnd = post.ep.plannedEnd as string;
    await contacts(post, dec, pEnd, 30);
    const pos = await scheduledTests(dec, pEnd, 60, 0.07);
    if (pos) {
      close(post, pos, 'relapsed');
      eventGrounds = ['relapse_during_post_rehab'];
      cursor = addDays(pos, rng.int(3, 10));
      if (cursor > asOf) break;
      addicted = await determination(cursor, true);
      continue;
    }
    if (pEnd < asOf && rng.chance(0.6)) {
      const cert = addDays(pEnd, rng.int(1, 10));
      if (cert <= asOf) {
        close(post, pEnd, 'completed');
        post.row.certificate_number = `${rng.int(1, 500)}/GCN`;
        post.row.certificate_date = cert;
      }
    }
    break;
  }

  // Episodes are written once their history is final.
  for (const e of eps) {
    // The decision it rests on, a record of its own (migration 0029): each generated decision names one person.
    e.row.decision_id = null;
    if (DECISION_KINDS.has(e.ep.type) && e.row.decision_date) {
      e.row.decision_id = rng.uuid();
      await w.add('decisions', {
        id: e.row.decision_id,
        kind: e.ep.type,
        number: e.row.decision_number,
        decision_date: e.row.decision_date,
        issuing_unit_kind: e.row.responsible_unit_kind,
        issuing_unit_code: e.row.responsible_unit_code,
        issuing_body: e.row.decision_body,
        authority: e.row.authority,
        regime_id: e.row.regime_id,
        basis: '[]',
        signer: e.row.decision_signer,
        version: 1,
        created_at: e.row.created_at,
        created_by: e.row.created_by,
        updated_at: e.row.created_at,
        updated_by: e.row.created_by,
      });
    }
    await w.add('episodes', e.row);
    stats.episodes++;
    stats.episodesByType[e.ep.type] = (stats.episodesByType[e.ep.type] ?? 0) + 1;
  }

  // Open tasks on the work list for the present state.
  async function task(kind: string, episodeId: string | null, due: string, ruleKey: string | null = null) {
    const role =
      kind === 'drug_test_due' || kind === 'addiction_determination_due'
        ? 'commune_police'
        : 'commune_officer';
    await w.add('tasks', {
      id: rng.uuid(),
      kind,
      person_id: personId,
      episode_id: episodeId,
      responsible_role: role,
      unit_kind: 'commune',
      unit_code: unit.code,
      assignee_user_id: null,
      due_date: due,
      due_at: null,
      rule_key: ruleKey,
      regime_id: rules(minD(due, asOf)).regimeId,
      status: 'open',
      source_type: 'schedule',
      source_id: episodeId,
      closed_by_type: null,
      closed_by_id: null,
      closed_at: null,
      closed_by_user: null,
      details: null,
      created_at: at(asOf, 1),
    });
    stats.tasks++;
  }
  const managed = eps.find(
    (e) => (e.ep.type === 'user_management' || e.ep.type === 'post_rehab') && isActiveOn(e.ep, asOf),
  );
  if (managed) {
    await task('contact_due', managed.row.id, addDays(lastContact ?? managed.ep.start, 30));
    if (rng.chance(0.5))
      await task('drug_test_due', managed.row.id, addDays(lastTest ?? managed.ep.start, 75));
  }

  const status = derivePersonStatus(history(), asOf, {
    addictionDeterminedOn: (det as { on: string; addicted: boolean } | null)?.addicted
      ? (det as unknown as { on: string }).on
      : null,
    relapseDetectedOn: relapseOn,
  });
  if (status === 'relapsed' && relapseOn) {
    const ro = relapseOn as string;
    const d = (det as { on: string } | null)?.on;
    if (!d || d < ro) {
      const due = deadlineFor('addiction_determination_due', ro, new Date(at(ro)), rules(ro));
      if (due) await task('addiction_determination_due', null, due.dueDate);
    }
  }
  if (status === 'post_rehab' || status === 'community_rehab' || status === 'addicted')
    c.groupSessionMembers.push(personId);
  const atFacility = eps.find(
    (e) =>
      e.row.facility_id &&
      ['voluntary_facility', 'compulsory', 'compulsory_pending'].includes(e.ep.type) &&
      isActiveOn(e.ep, asOf),
  );
  const created = at(start, 1);
  await w.add('people', {
    id: personId,
    full_name: fullName,
    name_search: normalizeVi(fullName),
    other_names: otherName ? JSON.stringify([otherName]) : null,
    other_names_search: otherName ? normalizeVi(otherName) : null,
    sex: male ? 'male' : 'female',
    birth_date: birthDate,
    birth_year: birthYear,
    citizen_id: citizenId,
    ethnicity: rng.chance(0.85) ? 'Kinh' : rng.pick(['Tày', 'Thái', 'Mường', 'Hmông', 'Nùng', 'Dao']),
    phone: rng.chance(0.7) ? `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null,
    occupation: rng.pick(OCCUPATIONS),
    perm_commune_code: unit.code,
    perm_detail: `${rng.pick(STREETS)} ${rng.int(1, 25)}`,
    cur_commune_code: unit.code,
    cur_detail: `${rng.pick(STREETS)} ${rng.int(1, 25)}`,
    province_code: unit.province_code,
    family_contacts: JSON.stringify([{ name: `${family} Thị Mẹ`, relation: 'Mẹ' }]),
    status,
    current_facility_id: (atFacility?.row.facility_id as string) ?? null,
    version: 1,
    created_at: created,
    created_by: officer,
    updated_at: created,
    updated_by: officer,
  });
  stats.people++;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  // The dated status history, as the product keeps it (episodes/person-status.ts); ids drawn from no randomness
  // so that the rest of the data set stays the same.
  const spans = statusHistoryOf({
    episodes: eps.map((e) => ({ ep: e.ep, facilityId: (e.row.facility_id as string | null) ?? null })),
    determinations: dets,
    relapses: relapseTests.map((t) => t.on),
    since: start,
    today: asOf,
  });
  const openSpan = spans[spans.length - 1];
  if (openSpan) {
    openSpan.status = status;
    openSpan.facility = (atFacility?.row.facility_id as string) ?? null;
  }
  for (const [i, sp] of spans.entries())
    await w.add('person_status_history', {
      id: `${personId}:${i}`,
      person_id: personId,
      status: sp.status,
      facility_id: sp.facility,
      valid_from: sp.from,
      valid_to: sp.to,
    });

  // The facility's own records of each stay the history produced.
  let stays = 0;
  for (const e of eps) {
    if (!e.row.facility_id || !['voluntary_facility', 'compulsory'].includes(e.ep.type)) continue;
    const planned = JSON.parse(e.row.details as string).stages as
      | { stage: number; from: string; to?: string }[]
      | undefined;
    await facilityStay(rng, w, stats.services, {
      asOf,
      personId,
      episodeId: e.row.id,
      facilityId: e.row.facility_id as string,
      communeCode: unit.code,
      ep: e.ep,
      repeat: stays++ > 0,
      stages: planned?.length ? planned : stagesFor(e.ep.start, e.ep.end ?? asOf, rng),
      staffUserId: c.facilityStaff.get(e.row.facility_id as string) ?? null,
    });
  }
}

function pickWeighted(rng: Rng, xs: readonly (readonly [string, number])[]): string {
  const total = xs.reduce((a, [, n]) => a + n, 0);
  let r = rng.next() * total;
  for (const [v, n] of xs) {
    r -= n;
    if (r < 0) return v;
  }
  return xs[0][0];
}

/** A term the rules in force accept: juvenile or adult range, or the fixed first/repeat terms. */
function compulsoryMonths(r: RegimeRules, birth: string, date: string, eps: EpRec[], rng: Rng): number {
  const all = r.rehabFixedTermMonths.value;
  if (all)
    return priorRehabOf(
      eps.map((e) => e.ep),
      date,
    )
      ? all.repeat
      : all.first;
  const age = ageOn(birth, date);
  if (age < r.compulsoryJuvenileAge.value.maxExclusive) {
    const j = r.compulsoryJuvenileMonths.value;
    return rng.int(j.min, j.max);
  }
  const fixed = r.compulsoryFixedTermMonths.value;
  if (fixed) return eps.some((e) => e.ep.type === 'compulsory') ? fixed.repeat : fixed.first;
  const a = r.compulsoryAdultMonths.value;
  return rng.int(a.min, a.max);
}

/** A voluntary term the rules accept: in the range, or the fixed first/later term of Law 120. */
function rehabMonths(
  r: RegimeRules,
  range: { min: number; max: number },
  date: string,
  eps: EpRec[],
  rng: Rng,
): number {
  const all = r.rehabFixedTermMonths.value;
  if (all)
    return priorRehabOf(
      eps.map((e) => e.ep),
      date,
    )
      ? all.repeat
      : all.first;
  return rng.int(range.min, range.max);
}

/** Facility events of a voluntary-facility stay: the five stages, dated across the first months. */
function stagesFor(start: string, asOf: string, rng: Rng) {
  const stages = [];
  let d = start;
  for (let s = 1; s <= 5 && d <= asOf; s++) {
    const to = addDays(d, rng.int(10, 40));
    stages.push(
      to <= asOf ? { stage: s, from: d, to, completed: true } : { stage: s, from: d, completed: false },
    );
    d = addDays(to, 1);
  }
  return stages;
}
