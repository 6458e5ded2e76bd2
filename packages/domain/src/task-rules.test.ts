import { describe, expect, it } from 'vitest';
import { DOSSIER_TASK_KINDS } from './dossier-rules.ts';
import { rulesOn } from './legal-regimes.ts';
import {
  compulsoryTermStart,
  episodeAuthority,
  facilityCostSupportPercent,
  postRehabFollows,
  postRehabTermStart,
  relapseGround,
  subsidyEligible,
  vnToday,
} from './pathway-rules.ts';
import { deadlineFor, TASK_KINDS, TASK_ROLE, taskKindLabels, taskTiming } from './task-rules.ts';

describe('deadlineFor', () => {
  it('counts the post-rehab decision in working days from the discharge notice', () => {
    // Friday 2026-11-06 + 5 working days = Friday 2026-11-13
    const d = deadlineFor('post_rehab_decision', '2026-11-06', new Date(), rulesOn('2026-11-06'));
    expect(d).toEqual({ dueDate: '2026-11-13', dueAt: null, ruleKey: 'postRehabDecisionWorkingDays' });
  });

  it('skips Tết when counting working days', () => {
    // Tết 2026: lunar 1/1 = 17/02/2026; days off 16–20/02.
    const d = deadlineFor('post_rehab_decision', '2026-02-13', new Date(), rulesOn('2026-02-13'));
    expect(d?.dueDate).toBe('2026-02-27');
  });

  it('sets the 24-hour handover only under Law 120/2025', () => {
    const at = new Date('2026-07-01T03:00:00Z');
    expect(deadlineFor('transfer_handover', '2026-07-01', at, rulesOn('2026-07-01'))).toEqual({
      dueDate: '2026-07-02',
      dueAt: '2026-07-02T03:00:00.000Z',
      ruleKey: 'moveHandoverHours',
    });
    expect(deadlineFor('transfer_handover', '2026-06-30', at, rulesOn('2026-06-30'))).toBeNull();
    expect(deadlineFor('user_management_decision', '2026-06-30', at, rulesOn('2026-06-30'))).toBeNull();
    expect(deadlineFor('user_management_decision', '2026-07-01', at, rulesOn('2026-07-01'))?.ruleKey).toBe(
      'userManagementDecisionHours',
    );
  });

  it('gives an operational lead time for the determination after a relapse', () => {
    const d = deadlineFor('addiction_determination_due', '2026-06-01', new Date(), rulesOn('2026-06-01'));
    expect(d).toEqual({ dueDate: '2026-06-08', dueAt: null, ruleKey: 'relapseDeterminationWorkingDays' });
  });
});

describe('task kinds', () => {
  it('gives every kind a responsible role and a label in both languages, the dossier kinds included', () => {
    for (const kind of TASK_KINDS) {
      expect(TASK_ROLE[kind]).toBeTruthy();
      expect(taskKindLabels.vi[kind]).toBeTruthy();
      expect(taskKindLabels.en[kind]).toBeTruthy();
    }
    for (const kind of Object.values(DOSSIER_TASK_KINDS)) {
      expect(TASK_KINDS).toContain(kind);
      expect(TASK_ROLE[kind]).toBe('commune_police');
    }
    expect(taskKindLabels.vi.compulsory_execution).toBe(
      'Thi hành quyết định đưa vào cơ sở cai nghiện bắt buộc',
    );
  });
});

describe('taskTiming', () => {
  const now = new Date('2026-11-25T10:00:00Z'); // 17:00 in Vietnam
  it('compares Vietnam dates for day deadlines', () => {
    expect(taskTiming({ dueDate: '2026-11-24' }, now)).toBe('overdue');
    expect(taskTiming({ dueDate: '2026-11-25' }, now)).toBe('today');
    expect(taskTiming({ dueDate: '2026-11-26' }, now)).toBe('upcoming');
    expect(vnToday(new Date('2026-11-25T18:00:00Z'))).toBe('2026-11-26');
  });
  it('compares moments for hour deadlines', () => {
    expect(taskTiming({ dueDate: '2026-11-25', dueAt: '2026-11-25T09:59:00.000Z' }, now)).toBe('overdue');
    expect(taskTiming({ dueDate: '2026-11-25', dueAt: '2026-11-25T11:00:00.000Z' }, now)).toBe('today');
  });
});

describe('pathway helpers', () => {
  const r = rulesOn('2025-08-01');
  it('names the deciding body per regime', () => {
    expect(episodeAuthority('compulsory', rulesOn('2025-06-30'))).toBe('district_court');
    expect(episodeAuthority('compulsory', r)).toBe('regional_court');
    expect(episodeAuthority('post_rehab', r)).toBe('commune_chairman');
    expect(episodeAuthority('compulsory_pending', rulesOn('2025-02-28'))).toBe('district_labour_office');
    expect(episodeAuthority('compulsory_pending', r)).toBe('commune_police_head');
  });
  it('makes the subsidy due once the first three stages are completed', () => {
    const done = (s: 1 | 2 | 3 | 4 | 5) => ({ stage: s, completed: true });
    expect(subsidyEligible([done(1), done(2)], r)).toBe(false);
    expect(subsidyEligible([done(1), done(2), { stage: 3, completed: false }], r)).toBe(false);
    expect(subsidyEligible([done(1), done(2), done(3)], r)).toBe(true);
  });
  it('counts pending time toward the compulsory term only when managed at a facility (Decree 116 Art. 44)', () => {
    expect(compulsoryTermStart('2025-08-01', '2025-05-10', r, 'facility')).toBe('2025-05-10');
    // At the family under a Form 35 commitment: the term runs from the order (was counted before 12/2026).
    expect(compulsoryTermStart('2025-08-01', '2025-05-10', r, 'family')).toBe('2025-08-01');
    expect(compulsoryTermStart('2025-08-01', '2025-05-10', r, null)).toBe('2025-08-01');
    expect(compulsoryTermStart('2025-08-01', null, r, 'facility')).toBe('2025-08-01');
    expect(compulsoryTermStart('2025-08-01', '2025-08-01', r, 'facility')).toBe('2025-08-01');
    const off = rulesOn('2025-08-01', [
      {
        ruleKey: 'compulsoryPendingCountsTowardTerm',
        value: false,
        effectiveFrom: '2025-07-01',
        reason: 'thử',
        basis: r.compulsoryPendingCountsTowardTerm.basis[0],
      },
    ]);
    expect(compulsoryTermStart('2025-08-01', '2025-05-10', off, 'facility')).toBe('2025-08-01');
    expect(postRehabTermStart('2026-11-09')).toBe('2026-11-10');
  });
  it('leads to post-rehab management only after compulsory rehab (Law 73/2021 Art. 40)', () => {
    expect(postRehabFollows('compulsory')).toBe(true);
    for (const t of ['voluntary_community', 'voluntary_facility', 'substitution_therapy'] as const)
      expect(postRehabFollows(t)).toBe(false);
  });
  it('maps relapses to compulsory grounds and cost support to priority groups', () => {
    expect(relapseGround('post_rehab')).toBe('relapse_during_post_rehab');
    expect(relapseGround('voluntary_community')).toBe('used_during_voluntary_rehab');
    expect(relapseGround('user_management')).toBeNull();
    expect(facilityCostSupportPercent('poor_household', r)).toBe(95);
    expect(facilityCostSupportPercent(null, r)).toBe(0);
  });
});
