import { expect } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// Shared by the community tests (not a test file itself): an app, officers of two communes, and builders.

export type User = Awaited<ReturnType<TestApp['userAs']>>;

export async function communityApp() {
  const t = await createTestApp({ SESSION_IDLE_MINUTES: '100000000' });
  const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  const officerNgocHa = await t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  const officerQN = await t.userAs('commune_officer', 'commune', '06652');
  const police = await t.userAs('commune_police', 'commune', UNITS.baDinh);
  const province = await t.userAs('province_officer', 'province', UNITS.hanoi);
  const national = await t.userAs('national_officer', 'nation', null);
  let n = 0;
  const person = async (
    by: User = officer,
    communeCode: string = UNITS.baDinh,
    over: Record<string, unknown> = {},
  ) => {
    n++;
    const res = await by.call('POST', '/api/people', {
      fullName: `Người Được Giúp ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 26]}${n}`,
      sex: 'male',
      birthYear: 1985 + (n % 20),
      phone: '0912345678',
      currentAddress: { communeCode, detail: `Tổ ${n}` },
      confirmPossibleDuplicate: true,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const team = async (by: User = officer, name = 'Đội công tác xã hội tình nguyện') => {
    const res = await by.call('POST', '/api/community/teams', { name, establishedOn: '2024-01-05' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const volunteer = async (teamId: string, over: Record<string, unknown> = {}, by: User = officer) => {
    const res = await by.call('POST', '/api/community/volunteers', {
      teamId,
      fullName: 'Nguyễn Thị Hoa',
      organisation: 'womens_union',
      joinedOn: '2024-01-05',
      phone: '0987000111',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const assign = async (
    volunteerId: string,
    personId: string,
    startedOn = '2024-02-01',
    by: User = officer,
  ) => {
    const res = await by.call('POST', '/api/community/assignments', { volunteerId, personId, startedOn });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  return {
    t,
    officer,
    officerNgocHa,
    officerQN,
    police,
    province,
    national,
    person,
    team,
    volunteer,
    assign,
  };
}

/** Every key anywhere in a JSON value. */
export function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  return out;
}
