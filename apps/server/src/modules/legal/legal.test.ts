import { randomUUID } from 'node:crypto';
import { dayOfWeek } from '@hoanhap/domain/iso-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import * as svc from './legal.service.ts';
import {
  addWorkingDaysWithAdjustments,
  invalidateLegalContext,
  loadLegalContext,
  rulesOnWithOverrides,
} from './legal-context.ts';

type User = Awaited<ReturnType<TestApp['userAs']>>;

let t: TestApp;
let admin: User; // system_admin, nation
let national: User; // national_officer, nation
let officer: User; // commune_officer, Ba Đình
let auditor: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userAs('system_admin', 'nation', null);
  national = await t.userAs('national_officer', 'nation', null);
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  auditor = await t.userAs('auditor', 'nation', null);
});
afterAll(async () => t?.close());

const basis = { instrument: { vi: 'Nghị định 999/2026/NĐ-CP', en: 'Decree 999/2026/ND-CP' }, article: '12' };
const validOverride = {
  ruleKey: 'postRehabDecisionWorkingDays',
  value: 7,
  effectiveFrom: '2026-09-01',
  reason: 'Nghị định mới sửa thời hạn ra quyết định',
  basis,
};

const fieldsOf = (res: { json: () => any }) => (res.json().errors as { field: string }[]).map((e) => e.field);
const rule = (res: { json: () => any }, key: string) =>
  (res.json().rules as { key: string }[]).find((r) => r.key === key) as any;

async function auditRows(action: string, entityId: string) {
  return t.deps.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
}

describe('reading the law', () => {
  it('refuses anonymous requests (401)', async () => {
    for (const url of [
      '/api/legal/regimes',
      '/api/legal/rules?date=2026-01-01',
      '/api/calendar/holidays?year=2026',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
    const post = await t.app.inject({ method: 'POST', url: '/api/legal/overrides', payload: validOverride });
    expect(post.statusCode).toBe(401);
    const adj = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/adjustments',
      payload: { date: '2026-10-09', kind: 'day_off', reason: 'x' },
    });
    expect(adj.statusCode).toBe(401);
  });

  it('lists every regime with its rules, bases and verify flags, in Vietnamese and English, to any user', async () => {
    const res = await officer.call('GET', '/api/legal/regimes');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((r: any) => r.id)).toEqual([
      'pre-2022',
      'law73-2022',
      'police-transfer-2025',
      'two-tier-2025',
      'law120-2026',
    ]);
    const law73 = body.items[1];
    expect(body.items[0]).toMatchObject({ from: '2001-06-01', to: '2021-12-31' });
    expect(body.items[0].name.vi).toContain('năm 2000');
    expect(law73.name.vi).toContain('Luật 73/2021/QH14');
    const post = law73.rules.find((r: any) => r.key === 'postRehabDecisionWorkingDays');
    expect(post).toMatchObject({ value: 5, unit: 'working_days', verify: true });
    expect(post.label.vi).toContain('sau cai nghiện');
    expect(post.label.en).toContain('post-rehab');
    expect(post.basis[0].citation.vi).toBe('Điều 81 Nghị định 116/2021/NĐ-CP');
    expect(post.authority.name.vi).toBe('Chủ tịch Ủy ban nhân dân cấp xã');
    const months = law73.rules.find((r: any) => r.key === 'userManagementMonths');
    expect(months.verify).toBe(false);
    expect(body.roles.length).toBeGreaterThan(5);
  });

  it('gives the rules in force on a date, refusing a bad date or one before the 2000 law (400)', async () => {
    const res = await officer.call('GET', '/api/legal/rules?date=2026-07-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().regime.id).toBe('law120-2026');
    expect(rule(res, 'compulsoryFixedTermMonths').value).toEqual({ first: 24, repeat: 36 });
    expect(rule(res, 'compulsoryFixedTermMonths').overridden).toBe(false);
    const bad = await officer.call('GET', '/api/legal/rules?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['date']);
    const early = await officer.call('GET', '/api/legal/rules?date=2001-05-31');
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['date']);
    // Acts before 2022 are history under the 2000 law (amended 2008), cited as such.
    const old = await officer.call('GET', '/api/legal/rules?date=2021-12-31');
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().regime.id).toBe('pre-2022');
    expect(rule(old, 'compulsoryAdultMonths').basis[0].citation.vi).toContain('23/2000/QH10');
    // From 01/07/2026 nothing cites Law 73.
    const law120 = (res.json().rules as any[]).flatMap((r) => r.basis.map((b: any) => b.citation.vi));
    expect(law120.filter((c: string) => c.includes('73/2021'))).toEqual([]);
    const today = await officer.call('GET', '/api/legal/rules');
    expect(today.statusCode).toBe(200);
  });
});

describe('rule overrides', () => {
  it('are refused to roles without rules.manage, and outside national scope (403)', async () => {
    for (const u of [officer, auditor]) {
      const res = await u.call('POST', '/api/legal/overrides', validOverride);
      expect(res.statusCode, u.username).toBe(403);
      const rev = await u.call('POST', `/api/legal/overrides/${randomUUID()}/revoke`, {
        version: 1,
        reason: 'x',
      });
      expect(rev.statusCode).toBe(403);
    }
    // ROLE_SCOPES never gives a national officer another scope, but the service checks it anyway.
    const provincial = {
      userId: national.userId,
      username: national.username,
      role: 'national_officer' as const,
      scopeKind: 'province' as const,
      scopeCode: UNITS.hanoi,
      ip: null,
    };
    await expect(svc.createOverride(t.deps, provincial, validOverride as any)).rejects.toMatchObject({
      status: 403,
    });
  });

  it('validate the rule key, the value against the rule’s shape, the dates, reason and basis (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ruleKey: 'noSuchRule' }, 'ruleKey'],
      [{ value: 'seven' }, 'value'],
      [{ value: 2.5 }, 'value'],
      [{ value: -1 }, 'value'],
      [{ value: null }, 'value'],
      [{ value: undefined }, 'value'],
      [{ ruleKey: 'compulsoryAdultMonths', value: { min: 12 } }, 'value.max'],
      [{ ruleKey: 'compulsoryAdultMonths', value: { min: 24, max: 12 } }, 'value.max'],
      [{ ruleKey: 'compulsoryAdultMonths', value: { min: 12, max: 24, extra: 1 } }, 'value.extra'],
      [{ ruleKey: 'compulsoryAdultMonths', value: 12 }, 'value'],
      [{ ruleKey: 'electronicMonitoring', value: 1 }, 'value'],
      [{ ruleKey: 'compulsoryCourt', value: 'supreme_court' }, 'value'],
      [
        { ruleKey: 'voluntaryFacilityCostSupport', value: { percent: 120, priorityGroups: 6 } },
        'value.percent',
      ],
      [{ effectiveFrom: undefined }, 'effectiveFrom'],
      [{ effectiveFrom: '2026-13-01' }, 'effectiveFrom'],
      [{ effectiveFrom: '2001-05-31' }, 'effectiveFrom'], // before the Law on Drug Prevention 2000
      [{ authority: 'mayor' }, 'authority'],
      [{ value: undefined, authority: null }, 'value'],
      [{ regimeId: 'law73-2022' }, 'effectiveFrom'], // that regime ended on 2025-02-28
      [{ regimeId: 'no-such-regime' }, 'regimeId'],
      [{ reason: undefined }, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ basis: undefined }, 'basis'],
      [{ basis: { instrument: { vi: '' } } }, 'basis.instrument.vi'],
    ];
    for (const [change, field] of cases) {
      const res = await national.call('POST', '/api/legal/overrides', { ...validOverride, ...change });
      expect(res.statusCode, `${JSON.stringify(change)} ${res.body}`).toBe(400);
      expect(fieldsOf(res), JSON.stringify(change)).toContain(field);
    }
    const count = await t.deps.database.db
      .selectFrom('rule_overrides')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('apply from their effective date on and not before; revoking restores the regime’s value', async () => {
    const before = await officer.call('GET', '/api/legal/rules?date=2026-09-01');
    expect(rule(before, 'postRehabDecisionWorkingDays').value).toBe(5);

    const created = await national.call('POST', '/api/legal/overrides', validOverride);
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({ status: 'active', version: 1, value: 7, effectiveFrom: '2026-09-01' });
    expect(o.basis.citation.vi).toBe('Điều 12 Nghị định 999/2026/NĐ-CP');

    const dayBefore = await officer.call('GET', '/api/legal/rules?date=2026-08-31');
    expect(rule(dayBefore, 'postRehabDecisionWorkingDays')).toMatchObject({ value: 5, overridden: false });
    const onDay = await officer.call('GET', '/api/legal/rules?date=2026-09-01');
    const r = rule(onDay, 'postRehabDecisionWorkingDays');
    expect(r).toMatchObject({ value: 7, defaultValue: 5, overridden: true, verify: true });
    expect(r.overriddenBy).toMatchObject({
      id: o.id,
      effectiveFrom: '2026-09-01',
      reason: validOverride.reason,
    });
    expect(r.basis[0].citation.en).toBe('Art. 12, Decree 999/2026/ND-CP');
    const later = await officer.call('GET', '/api/legal/rules?date=2030-01-01');
    expect(rule(later, 'postRehabDecisionWorkingDays').value).toBe(7);
    // Other rules are untouched.
    expect(rule(onDay, 'postRehabMonths')).toMatchObject({ value: 12, overridden: false });

    // What other modules call.
    const { db } = t.deps.database;
    expect((await rulesOnWithOverrides(db, '2026-08-31')).postRehabDecisionWorkingDays.value).toBe(5);
    expect((await rulesOnWithOverrides(db, '2026-09-01')).postRehabDecisionWorkingDays.value).toBe(7);

    const twin = await admin.call('POST', '/api/legal/overrides', { ...validOverride, value: 8 });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().code).toBe('override_exists');

    const list = await officer.call('GET', '/api/legal/overrides?status=active');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: any) => x.id)).toEqual([o.id]);

    // Revoke: reason required, 404 on an unknown id, 409 on a stale version.
    const noReason = await national.call('POST', `/api/legal/overrides/${o.id}/revoke`, { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const missing = await national.call('POST', `/api/legal/overrides/${randomUUID()}/revoke`, {
      version: 1,
      reason: 'Nhập nhầm',
    });
    expect(missing.statusCode).toBe(404);
    const stale = await national.call('POST', `/api/legal/overrides/${o.id}/revoke`, {
      version: 2,
      reason: 'Nhập nhầm',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(stale.json().current.version).toBe(1);
    const revoked = await national.call('POST', `/api/legal/overrides/${o.id}/revoke`, {
      version: 1,
      reason: 'Nghị định bị đình chỉ',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      version: 2,
      revokeReason: 'Nghị định bị đình chỉ',
    });
    const again = await national.call('POST', `/api/legal/overrides/${o.id}/revoke`, {
      version: 2,
      reason: 'Lần nữa',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_revoked');

    const after = await officer.call('GET', '/api/legal/rules?date=2026-09-01');
    expect(rule(after, 'postRehabDecisionWorkingDays')).toMatchObject({ value: 5, overridden: false });
    expect((await rulesOnWithOverrides(db, '2026-09-01')).postRehabDecisionWorkingDays.value).toBe(5);

    // Once revoked, the same day may be overridden again.
    const redo = await national.call('POST', '/api/legal/overrides', { ...validOverride, value: 6 });
    expect(redo.statusCode).toBe(201);
    const all = await officer.call('GET', '/api/legal/overrides?ruleKey=postRehabDecisionWorkingDays');
    expect(
      all
        .json()
        .items.map((x: any) => x.status)
        .sort(),
    ).toEqual(['active', 'revoked']);
    await national.call('POST', `/api/legal/overrides/${redo.json().id}/revoke`, {
      version: 1,
      reason: 'dọn',
    });

    const createAudit = await auditRows('rule_override.create', o.id);
    expect(createAudit).toHaveLength(1);
    expect(createAudit[0]).toMatchObject({ user_id: national.userId, reason: validOverride.reason });
    expect(JSON.parse(createAudit[0].details!)).toMatchObject({
      ruleKey: 'postRehabDecisionWorkingDays',
      value: 7,
    });
    const revokeAudit = await auditRows('rule_override.revoke', o.id);
    expect(revokeAudit).toHaveLength(1);
    expect(revokeAudit[0].reason).toBe('Nghị định bị đình chỉ');
  });

  it('limited to one regime, apply only within it; nullable rules take null', async () => {
    const res = await admin.call('POST', '/api/legal/overrides', {
      ruleKey: 'criminal256aWindowYears',
      value: 3,
      effectiveFrom: '2025-08-01',
      regimeId: 'two-tier-2025',
      reason: 'Hướng dẫn của Tòa án',
      basis: { instrument: { vi: 'Nghị quyết 01/2025/NQ-HĐTP' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().basis.instrument.en).toBe('Nghị quyết 01/2025/NQ-HĐTP');
    const inRegime = await officer.call('GET', '/api/legal/rules?date=2025-08-01');
    expect(rule(inRegime, 'criminal256aWindowYears')).toMatchObject({ value: 3, overridden: true });
    expect(rule(inRegime, 'criminal256aWindowYears').overriddenBy.regimeId).toBe('two-tier-2025');
    const nextRegime = await officer.call('GET', '/api/legal/rules?date=2026-07-01');
    expect(rule(nextRegime, 'criminal256aWindowYears')).toMatchObject({ value: 2, overridden: false });

    const nulled = await admin.call('POST', '/api/legal/overrides', {
      ruleKey: 'moveHandoverHours',
      value: null,
      effectiveFrom: '2026-07-01',
      reason: 'Chưa có hướng dẫn',
      basis,
    });
    expect(nulled.statusCode, nulled.body).toBe(201);
    const r = rule(await officer.call('GET', '/api/legal/rules?date=2026-07-02'), 'moveHandoverHours');
    expect(r).toMatchObject({ value: null, defaultValue: 24, overridden: true });
    for (const id of [res.json().id, nulled.json().id])
      expect(
        (await admin.call('POST', `/api/legal/overrides/${id}/revoke`, { version: 1, reason: 'dọn' }))
          .statusCode,
      ).toBe(200);
  });
});

describe('overriding who decides', () => {
  const authorityOverride = {
    ruleKey: 'userManagementMonths',
    authority: 'commune_chairman',
    effectiveFrom: '2026-09-01',
    reason: 'Nghị định hướng dẫn giao Chủ tịch UBND cấp xã ký quyết định',
    basis,
  };

  it('sets the authority (and signer) of a rule from a date, keeping its value; audited; revocable', async () => {
    const { db } = t.deps.database;
    const before = await officer.call('GET', '/api/legal/rules?date=2026-09-01');
    expect(rule(before, 'userManagementMonths').authority.id).toBe('commune_police_head');

    const created = await national.call('POST', '/api/legal/overrides', authorityOverride);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      changesValue: false,
      value: null,
      authority: { id: 'commune_chairman', name: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã' } },
    });
    const id = created.json().id;

    const dayBefore = await officer.call('GET', '/api/legal/rules?date=2026-08-31');
    expect(rule(dayBefore, 'userManagementMonths')).toMatchObject({
      value: 12,
      overridden: false,
      authority: { id: 'commune_police_head' },
    });
    const onDay = rule(await officer.call('GET', '/api/legal/rules?date=2026-09-01'), 'userManagementMonths');
    expect(onDay).toMatchObject({ value: 12, overridden: true, authority: { id: 'commune_chairman' } });
    expect(onDay.basis.map((b: any) => b.citation.vi)).toContain('Điều 12 Nghị định 999/2026/NĐ-CP');
    // What other modules read (e.g. who may issue and sign the decision).
    expect((await rulesOnWithOverrides(db, '2026-09-01')).userManagementMonths.authority).toBe(
      'commune_chairman',
    );
    const audit = await auditRows('rule_override.create', id);
    expect(JSON.parse(audit[0].details!)).toMatchObject({ authority: 'commune_chairman', keepsValue: true });

    // Value and authority together.
    const both = await national.call('POST', '/api/legal/overrides', {
      ...authorityOverride,
      effectiveFrom: '2026-10-01',
      value: 6,
    });
    expect(both.statusCode, both.body).toBe(201);
    expect(both.json()).toMatchObject({
      changesValue: true,
      value: 6,
      authority: { id: 'commune_chairman' },
    });
    const onOct = rule(await officer.call('GET', '/api/legal/rules?date=2026-10-01'), 'userManagementMonths');
    expect(onOct).toMatchObject({ value: 6, authority: { id: 'commune_chairman' } });

    for (const o of [created.json(), both.json()]) {
      const rev = await national.call('POST', `/api/legal/overrides/${o.id}/revoke`, {
        version: 1,
        reason: 'Thử nghiệm xong',
      });
      expect(rev.statusCode, rev.body).toBe(200);
    }
    const after = rule(await officer.call('GET', '/api/legal/rules?date=2026-10-01'), 'userManagementMonths');
    expect(after).toMatchObject({ value: 12, overridden: false, authority: { id: 'commune_police_head' } });
  });

  it('refuses an unknown role (400 naming authority) and a commune officer (403)', async () => {
    const bad = await national.call('POST', '/api/legal/overrides', {
      ...authorityOverride,
      authority: 'mayor',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['authority']);
    expect((await officer.call('POST', '/api/legal/overrides', authorityOverride)).statusCode).toBe(403);
  });
});

describe('calendar', () => {
  it('lists the holidays of a year with Vietnamese names (400 on a bad year)', async () => {
    const res = await officer.call('GET', '/api/calendar/holidays?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    const tet = body.holidays.filter((h: any) => h.id === 'tet');
    expect(tet.map((h: any) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tet[0].name.vi).toBe('Tết Âm lịch');
    expect(body.holidays.find((h: any) => h.date === '2026-04-27')).toMatchObject({
      kind: 'compensatory',
      name: { vi: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    });
    for (const q of ['year=abc', 'year=1800', 'year=2026&x=1']) {
      const bad = await officer.call('GET', `/api/calendar/holidays?${q}`);
      expect(bad.statusCode, q).toBe(400);
    }
  });

  it('adjustments are refused to non-administrators (403) and validated (400, 409)', async () => {
    const res = await officer.call('POST', '/api/calendar/adjustments', {
      date: '2026-10-09',
      kind: 'day_off',
      reason: 'x',
    });
    expect(res.statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2026-10-32', kind: 'day_off', reason: 'x' }, 'date'],
      [{ date: '2026-10-09', kind: 'holiday', reason: 'x' }, 'kind'],
      [{ date: '2026-10-09', kind: 'day_off' }, 'reason'],
      [{ date: '2026-10-10', kind: 'day_off', reason: 'Thứ Bảy' }, 'kind'], // already a day off
      [{ date: '2026-10-14', kind: 'working_day', reason: 'Thứ Tư' }, 'kind'], // already a working day
    ];
    for (const [body, field] of cases) {
      const r = await admin.call('POST', '/api/calendar/adjustments', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(r)).toEqual([field]);
    }
    expect((await admin.call('DELETE', `/api/calendar/adjustments/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('a day off moves working-day deadlines; a make-up Saturday counts as a working day; deleting restores', async () => {
    const { db } = t.deps.database;
    expect(dayOfWeek('2026-10-09')).toBe(5); // Friday
    expect(dayOfWeek('2026-10-10')).toBe(6); // Saturday
    expect(await addWorkingDaysWithAdjustments(db, '2026-10-08', 1)).toBe('2026-10-09');

    const off = await national.call('POST', '/api/calendar/adjustments', {
      date: '2026-10-09',
      kind: 'day_off',
      reason: 'Nghỉ hoán đổi theo Thông báo của Bộ Nội vụ',
    });
    expect(off.statusCode, off.body).toBe(201);
    expect(await addWorkingDaysWithAdjustments(db, '2026-10-08', 1)).toBe('2026-10-12');

    const dup = await admin.call('POST', '/api/calendar/adjustments', {
      date: '2026-10-09',
      kind: 'day_off',
      reason: 'again',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('adjustment_exists');

    const makeUp = await national.call('POST', '/api/calendar/adjustments', {
      date: '2026-10-10',
      kind: 'working_day',
      reason: 'Làm bù cho ngày 09/10',
    });
    expect(makeUp.statusCode, makeUp.body).toBe(201);
    expect(await addWorkingDaysWithAdjustments(db, '2026-10-08', 1)).toBe('2026-10-10');
    expect(await addWorkingDaysWithAdjustments(db, '2026-10-08', 2)).toBe('2026-10-12');

    const year = (await officer.call('GET', '/api/calendar/holidays?year=2026')).json();
    expect(year.holidays.find((h: any) => h.date === '2026-10-09')).toMatchObject({
      kind: 'adjustment',
      name: { vi: 'Nghỉ hoán đổi theo Thông báo của Bộ Nội vụ' },
      adjustmentId: off.json().id,
    });
    expect(year.workingDays).toEqual([
      // The Government's make-up Saturdays of 2026 (shipped schedule), then the administrator's.
      { date: '2026-01-10', reason: 'Làm bù cho ngày 02/01/2026', adjustmentId: null },
      { date: '2026-08-22', reason: 'Làm bù cho ngày 31/08/2026', adjustmentId: null },
      { date: '2026-10-10', reason: 'Làm bù cho ngày 09/10', adjustmentId: makeUp.json().id },
    ]);
    expect(year.official.map((d: any) => [d.date, d.kind])).toEqual([
      ['2026-01-02', 'day_off'],
      ['2026-01-10', 'working_day'],
      ['2026-08-22', 'working_day'],
      ['2026-08-31', 'day_off'],
    ]);
    expect(year.official[3].source.url).toContain('kienthuc.net.vn');
    expect(year.holidays.find((h: any) => h.date === '2026-08-31')).toMatchObject({ kind: 'official' });
    const list = await officer.call('GET', '/api/calendar/adjustments?year=2026');
    expect(list.json().items.map((a: any) => a.date)).toEqual(['2026-10-09', '2026-10-10']);
    expect((await officer.call('GET', '/api/calendar/adjustments?year=2025')).json().items).toEqual([]);

    expect((await officer.call('DELETE', `/api/calendar/adjustments/${off.json().id}`)).statusCode).toBe(403);
    const del = await national.call('DELETE', `/api/calendar/adjustments/${off.json().id}`, {
      reason: 'Nhập nhầm ngày',
    });
    expect(del.statusCode, del.body).toBe(204);
    const delNoBody = await national.call('DELETE', `/api/calendar/adjustments/${makeUp.json().id}`);
    expect(delNoBody.statusCode, delNoBody.body).toBe(204);
    expect(await addWorkingDaysWithAdjustments(db, '2026-10-08', 1)).toBe('2026-10-09');

    expect(await auditRows('calendar_adjustment.create', off.json().id)).toHaveLength(1);
    expect(await auditRows('calendar_adjustment.create', makeUp.json().id)).toHaveLength(1);
    const delAudit = await auditRows('calendar_adjustment.delete', off.json().id);
    expect(delAudit).toHaveLength(1);
    expect(delAudit[0].reason).toBe('Nhập nhầm ngày');
    expect(JSON.parse(delAudit[0].details!)).toMatchObject({ date: '2026-10-09', kind: 'day_off' });
    expect(await auditRows('calendar_adjustment.delete', makeUp.json().id)).toHaveLength(1);
  });
});

describe('legal context cache', () => {
  it('serves a cached copy until a write through the service, and reads through a transaction uncached', async () => {
    const { db } = t.deps.database;
    const first = await loadLegalContext(db);
    expect(await loadLegalContext(db)).toBe(first);
    // A row written behind the service's back (as another instance would) is not seen until invalidation.
    const id = randomUUID();
    await db
      .insertInto('calendar_adjustments')
      .values({
        id,
        date: '2026-11-20',
        kind: 'day_off',
        reason: 'Ngày Nhà giáo (thử nghiệm)',
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect((await loadLegalContext(db)).adjustments.some((a) => a.id === id)).toBe(false);
    await db.transaction().execute(async (trx) => {
      expect((await loadLegalContext(trx)).adjustments.some((a) => a.id === id)).toBe(true);
    });
    invalidateLegalContext();
    const fresh = await loadLegalContext(db);
    expect(fresh.adjustments.some((a) => a.id === id)).toBe(true);
    expect(Object.isFrozen(fresh.adjustments)).toBe(true);
    await db.deleteFrom('calendar_adjustments').where('id', '=', id).execute();
    invalidateLegalContext();
  });

  it('skips a stored override that no longer fits the rules instead of breaking every rule', async () => {
    const { db } = t.deps.database;
    const id = randomUUID();
    await db
      .insertInto('rule_overrides')
      .values({
        id,
        rule_key: 'ruleRemovedInALaterRelease',
        value: '1',
        effective_from: '2025-01-01',
        regime_id: null,
        reason: 'old',
        basis: JSON.stringify(basis),
        created_by: null,
        created_at: new Date().toISOString(),
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
        version: 1,
      })
      .execute();
    invalidateLegalContext();
    expect((await loadLegalContext(db)).overrides.some((o) => o.id === id)).toBe(false);
    const res = await officer.call('GET', '/api/legal/rules?date=2026-01-01');
    expect(res.statusCode).toBe(200);
    await db.deleteFrom('rule_overrides').where('id', '=', id).execute();
    invalidateLegalContext();
  });
});
