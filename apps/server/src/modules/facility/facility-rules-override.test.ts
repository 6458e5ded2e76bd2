import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// The facility's legal values are dated regime rules: the national administrator overrides a "(verify)"
// value through /api/legal/overrides (effective date, reason, basis, audit) and term changes follow it.

let k: Kit;
const TODAY = '2024-06-30';

beforeAll(async () => {
  k = await facilityKit(TODAY);
});
afterAll(async () => k?.t.close());

describe('facility rules overridden by the national administrator', () => {
  it('lists the facility rules with their basis; an override of the eligible bases lets a voluntary resident be reduced', async () => {
    const national = await k.t.userAs('national_officer', 'nation', null);
    const regimes = await national.call('GET', '/api/legal/regimes');
    expect(regimes.statusCode, regimes.body).toBe(200);
    expect(regimes.body).toContain('releaseNoticeDaysBefore');
    expect(regimes.body).toContain('termReductionMinServedPercent');

    const v = await k.voluntary('2024-03-01', 6);
    const a = await k.admit(v.episodeId, '2024-03-01');
    const reduce = (version: number) =>
      k.staff.call('POST', `/api/admissions/${a.id}/term-changes`, {
        version,
        kind: 'reduction',
        decidedOn: '2024-06-20',
        decidedBy: 'Giám đốc Nguyễn Văn Giám',
        days: 10,
      });
    const refused = await reduce(a.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rule).toBe('REDUCTION_NOT_APPLICABLE');

    const o = await national.call('POST', '/api/legal/overrides', {
      ruleKey: 'termReductionBases',
      value: 'compulsory,voluntary',
      effectiveFrom: '2024-06-01',
      reason: 'Thí điểm xét giảm thời hạn cho người cai nghiện tự nguyện',
      basis: { instrument: { vi: 'Nghị định 999/2024/NĐ-CP', en: 'Decree 999/2024/ND-CP' }, article: '5' },
    });
    expect(o.statusCode, o.body).toBe(201);
    const ok = await reduce(a.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().term.reductionDays).toBe(10);

    // An override of the wrong shape is refused, naming the field.
    const bad = await national.call('POST', '/api/legal/overrides', {
      ruleKey: 'releaseNoticeDaysBefore',
      value: 'many',
      effectiveFrom: '2024-06-01',
      reason: 'Sai kiểu giá trị',
      basis: { instrument: { vi: 'Nghị định 999/2024/NĐ-CP', en: 'Decree 999/2024/ND-CP' } },
    });
    expect(bad.statusCode).toBe(400);
  });
});
