import { describe, expect, it } from 'vitest';
import { rulesOn } from './legal-regimes.ts';
import { moveHandover, TASK_ROLE, taskRoleFor } from './task-rules.ts';

// Who answers for the decision on a drug user and for a move, from the authority the rule in force names.

describe('taskRoleFor', () => {
  it('the user-management decision: commune officer (chairman) on 30/06/2026, commune police on 01/07/2026', () => {
    expect(taskRoleFor('user_management_decision', rulesOn('2026-06-30'))).toBe('commune_officer');
    expect(taskRoleFor('user_management_decision', rulesOn('2026-07-01'))).toBe('commune_police');
  });

  it('follows an override of the authority', () => {
    const rules = rulesOn('2026-12-01', [
      {
        ruleKey: 'userManagementMonths',
        authority: 'commune_chairman',
        effectiveFrom: '2026-11-01',
        reason: 'test',
        basis: { instrument: { vi: 'Văn bản thử', en: 'Test text' } },
      },
    ]);
    expect(taskRoleFor('user_management_decision', rules)).toBe('commune_officer');
  });

  it('kinds whose rule names no authority keep their fixed role', () => {
    expect(taskRoleFor('contact_due', rulesOn('2026-07-01'))).toBe(TASK_ROLE.contact_due);
  });
});

describe('moveHandover', () => {
  it('30/06/2026: no hour duty, any commune role records, the new commune officer receives', () => {
    expect(moveHandover(rulesOn('2026-06-30'))).toEqual({ recordedBy: null, receiver: 'commune_officer' });
  });

  it('01/07/2026: the old commune police record (their notice), the new commune police receive', () => {
    expect(moveHandover(rulesOn('2026-07-01'))).toEqual({
      recordedBy: 'commune_police_head',
      receiver: 'commune_police',
    });
  });
});
