import { describe, expect, it } from 'vitest';
import {
  checkChecklistComplete,
  checkNotBefore,
  checkOutcome,
  checkReadingPeriodOver,
  checkTransition,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierStatus,
  dossierRulesOn,
  missingDocuments,
  nextStatus,
  readingPeriodEnd,
  statusAfterExecution,
} from './dossier-rules.ts';
import { INSTRUMENTS } from './legal-basis.ts';

describe('dossierRulesOn', () => {
  it('follows the regime for who prepares the dossier and which court decides', () => {
    expect(dossierRulesOn('2025-02-28').preparer.value).toBe('district_labour_office');
    expect(dossierRulesOn('2025-03-01').preparer.value).toBe('commune_police_head');
    expect(dossierRulesOn('2025-06-30').court.value).toBe('district_court');
    expect(dossierRulesOn('2025-07-01').court.value).toBe('regional_court');
  });

  it('flags the reading period and the checklist as to verify, with a basis', () => {
    const r = dossierRulesOn('2025-08-01');
    expect(r.readingPeriodWorkingDays.verify).toBe(true);
    expect(r.readingPeriodWorkingDays.basis.length).toBeGreaterThan(0);
    expect(r.checklist.verify).toBe(true);
    expect(r.checklist.basis.length).toBeGreaterThan(0);
    expect(r.checklist.items.filter((i) => i.required).map((i) => i.kind)).toEqual([
      'violation_record',
      'personal_history',
      'addiction_result',
      'ground_proof',
      'statement',
      'notification_proof',
    ]);
  });

  it('refuses dates before the first regime', () => {
    expect(() => dossierRulesOn('2001-05-31')).toThrow(RangeError);
    expect(dossierRulesOn('2021-12-31').checklist.basis[0].instrument).toBe(INSTRUMENTS.law2000);
  });

  it('applies an administrator override from its effective date', () => {
    const basis = { instrument: INSTRUMENTS.decree116, article: '1' };
    const o = [
      {
        ruleKey: 'compulsoryDossierReadingWorkingDays' as const,
        value: 7,
        effectiveFrom: '2026-01-01',
        reason: 'x',
        basis,
      },
    ];
    const base = dossierRulesOn('2025-12-31').readingPeriodWorkingDays.value;
    expect(dossierRulesOn('2025-12-31', o).readingPeriodWorkingDays.value).toBe(base);
    expect(dossierRulesOn('2026-01-01', o).readingPeriodWorkingDays.value).toBe(7);
    expect(dossierRulesOn('2026-01-01', o).readingPeriodWorkingDays.overriddenBy?.reason).toBe('x');
  });
});

describe('reading period', () => {
  const rules = dossierRulesOn('2025-09-01');
  const n = rules.readingPeriodWorkingDays.value;

  it('counts working days from the day after the notice, skipping weekends and holidays', () => {
    // Thursday 28/08/2025; 01/09 and 02/09 are National Day holidays.
    const end = readingPeriodEnd('2025-08-28', rules);
    expect(end > '2025-09-02').toBe(true);
    expect(end).toBe(n === 5 ? '2025-09-08' : end);
  });

  it('is over only after its last day', () => {
    const end = readingPeriodEnd('2025-08-28', rules);
    expect(checkReadingPeriodOver(end, end, rules).ok).toBe(false);
    expect(checkReadingPeriodOver(end, '2025-09-09', rules).ok).toBe(end < '2025-09-09');
    const refused = checkReadingPeriodOver(end, end, rules);
    if (!refused.ok) {
      expect(refused.error.code).toBe('READING_PERIOD_NOT_OVER');
      expect(refused.error.vi).toContain('Điều 103');
      expect(refused.error.en).toContain('Art. 103');
    }
  });
});

describe('state machine', () => {
  it('allows exactly the path draft → … → executed', () => {
    let status: DossierStatus = DOSSIER_STATUSES[0];
    for (const action of DOSSIER_ACTIONS) {
      expect(checkTransition(status, action).ok, `${status} ${action}`).toBe(true);
      status = nextStatus(action);
    }
    expect(status).toBe('executed');
  });

  it('refuses skipping a step with a message citing the rule', () => {
    const r = checkTransition('draft', 'submit');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DOSSIER_ILLEGAL_TRANSITION');
      expect(r.error.vi).toMatch(/Điều 103/);
      expect(r.error.en).toMatch(/Art\. 103/);
    }
    expect(checkTransition('submitted', 'decide').ok).toBe(false);
    expect(checkTransition('executed', 'notify').ok).toBe(false);
    expect(checkTransition('hearing_scheduled', 'schedule_hearing').ok).toBe(true);
  });

  it('is executed once every ordered person is executed', () => {
    expect(statusAfterExecution([{ status: 'executed' }, { status: 'rejected' }])).toBe('executed');
    expect(statusAfterExecution([{ status: 'executed' }, { status: 'postponed' }])).toBe('decided');
    expect(statusAfterExecution([{ status: 'rejected' }])).toBe('decided');
  });
});

describe('checklist', () => {
  const rules = dossierRulesOn('2025-09-01');
  const all = rules.checklist.items.filter((i) => i.required).map((i) => i.kind);

  it('lists what is missing per person', () => {
    const docs = all.map((kind) => ({ personId: 'a', kind }));
    expect(missingDocuments(['a'], docs, rules.checklist)).toEqual([]);
    const missing = missingDocuments(['a', 'b'], docs.slice(1), rules.checklist);
    expect(missing).toContainEqual({ personId: 'a', kind: 'violation_record' });
    expect(missing.filter((m) => m.personId === 'b')).toHaveLength(all.length);
    const r = checkChecklistComplete(missing, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('DOSSIER_INCOMPLETE');
  });

  it('takes which documents are required from the dated rule, so an override changes the list from its date', () => {
    expect(all).toEqual([
      'violation_record',
      'personal_history',
      'addiction_result',
      'ground_proof',
      'statement',
      'notification_proof',
    ]);
    const value = Object.fromEntries(rules.checklist.items.map((i) => [i.kind, i.required ? 1 : 0]));
    const o = [
      {
        ruleKey: 'compulsoryDossierRequiredDocuments' as const,
        value: { ...value, statement: 0, family_commitment: 1 },
        effectiveFrom: '2026-02-01',
        reason: 'Thông tư mới',
        basis: { instrument: INSTRUMENTS.decree116, article: '2' },
      },
    ];
    const required = (date: string) =>
      dossierRulesOn(date, o)
        .checklist.items.filter((i) => i.required)
        .map((i) => i.kind);
    expect(required('2026-01-31')).toEqual(all);
    const after = required('2026-02-01');
    expect(after).not.toContain('statement');
    expect(after).toContain('family_commitment');
    expect(dossierRulesOn('2026-02-01', o).checklist.basis[0]).toEqual(o[0].basis);
    // The same documents (all but the statement) lack the statement before, the commitment after.
    const docs = all.filter((k) => k !== 'statement').map((kind) => ({ personId: 'a', kind }));
    expect(missingDocuments(['a'], docs, dossierRulesOn('2026-02-01', o).checklist)).toEqual([
      { personId: 'a', kind: 'family_commitment' },
    ]);
    expect(missingDocuments(['a'], docs, dossierRulesOn('2026-01-31', o).checklist)).toEqual([
      { personId: 'a', kind: 'statement' },
    ]);
  });
});

describe('court outcome', () => {
  const decisionDate = '2025-10-15';
  const rules = dossierRulesOn(decisionDate);

  it('juvenile (17 on the decision date): 12 months accepted, 13 refused, 5 refused', () => {
    const birthDate = '2008-01-01';
    expect(checkOutcome({ outcome: 'ordered', termMonths: 12, birthDate, decisionDate }, rules)).toEqual({
      ok: true,
      termMonths: 12,
    });
    for (const m of [13, 5]) {
      const r = checkOutcome({ outcome: 'ordered', termMonths: m, birthDate, decisionDate }, rules);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('TERM_OUT_OF_RANGE');
    }
  });

  it('turns 18 on the decision date: adult range', () => {
    const birthDate = '2007-10-15';
    expect(checkOutcome({ outcome: 'ordered', termMonths: 24, birthDate, decisionDate }, rules).ok).toBe(
      true,
    );
    expect(checkOutcome({ outcome: 'ordered', termMonths: 11, birthDate, decisionDate }, rules).ok).toBe(
      false,
    );
  });

  it('adult: 30 months refused citing Art. 32, postponed also needs a term', () => {
    const r = checkOutcome(
      { outcome: 'ordered', termMonths: 30, birthDate: '1990-05-05', decisionDate },
      rules,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.vi).toContain('Điều 32');
    expect(checkOutcome({ outcome: 'postponed', birthDate: '1990-05-05', decisionDate }, rules).ok).toBe(
      false,
    );
  });

  it('rejection and exemption carry no term', () => {
    expect(checkOutcome({ outcome: 'rejected', decisionDate }, rules)).toEqual({
      ok: true,
      termMonths: null,
    });
    expect(checkOutcome({ outcome: 'exempted', termMonths: 12, decisionDate }, rules).ok).toBe(false);
  });
});

describe('date order', () => {
  it('refuses an act before the one it follows', () => {
    const what = { vi: 'quyết định', en: 'the decision' };
    const after = { vi: 'phiên họp', en: 'the hearing' };
    expect(checkNotBefore('2025-10-01', '2025-10-02', what, after).ok).toBe(false);
    expect(checkNotBefore('2025-10-02', '2025-10-02', what, after).ok).toBe(true);
  });
});
