import { addDays } from '@hoanhap/domain/iso-date';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablesRead } from '../../db/change-tracker.ts';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';
import { blocksRepo } from './blocks.repo.ts';

// Time travel: a period's figures and drill-downs read the past. The first half of 2025 is built through the API
// in Phường Ba Đình (Hà Nội), with one person in Phường Ngọc Hà; its figures are read in July 2025, by today's
// units and by the units of the period (grouping=period); then records move on — management completed, accounts
// closed and created, a person moved to another commune and determined addicted there, a post-rehab term running
// out, a decision renumbered, Ngọc Hà merged into Ba Đình — and the same period, read again, gives the same
// figures and the same records (by the units of the period, each record in the same commune as before).

const FROM = '2025-01-01';
const TO = '2025-06-30';

// The indicators that read a stock at the period's end or accounts (status, co-managed people, staff).
const INDICATORS = [
  'people_total',
  'people_post_rehab',
  'people_addicted',
  'people_drug_user_managed',
  'team_co_managed',
  'staff_trained_share',
  'service_access_share',
  'post_rehab_decisions',
  'post_rehab_people',
];

let k: Awaited<ReturnType<typeof pathwayApp>>;
let admin: User;
let officer: User;
let police: User;
let province: User;
let nation: User;
let ngocHaPolice: User;
let ngocHaOfficer: User;
let newPolice: User;
let newOfficer: User;
const who: Record<string, string> = {};
let reportId: string | null = null;
const episodes: Record<string, { id: string; version: number }> = {};

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

type Snapshot = Record<string, unknown>;

/**
 * Every figure of the list for a unit, with the records behind its numerator and denominator (grouped by the
 * units of the period: with the commune each record is placed in).
 */
async function read(unit: string | null, u: User, grouping: 'today' | 'period' = 'today'): Promise<Snapshot> {
  const q = `${unit ? `unit=${unit}&` : ''}from=${FROM}&to=${TO}${grouping === 'period' ? '&grouping=period' : ''}`;
  const out: Snapshot = {};
  for (const id of INDICATORS) {
    const f = ok(await u.call('GET', `/api/indicators/${id}/value?${q}`)).figure;
    const records: Record<string, string[]> = {};
    for (const part of f.denominator == null ? ['numerator'] : ['numerator', 'denominator']) {
      const page = ok(await u.call('GET', `/api/indicators/${id}/records?${q}&part=${part}&limit=500`));
      records[part] = page.items
        .map(
          (r: { recordId: string; personId: string | null; communeCode?: string | null }) =>
            `${r.recordId}|${r.personId ?? ''}${grouping === 'period' ? `|${r.communeCode ?? ''}` : ''}`,
        )
        .sort();
    }
    out[id] = { value: f.value, numerator: f.numerator, denominator: f.denominator, records };
  }
  if (unit === UNITS.hanoi && reportId && grouping === 'today') {
    // The province's half-year report, submitted in July: its figures computed again now, and its children.
    const r = ok(await province.call('GET', `/api/reports/${reportId}`));
    expect(r.differences).toEqual([]);
    out.report = {
      figures: Object.fromEntries(
        (r.currentFigures as { indicatorId: string; value: number | null }[]).map((f) => [
          f.indicatorId,
          f.value,
        ]),
      ),
      children: r.children,
    };
  }
  return out;
}

const before: Record<string, Snapshot> = {};
const units = () =>
  [
    ['baDinh', UNITS.baDinh, province, 'today'],
    ['hanoi', UNITS.hanoi, province, 'today'],
    ['nation', null, nation, 'today'],
    ['baDinhByPeriod', UNITS.baDinh, province, 'period'],
    ['ngocHaByPeriod', UNITS.ngocHa, province, 'period'],
    ['hanoiByPeriod', UNITS.hanoi, province, 'period'],
  ] as const;
/** What a move of a person or a merge of communes leaves unchanged: the province, the nation, the period's units. */
const WHOLE_OR_BY_PERIOD = ['hanoi', 'nation', 'baDinhByPeriod', 'ngocHaByPeriod', 'hanoiByPeriod'] as const;

async function readAll(only?: readonly string[]) {
  const out: Record<string, Snapshot> = {};
  for (const [name, code, u, grouping] of units())
    if (!only || only.includes(name)) out[name] = await read(code, u, grouping);
  return out;
}

/** One figure's value for a unit, by today's units or the period's. */
const figureValue = async (id: string, unit: string, grouping: 'today' | 'period') =>
  ok(
    await province.call(
      'GET',
      `/api/indicators/${id}/value?unit=${unit}&from=${FROM}&to=${TO}${grouping === 'period' ? '&grouping=period' : ''}`,
    ),
  ).figure.value as number;

beforeAll(async () => {
  k = await pathwayApp();
  // Accounts exist from before the period.
  k.setToday('2024-07-01');
  admin = await k.t.userAs('system_admin', 'nation', null);
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  nation = await k.t.userAs('national_officer', 'nation', null);
  ngocHaPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
  ngocHaOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  const facilityId = await k.facility('Cơ sở cai nghiện ma túy số 1 Hà Nội');

  // Two people out of compulsory rehab under post-rehab management (12 months): A from 01/08/2024 (to the end of
  // July 2025), B from 12/01/2025; both assigned to a volunteer of the commune's team in January 2025.
  const PEOPLE = [
    { name: 'a', n: 1, today: '2024-08-05', assessed: '2023-07-20', rehab: '2023-08-01', post: '2024-08-01' },
    { name: 'b', n: 2, today: '2025-01-15', assessed: '2023-10-20', rehab: '2023-12-01', post: '2025-01-12' },
  ];
  for (const x of PEOPLE) {
    k.setToday(x.today);
    const p = await k.person(officer);
    ok(
      await police.call(
        'POST',
        `/api/people/${p.id}/addiction-determinations`,
        determinationBody(x.assessed, '2023-01-01'),
      ),
      201,
    );
    const rehab = ok(
      await police.call('POST', `/api/people/${p.id}/episodes`, {
        type: 'compulsory',
        startDate: x.rehab,
        termMonths: 12,
        facilityId,
        grounds: ['not_registered_voluntary'],
        court: {
          name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
          decisionNumber: `${x.n}/2023/QĐ-TA`,
          decisionDate: addDays(x.rehab, -3),
        },
      }),
      201,
    );
    ok(
      await officer.call('POST', `/api/episodes/${rehab.id}/close`, {
        version: rehab.version,
        outcome: 'completed',
        endDate: rehab.plannedEnd,
      }),
    );
    const post = ok(
      await officer.call('POST', `/api/people/${p.id}/episodes`, {
        type: 'post_rehab',
        startDate: x.post,
        decision: decision(addDays(x.post, -2), `0${x.n}/QĐ-UBND`),
        managerIds: [officer.userId],
      }),
      201,
    );
    episodes[x.name] = { id: post.id, version: post.version };
    who[x.name] = p.id;
  }
  const team = ok(
    await officer.call('POST', '/api/community/teams', {
      name: 'Đội tình nguyện',
      establishedOn: '2024-01-05',
    }),
    201,
  );
  const volunteer = ok(
    await officer.call('POST', '/api/community/volunteers', {
      teamId: team.id,
      fullName: 'Nguyễn Thị Hoa',
      organisation: 'womens_union',
      joinedOn: '2024-01-05',
      phone: '0987000111',
    }),
    201,
  );
  for (const name of ['a', 'b'])
    ok(
      await officer.call('POST', '/api/community/assignments', {
        volunteerId: volunteer.id,
        personId: who[name],
        startedOn: '2025-01-15',
      }),
      201,
    );
  // A person recorded in the period, with nothing else yet.
  k.setToday('2025-02-01');
  who.c = (await k.person(officer)).id;
  // A person recorded in Ngọc Hà in the period (Ngọc Hà is merged into Ba Đình later).
  k.setToday('2025-03-01');
  who.d = (
    await k.person(ngocHaOfficer, {
      currentAddress: { communeCode: UNITS.ngocHa, detail: 'Số 3 phố Ngọc Hà' },
    })
  ).id;
  // Staff trained in the period: the officer (the police officer is not).
  k.setToday('2025-03-05');
  ok(
    await officer.call('POST', '/api/community/trainings', {
      course: 'Kỹ năng tư vấn dự phòng tái nghiện',
      heldOn: '2025-03-05',
      attendeeUserIds: [officer.userId],
    }),
    201,
  );
  // The period is read in July (after the nightly job).
  k.setToday('2025-07-10');
  await k.refresh();
  const report = ok(
    await province.call('POST', '/api/reports', { periodKind: 'half_year', year: 2025 }),
    201,
  );
  ok(await province.call('POST', `/api/reports/${report.id}/submit`, { version: report.version }));
  reportId = report.id;
  Object.assign(before, await readAll());
}, 180_000);
afterAll(async () => k?.t.close());

describe('the period as read in July 2025', () => {
  it('has the statuses at its end, the co-managed people and the staff of then', () => {
    const b = before.baDinh as Record<string, { value: number; numerator: number; denominator: number }>;
    expect(b.people_total!.value).toBe(3);
    expect(b.people_post_rehab!.value).toBe(2);
    expect(b.team_co_managed!.value).toBe(2);
    expect(b.people_addicted!.value).toBe(0);
    // Ba Đình's officer and police officer are its staff; one of them trained.
    expect(b.staff_trained_share).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // The province's report of the half-year (to 14/06/2025) has the same stock figures.
    const report = before.hanoi!.report as { figures: Record<string, number | null> };
    expect(report.figures).toMatchObject({ people_total: 4, people_post_rehab: 2 });
    // By the units of the period, the same for a commune nobody moved from yet, and one decision in Ba Đình.
    const p = before.baDinhByPeriod as Record<string, { value: number }>;
    expect(p.people_total!.value).toBe(3);
    expect(p.post_rehab_decisions!.value).toBe(1);
    expect((before.ngocHaByPeriod as Record<string, { value: number }>).people_total!.value).toBe(1);
    expect((before.hanoiByPeriod as Record<string, { value: number }>).people_total!.value).toBe(4);
  });
});

/**
 * Reads the period, does `act`, reads it again: the figures and records are those read just before (so each
 * act is checked on its own) and those first read in July 2025.
 */
async function unchangedBy(act: () => Promise<void>, only?: readonly string[]) {
  const prev = await readAll(only);
  await act();
  const now = await readAll(only);
  expect(now).toEqual(prev);
  for (const name of Object.keys(now)) expect(now[name]).toEqual(before[name]);
}

describe('moving records on leaves the period unchanged', () => {
  it('post-rehab management completed (the certificate, Form 54)', async () => {
    k.setToday('2025-08-05');
    // The current month, read before and after: the figure store sees the history tables written.
    const august = async () =>
      ok(
        await province.call(
          'GET',
          `/api/indicators/people_post_rehab/value?unit=${UNITS.baDinh}&from=2025-08-01&to=2025-08-31`,
        ),
      ).figure.value;
    expect(await august()).toBe(2);
    await unchangedBy(async () => {
      ok(
        await officer.call('POST', `/api/episodes/${episodes.a!.id}/certificate`, {
          version: episodes.a!.version,
          issuedOn: '2025-08-05',
          signer: 'Trần Văn Chủ Tịch',
        }),
      );
      expect(await k.statusOf(who.a!)).toBe('completed');
    });
    expect(await august()).toBe(1);
  });

  it('the blocks read the history tables, so the figure store tracks them', () => {
    const range = { from: FROM, to: TO };
    const tables = (block: string, params: Record<string, string> = {}) =>
      tablesRead(
        blocksRepo.aggregateSql(k.t.deps.database.db, block, params, range, { kind: 'nation' }, 'people'),
      );
    expect(tables('people_by_status', { status: 'post_rehab' })).toContain('person_status_history');
    expect(tables('community_people_assigned', { status: 'post_rehab' })).toContain('person_status_history');
    expect(tables('staff_total')).toContain('account_periods');
    expect(tables('staff_trained')).toContain('account_periods');
  });

  it('an account closed', async () => {
    k.setToday('2025-09-15');
    await unchangedBy(async () => {
      ok(await admin.call('PATCH', `/api/users/${police.userId}`, { active: false, version: 1 }));
    });
  });

  it('accounts created', async () => {
    k.setToday('2025-10-01');
    await unchangedBy(async () => {
      newOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
      newPolice = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    });
  });

  it('an account moved to another commune', async () => {
    k.setToday('2025-10-05');
    await unchangedBy(async () => {
      ok(
        await admin.call('PATCH', `/api/users/${officer.userId}`, {
          scopeKind: 'commune',
          scopeCode: UNITS.ngocHa,
          version: 1,
        }),
      );
    });
  });

  it('a person moved to another commune of the province and determined addicted there', async () => {
    // By today's units the person now counts in Ngọc Hà, also for the past period; by the units of the period
    // in Ba Đình, where they lived then (the drill-down places them there).
    const [baDinhToday, ngocHaToday] = [
      await figureValue('people_total', UNITS.baDinh, 'today'),
      await figureValue('people_total', UNITS.ngocHa, 'today'),
    ];
    await unchangedBy(async () => {
      k.setToday('2025-10-20');
      const p = ok(await newPolice.call('GET', `/api/people/${who.c}`));
      ok(
        await newPolice.call('POST', `/api/people/${who.c}/transfer`, {
          version: p.version,
          toCommuneCode: UNITS.ngocHa,
          detail: 'Số 12 phố Ngọc Hà',
          movedOn: '2025-10-20',
        }),
        201,
      );
      k.setToday('2025-10-25');
      ok(
        await ngocHaPolice.call(
          'POST',
          `/api/people/${who.c}/addiction-determinations`,
          determinationBody('2025-10-25', '2025-01-01'),
        ),
        201,
      );
      expect(await k.statusOf(who.c!)).toBe('addicted');
    }, WHOLE_OR_BY_PERIOD);
    expect(await figureValue('people_total', UNITS.baDinh, 'today')).toBe(baDinhToday - 1);
    expect(await figureValue('people_total', UNITS.ngocHa, 'today')).toBe(ngocHaToday + 1);
    const records = (before.baDinhByPeriod as Record<string, { records: { numerator: string[] } }>)
      .people_total!.records.numerator;
    expect(records.find((r) => r.includes(`|${who.c}|`))).toMatch(new RegExp(`\\|${UNITS.baDinh}$`));
    // The dated record of the person's commune, kept by the move.
    const spans = await k.t.deps.database.db
      .selectFrom('person_units')
      .select(['commune_code', 'valid_from', 'valid_to', 'cause'])
      .where('person_id', '=', who.c!)
      .orderBy('valid_from')
      .execute();
    expect(spans).toEqual([
      { commune_code: UNITS.baDinh, valid_from: '0001-01-01', valid_to: '2025-10-20', cause: 'record' },
      { commune_code: UNITS.ngocHa, valid_from: '2025-10-20', valid_to: null, cause: 'move' },
    ]);
  });

  it('a post-rehab term running out with time (the nightly job)', async () => {
    await unchangedBy(async () => {
      k.setToday('2026-02-01');
      await k.refresh();
      expect(await k.statusOf(who.b!)).toBe('completed');
    }, WHOLE_OR_BY_PERIOD);
  });

  it('a decision renumbered', async () => {
    k.setToday('2026-02-10');
    const { decision_id } = await k.t.deps.database.db
      .selectFrom('episodes')
      .select('decision_id')
      .where('id', '=', episodes.b!.id)
      .executeTakeFirstOrThrow();
    expect(decision_id).toBeTruthy();
    await unchangedBy(async () => {
      const d = ok(await newOfficer.call('GET', `/api/decisions/${decision_id}`));
      const fixed = ok(
        await newOfficer.call('PATCH', `/api/decisions/${decision_id}`, {
          version: d.version,
          number: '99/QĐ-UBND',
        }),
      );
      expect(fixed.number).toBe('99/QĐ-UBND');
    }, WHOLE_OR_BY_PERIOD);
  });

  it('Ngọc Hà merged into Ba Đình: by the units of the period it keeps its people of then', async () => {
    k.setToday('2026-03-01');
    expect(await figureValue('people_total', UNITS.ngocHa, 'today')).toBe(2); // d, and c who moved there
    await unchangedBy(async () => {
      const update = ok(
        await admin.call('POST', '/api/unit-updates', {
          effectiveDate: '2026-03-01',
          source: 'Nghị quyết sáp nhập (thử nghiệm)',
          mode: 'partial',
          units: [],
          abolish: [UNITS.ngocHa],
          merges: [{ from: UNITS.ngocHa, into: UNITS.baDinh }],
        }),
        201,
      );
      expect(update.summary.merged).toEqual({ count: 1, people: 2 });
    }, WHOLE_OR_BY_PERIOD);
    // By today's units Ngọc Hà's people are Ba Đình's, for the past period too; by the period's, d stays there.
    expect(await figureValue('people_total', UNITS.baDinh, 'today')).toBe(4);
    expect(await figureValue('people_total', UNITS.ngocHa, 'today')).toBe(0);
    expect(await figureValue('people_total', UNITS.ngocHa, 'period')).toBe(1);
    expect(await figureValue('people_total', UNITS.baDinh, 'period')).toBe(3);
    const spans = await k.t.deps.database.db
      .selectFrom('person_units')
      .select(['commune_code', 'valid_from', 'valid_to', 'cause'])
      .where('person_id', '=', who.d!)
      .orderBy('valid_from')
      .execute();
    expect(spans).toEqual([
      { commune_code: UNITS.ngocHa, valid_from: '0001-01-01', valid_to: '2026-03-01', cause: 'record' },
      { commune_code: UNITS.baDinh, valid_from: '2026-03-01', valid_to: null, cause: 'merge' },
    ]);
    // An area is a set of today's communes: the commune merged into one of them is in it by either grouping.
    const area = ok(
      await province.call('POST', '/api/areas', { name: 'Khu vực Ba Đình', communeCodes: [UNITS.baDinh] }),
      201,
    );
    expect(await figureValue('people_total', area.unit, 'today')).toBe(4);
    expect(await figureValue('people_total', area.unit, 'period')).toBe(4);
  });

  it('a province report by the units of its period lists the communes of then, and its files say so', async () => {
    const created = ok(
      await province.call('POST', '/api/reports', {
        periodKind: 'nine_months',
        year: 2025,
        grouping: 'period',
      }),
      201,
    );
    expect(created.grouping).toBe('period');
    const people = (code: string) =>
      (created.children as { code: string; values: { indicatorId: string; value: number }[] }[])
        .find((c) => c.code === code)
        ?.values.find((v) => v.indicatorId === 'people_total')?.value;
    // Ngọc Hà, merged since, is a unit of the period with its person of then; Ba Đình has its own three.
    expect(people(UNITS.ngocHa)).toBe(1);
    expect(people(UNITS.baDinh)).toBe(3);
    const total = (created.figures as { indicatorId: string; value: number }[]).find(
      (f) => f.indicatorId === 'people_total',
    )?.value;
    expect(total).toBe(4);
    const json = ok(await province.call('GET', `/api/reports/${created.id}/export?format=json`));
    expect(json.grouping).toBe('period');
    const csv = await province.call('GET', `/api/reports/${created.id}/export?format=csv`);
    expect(csv.body.split('\r\n')[1]).toMatch(/,period$/);
    const wb = new ExcelJS.Workbook();
    const xlsx = await province.call('GET', `/api/reports/${created.id}/export?format=xlsx`);
    await wb.xlsx.load(xlsx.rawPayload as never);
    const info = new Map<string, unknown>();
    wb.getWorksheet('Thông tin')!.eachRow((r) => info.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(info.get('Nhóm số liệu')).toBe('Theo đơn vị của kỳ báo cáo');
    // By today's units (the default) the same period has no Ngọc Hà: its people are Ba Đình's now.
    const today = ok(
      await province.call(
        'GET',
        `/api/indicators/people_total/value?unit=${UNITS.hanoi}&from=${created.from}&to=${created.to}&by=unit`,
      ),
    );
    const keys = (today.groups as { key: string }[]).map((g) => g.key);
    expect(keys).toContain(UNITS.baDinh);
    expect(keys).not.toContain(UNITS.ngocHa);
    const byPeriod = ok(
      await province.call(
        'GET',
        `/api/indicators/people_total/value?unit=${UNITS.hanoi}&from=${created.from}&to=${created.to}&by=unit&grouping=period`,
      ),
    );
    expect(byPeriod.grouping).toBe('period');
    expect(byPeriod.groups).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: UNITS.ngocHa, value: 1 })]),
    );
  });

  it('a merge names an abolished commune and one in force after it', async () => {
    const res = await admin.call('POST', '/api/unit-updates', {
      effectiveDate: '2026-03-01',
      source: 'Sai',
      mode: 'partial',
      units: [],
      abolish: [],
      merges: [{ from: '06652', into: UNITS.baDinh }], // Phường Hà Tu, not abolished
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.parse(res.body).errors?.[0]?.field ?? res.body).toContain('merges.0.from');
  });
});
