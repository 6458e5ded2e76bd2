import { CCCD_PROVINCE_CODES } from '@hoanhap/domain/cccd';
import { fromDayNumber, toDayNumber } from '@hoanhap/domain/iso-date';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { unitsInForce } from '../../apps/server/src/modules/shared/units-in-force.repo.ts';
import {
  at,
  BENCH_USER,
  COMMUNE_SCALE_CODES,
  type GenOptions,
  type GenStats,
  prng,
  TARGET,
  type Unit,
} from './generator-basics.ts';
import { communeTeam, newServiceStats, teamActivities } from './generator-services.ts';
import { OFFICER_NAMES } from './names.ts';
import { simulatePerson } from './simulate-person.ts';
import type { BulkWriter } from './writer.ts';

export { type GenOptions, type GenStats, prng, type Scale } from './generator-basics.ts';

// The data generator. Every history is built by asking the product's domain rules, in legal order:
// a positive test, a user-management decision (canStart + validateTerm + plannedEnd), scheduled tests and
// contacts, an addiction determination whose result is isAddicted()'s, rehab of one of the forms with a
// term the rules accept, post-rehab management from the day after completion, relapse and compulsory rehab.
// An act the rules refuse is not written (and counted in `refused`). Statuses are derivePersonStatus()'s.
// Rows are written in bulk (writer.ts) for speed, never through a path the rules do not see.

export async function generate(db: Kysely<DB>, w: BulkWriter, opts: GenOptions): Promise<GenStats> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const rng = prng(opts.seed);
  const asOf = opts.asOf;

  // --- the real units loaded on first start ---
  const allCommunes: Unit[] = (await unitsInForce(db, 'commune')
    .select(['code', 'province_code', 'name'])
    .orderBy('code')
    .execute()) as Unit[];
  const provinces = await unitsInForce(db, 'province').select(['code', 'name']).orderBy('code').execute();
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
    // A commune's accounts are named <prefix>.<commune code> (xa: officer, ca: police, tnv: volunteer).
    const communeUser = (prefix: string, role: string, fullName: string) =>
      addUser(`${prefix}.${unit.code}`, role, 'commune', unit.code, fullName);
    const officer = await communeUser('xa', 'commune_officer', `${rng.pick(OFFICER_NAMES)} (${unit.name})`);
    const entry: { officer: string; police?: string; volunteer?: string } = { officer };
    if (i % 3 === 0 || all) entry.police = await communeUser('ca', 'commune_police', `Công an ${unit.name}`);
    if (i % 10 === 0 || all)
      entry.volunteer = await communeUser('tnv', 'volunteer', `Tình nguyện viên ${unit.name}`);
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
