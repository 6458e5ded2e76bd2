import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import { refreshStatuses } from './person-status.ts';

// Shared by the pathway tests: an app whose clock the test moves (sessions never idle out), and builders
// for the requests of a person's path. Not a test file itself.

export type User = Awaited<ReturnType<TestApp['userAs']>>;

export async function pathwayApp(env: Record<string, string> = {}) {
  const t = await createTestApp({ SESSION_IDLE_MINUTES: '100000000', ...env });
  let clock = new Date();
  t.deps.now = () => new Date(clock);
  /** Moves the app's clock to 10:00 (Vietnam) on a date. */
  const setToday = (date: string) => {
    clock = new Date(`${date}T03:00:00.000Z`);
  };
  const facility = async (name: string, provinceCode = UNITS.hanoi) => {
    const id = randomUUID();
    const at = new Date().toISOString();
    await t.deps.database.db
      .insertInto('facilities')
      .values({
        id,
        name,
        kind: 'rehab_public',
        province_code: provinceCode,
        commune_code: null,
        address: null,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  };
  let n = 0;
  const person = async (officer: User, over: Record<string, unknown> = {}) => {
    n++;
    const res = await officer.call('POST', '/api/people', {
      fullName: `Người Thử Nghiệm ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 26]}${n}`,
      sex: 'male',
      birthDate: '1990-05-12',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 1' },
      confirmPossibleDuplicate: true,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const statusOf = async (personId: string) =>
    (
      await t.deps.database.db
        .selectFrom('people')
        .select(['status', 'current_facility_id', 'cur_commune_code'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
    ).status;
  const tasksOf = (personId: string) =>
    t.deps.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
  /** What the nightly job does: re-derive statuses that moved with time. */
  const refresh = () => refreshStatuses(t.deps.database.db, t.deps.now(), '2022-01-01');
  return { t, setToday, facility, person, statusOf, tasksOf, refresh };
}

export const testBody = (
  testedOn: string,
  result: 'positive' | 'negative',
  reason = 'suspicion',
  substance = 'methamphetamine',
) => ({
  testedOn,
  method: 'rapid_urine',
  results: [
    { substance, result },
    { substance: 'heroin', result: 'negative' },
  ],
  performedBy: 'Thiếu úy Lê Văn Cường',
  reason,
});

/** Three criteria present together from `from` to the assessment date: addicted once that spans a month. */
export const determinationBody = (assessedOn: string, from: string) => ({
  assessedOn,
  observations: [
    { criterion: 'craving', from },
    { criterion: 'loss_of_control', from },
    { criterion: 'withdrawal', from },
  ],
  doctor: { name: 'BS. Nguyễn Thị Lan', certificate: 'CCHN-001234' },
  facilityName: 'Trung tâm Y tế phường Ba Đình',
  // The doctor's Form 04 conclusion (Decree 109/2021), which the criteria above support.
  conclusion: 'addicted',
  form04Number: '15/PKQ',
  substances: ['methamphetamine'],
});

export const decision = (date: string, number = '01/QĐ-UBND') => ({
  number,
  date,
  signer: 'Trần Văn Chủ Tịch',
});
