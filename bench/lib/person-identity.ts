import { makeCccd } from '@hoanhap/domain/cccd';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { at } from './generator-basics.ts';
import { FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, OCCUPATIONS, STREETS } from './names.ts';
import type { PersonCtx } from './person-records.ts';
import { pickWeighted } from './term-picks.ts';

// Who a generated person is (name, birth, identity card, address), apart from what happens to them
// (simulate-person.ts). Drawn from the same random stream in a fixed order: the identity first, the rest of the
// person's row once their history is known.

export type Identity = ReturnType<typeof drawIdentity>;

/** The first draws of a person: id, sex, birth, name, nickname and citizen id. */
export function drawIdentity(c: PersonCtx) {
  const { rng } = c;
  const personId = rng.uuid();
  const male = rng.chance(0.92);
  const juvenile = rng.chance(0.03);
  const birthYear = juvenile ? rng.int(2008, 2011) : rng.int(1968, 2004);
  const birthDate = rng.chance(0.85)
    ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
    : null;
  const family = pickWeighted(rng, FAMILY);
  const fullName = `${family} ${rng.pick(male ? MIDDLE_M : MIDDLE_F)} ${rng.pick(male ? GIVEN_M : GIVEN_F)}`;
  const otherName = rng.chance(0.1) ? `${rng.pick(['Tí', 'Tèo', 'Bờm', 'Sún', 'Cò', 'Đen'])}` : null;
  const citizenId = rng.chance(0.9)
    ? makeCccd(c.cccdProvince, birthYear, male ? 'male' : 'female', c.serial)
    : null;
  return {
    personId,
    male,
    birthYear,
    birthDate,
    birth: birthDate ?? String(birthYear),
    family,
    fullName,
    otherName,
    citizenId,
  };
}

/** The person's row, written last: with the status their history led to and the facility they are in. */
export async function writePerson(
  c: PersonCtx,
  p: Identity,
  state: { status: string; facilityId: string | null; start: string },
) {
  const { rng, unit } = c;
  const created = at(state.start, 1);
  await c.w.add('people', {
    id: p.personId,
    full_name: p.fullName,
    name_search: normalizeVi(p.fullName),
    other_names: p.otherName ? JSON.stringify([p.otherName]) : null,
    other_names_search: p.otherName ? normalizeVi(p.otherName) : null,
    sex: p.male ? 'male' : 'female',
    birth_date: p.birthDate,
    birth_year: p.birthYear,
    citizen_id: p.citizenId,
    ethnicity: rng.chance(0.85) ? 'Kinh' : rng.pick(['Tày', 'Thái', 'Mường', 'Hmông', 'Nùng', 'Dao']),
    phone: rng.chance(0.7) ? `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null,
    occupation: rng.pick(OCCUPATIONS),
    perm_commune_code: unit.code,
    perm_detail: `${rng.pick(STREETS)} ${rng.int(1, 25)}`,
    cur_commune_code: unit.code,
    cur_detail: `${rng.pick(STREETS)} ${rng.int(1, 25)}`,
    province_code: unit.province_code,
    family_contacts: JSON.stringify([{ name: `${p.family} Thị Mẹ`, relation: 'Mẹ' }]),
    status: state.status,
    current_facility_id: state.facilityId,
    version: 1,
    created_at: created,
    created_by: c.users.officer,
    updated_at: created,
    updated_by: c.users.officer,
  });
  c.stats.people++;
  c.stats.byStatus[state.status] = (c.stats.byStatus[state.status] ?? 0) + 1;
}
