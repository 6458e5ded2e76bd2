import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './legal-basis.ts';
import { rulesOn } from './legal-regimes.ts';
import { checkMonitoring, type MonitoringEpisode, monitoringInForceFrom } from './monitoring-rules.ts';

const community: MonitoringEpisode = {
  id: 'c1',
  type: 'voluntary_community',
  start: '2026-08-01',
  plannedEnd: '2027-07-31',
};
const therapy: MonitoringEpisode = { id: 't1', type: 'substitution_therapy', start: '2026-06-01' };
const postRehab: MonitoringEpisode = {
  id: 'p1',
  type: 'post_rehab',
  start: '2026-09-01',
  plannedEnd: '2027-08-31',
};

const req = (decisionDate: string, start = decisionDate, plannedEnd = '2026-12-31') => ({
  decisionDate,
  start,
  plannedEnd,
});

describe('electronic monitoring rule', () => {
  it('is in force from 01/07/2026, decided by the head of commune police, citing Law 120', () => {
    expect(monitoringInForceFrom()).toBe('2026-07-01');
    const rule = rulesOn('2026-07-01').electronicMonitoring;
    expect(rule.value).toBe(true);
    expect(rule.authority).toBe('commune_police_head');
    expect(rule.basis[0]?.instrument).toEqual(INSTRUMENTS.law120);
    expect(rulesOn('2026-06-30').electronicMonitoring.value).toBe(false);
  });

  it('refuses a decision dated 30/06/2026 and accepts 01/07/2026 (substitution therapy)', () => {
    const before = checkMonitoring([therapy], req('2026-06-30'));
    expect(before.ok).toBe(false);
    if (!before.ok) {
      expect(before.error.code).toBe('MONITORING_NOT_IN_FORCE');
      expect(before.field).toBe('decisionDate');
      expect(before.error.vi).toContain('01/07/2026');
      expect(before.error.basis?.[0]?.instrument).toEqual(INSTRUMENTS.law120);
    }
    const on = checkMonitoring([therapy], req('2026-07-01'));
    expect(on.ok).toBe(true);
    if (on.ok) expect(on.episode.id).toBe('t1');
  });

  it('refuses dates before any regime without throwing', () => {
    const r = checkMonitoring([therapy], req('2020-01-01', '2026-07-01'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('MONITORING_NOT_IN_FORCE');
  });

  it('requires the situation on the start date: episode start boundary', () => {
    const dayBefore = checkMonitoring([community], req('2026-07-31'));
    expect(dayBefore.ok).toBe(false);
    if (!dayBefore.ok) {
      expect(dayBefore.error.code).toBe('MONITORING_NOT_ELIGIBLE');
      expect(dayBefore.error.vi).toContain('cai nghiện tự nguyện tại gia đình, cộng đồng');
      expect(dayBefore.error.basis?.length).toBeGreaterThan(0);
    }
    expect(checkMonitoring([community], req('2026-08-01')).ok).toBe(true);
  });

  it('keeps the planned end inside the episode: episode end boundary', () => {
    expect(checkMonitoring([community], req('2026-08-01', '2026-08-01', '2027-07-31')).ok).toBe(true);
    const after = checkMonitoring([community], req('2026-08-01', '2026-08-01', '2027-08-01'));
    expect(after.ok).toBe(false);
    if (!after.ok) {
      expect(after.error.code).toBe('MONITORING_END_AFTER_EPISODE');
      expect(after.field).toBe('plannedEnd');
      expect(after.error.vi).toContain('31/07/2027');
    }
  });

  it('uses the actual end of a closed episode', () => {
    const closed: MonitoringEpisode = { ...postRehab, end: '2026-10-15', outcome: 'relapsed' };
    expect(checkMonitoring([closed], req('2026-10-15', '2026-10-15', '2026-10-15')).ok).toBe(true);
    const r = checkMonitoring([closed], req('2026-10-16', '2026-10-16', '2026-10-20'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('MONITORING_NOT_ELIGIBLE');
  });

  it('refuses other situations: facility, compulsory, user management, cancelled', () => {
    const others: MonitoringEpisode[] = [
      { id: 'f', type: 'voluntary_facility', start: '2026-07-01', plannedEnd: '2027-06-30' },
      { id: 'b', type: 'compulsory', start: '2026-07-01', plannedEnd: '2028-06-30' },
      { id: 'u', type: 'user_management', start: '2026-07-01', plannedEnd: '2027-06-30' },
      { ...therapy, id: 'x', outcome: 'cancelled' },
    ];
    const r = checkMonitoring(others, req('2026-08-01'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('MONITORING_NOT_ELIGIBLE');
  });

  it('refuses a start before the decision and an end before the start', () => {
    const a = checkMonitoring([therapy], req('2026-08-02', '2026-08-01'));
    expect(!a.ok && a.field).toBe('start');
    const b = checkMonitoring([therapy], req('2026-08-01', '2026-08-10', '2026-08-09'));
    expect(!b.ok && b.error.code).toBe('MONITORING_END_BEFORE_START');
  });

  it('follows an administrator override of the rule', () => {
    const off = checkMonitoring([therapy], req('2026-08-01'), [
      {
        ruleKey: 'electronicMonitoring',
        value: false,
        effectiveFrom: '2026-07-15',
        reason: 'suspended',
        basis: { instrument: INSTRUMENTS.law120, article: '12' },
      },
    ]);
    expect(off.ok).toBe(false);
  });
});
