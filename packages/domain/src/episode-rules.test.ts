import { describe, expect, it } from 'vitest';
import {
  CRIMINAL_256A_CASES,
  canStart,
  criminal256aCase,
  criminal256aCaseLabel,
  criminal256aFrom,
  deriveCompulsoryGrounds,
  derivePersonStatus,
  in256aWindow,
  postRehabSource,
} from './episode-rules.ts';
import type { Episode, EpisodeType } from './episode-types.ts';
import {
  EPISODE_OUTCOMES,
  EPISODE_TYPES,
  episodeTypeLabels,
  groundLabels,
  outcomeLabels,
  PERSON_STATUSES,
  statusLabels,
} from './episode-types.ts';
import { INSTRUMENTS } from './legal-basis.ts';

const ep = (type: EpisodeType, start: string, rest: Partial<Episode> = {}): Episode => ({
  type,
  start,
  ...rest,
});
const completedCompulsory = ep('compulsory', '2024-07-01', { end: '2025-06-30', outcome: 'completed' });

describe('derivePersonStatus', () => {
  it('is registered without episodes', () => {
    expect(derivePersonStatus([], '2025-01-01')).toBe('registered');
  });

  it('follows user management until its one-year term ends by law', () => {
    const h = [ep('user_management', '2025-01-10')];
    expect(derivePersonStatus(h, '2025-01-09')).toBe('registered'); // future episodes do not count
    expect(derivePersonStatus(h, '2026-01-09')).toBe('drug_user_managed');
    expect(derivePersonStatus(h, '2026-01-10')).toBe('registered');
  });

  it('ranks active episodes: compulsory > pending > facility > community', () => {
    const pending = ep('compulsory_pending', '2025-01-01');
    const compulsory = ep('compulsory', '2025-02-01', { plannedEnd: '2026-01-31' });
    expect(derivePersonStatus([pending], '2025-01-15')).toBe('compulsory_pending');
    expect(derivePersonStatus([pending, compulsory], '2025-02-01')).toBe('compulsory_rehab');
    expect(derivePersonStatus([ep('voluntary_facility', '2025-01-01')], '2025-03-01')).toBe('facility_rehab');
    expect(derivePersonStatus([ep('voluntary_community', '2025-01-01')], '2025-03-01')).toBe(
      'community_rehab',
    );
  });

  it('moves from compulsory rehab to post-rehab to completed', () => {
    const post = ep('post_rehab', '2025-07-01');
    const h = [completedCompulsory, post];
    expect(derivePersonStatus(h, '2025-06-30')).toBe('compulsory_rehab');
    expect(derivePersonStatus([completedCompulsory], '2025-07-01')).toBe('completed');
    expect(derivePersonStatus(h, '2025-07-01')).toBe('post_rehab');
    expect(derivePersonStatus(h, '2026-06-30')).toBe('post_rehab');
    expect(derivePersonStatus(h, '2026-07-01')).toBe('completed');
  });

  it('shows a relapse until a response to it starts', () => {
    const post = ep('post_rehab', '2025-07-01', { end: '2025-09-10', outcome: 'relapsed' });
    const h = [completedCompulsory, post];
    expect(derivePersonStatus(h, '2025-09-09')).toBe('post_rehab');
    expect(derivePersonStatus(h, '2025-09-10')).toBe('relapsed');
    expect(derivePersonStatus([...h, ep('user_management', '2025-09-12')], '2025-09-15')).toBe('relapsed');
    expect(derivePersonStatus([...h, ep('compulsory_pending', '2025-09-20')], '2025-09-20')).toBe(
      'compulsory_pending',
    );
  });

  it('ranks a relapse signal above substitution therapy begun before it, not after', () => {
    const methadone = ep('substitution_therapy', '2025-01-01');
    expect(derivePersonStatus([methadone], '2025-05-01')).toBe('substitution_therapy');
    expect(derivePersonStatus([methadone], '2025-05-01', { relapseDetectedOn: '2025-04-01' })).toBe(
      'relapsed',
    );
    expect(derivePersonStatus([methadone], '2025-05-01', { relapseDetectedOn: '2024-12-01' })).toBe(
      'substitution_therapy',
    );
    expect(derivePersonStatus([methadone], '2025-05-01', { relapseDetectedOn: '2025-06-01' })).toBe(
      'substitution_therapy',
    );
  });

  it('keeps a person addicted until a rehab begun after the determination is completed', () => {
    const signals = { addictionDeterminedOn: '2025-01-05' };
    const um = ep('user_management', '2025-01-01', { end: '2025-01-31' });
    expect(derivePersonStatus([um], '2025-01-04', signals)).toBe('drug_user_managed');
    expect(derivePersonStatus([um], '2025-01-05', signals)).toBe('addicted');
    const quit = ep('voluntary_community', '2025-02-01', { end: '2025-03-01', outcome: 'quit' });
    expect(derivePersonStatus([um, quit], '2025-02-15', signals)).toBe('community_rehab');
    expect(derivePersonStatus([um, quit], '2025-03-02', signals)).toBe('addicted');
    const done = ep('voluntary_facility', '2025-03-10', { end: '2025-09-09', outcome: 'completed' });
    expect(derivePersonStatus([um, quit, done], '2025-09-10', signals)).toBe('completed');
  });

  it('ignores cancelled episodes', () => {
    const h = [ep('compulsory', '2025-01-01', { outcome: 'cancelled' })];
    expect(derivePersonStatus(h, '2025-02-01')).toBe('registered');
  });

  it('does not call completed user management "completed"', () => {
    const h = [ep('user_management', '2024-01-01', { end: '2024-12-31', outcome: 'completed' })];
    expect(derivePersonStatus(h, '2025-02-01')).toBe('registered');
  });
});

describe('canStart', () => {
  const addicted = { addictionDeterminedOn: '2025-01-05' };

  it('requires a completed rehab for post-rehab management', () => {
    const r = canStart('post_rehab', [], '2025-07-01');
    expect(r).toMatchObject({ ok: false, error: { code: 'POST_REHAB_REQUIRES_COMPLETED_REHAB' } });
    expect(r.ok === false && r.error.vi).toContain('(Điều 40 Luật 73/2021/QH14)');
    const quit = ep('voluntary_community', '2025-01-01', { end: '2025-03-01', outcome: 'quit' });
    expect(canStart('post_rehab', [quit], '2025-03-05').ok).toBe(false);
  });

  it('refuses post-rehab management after VOLUNTARY rehab, citing the rule; accepts it after compulsory', () => {
    for (const type of ['voluntary_community', 'voluntary_facility'] as const) {
      const h = [ep(type, '2025-09-10', { end: '2026-03-10', outcome: 'completed' })];
      const r = canStart('post_rehab', h, '2026-03-15');
      expect(r).toMatchObject({ ok: false, error: { code: 'POST_REHAB_REQUIRES_COMPULSORY' } });
      expect(r.ok === false && r.error.vi).toContain('cai nghiện bắt buộc');
      expect(r.ok === false && r.error.basis?.length).toBeGreaterThan(0);
      expect(postRehabSource(h, '2026-03-15')).toBeNull();
    }
    expect(canStart('post_rehab', [completedCompulsory], '2025-07-05').ok).toBe(true);
    expect(postRehabSource([completedCompulsory], '2025-07-05')).toBe(completedCompulsory);
    expect(postRehabSource([completedCompulsory], '2025-06-29')).toBeNull();
    // A later voluntary rehab does not hide the compulsory one whose management year is still running.
    const both = [
      completedCompulsory,
      ep('voluntary_community', '2025-07-01', { end: '2025-07-02', outcome: 'completed' }),
    ];
    expect(canStart('post_rehab', both, '2025-07-05').ok).toBe(true);
  });

  it.each([
    ['2025-06-30', false], // the rehab is still in effect on its last day
    ['2025-07-01', true],
    ['2025-07-05', true],
    ['2026-06-30', true],
    ['2026-07-01', false],
  ])('post-rehab after rehab completed 2025-06-30, decided %s → ok %s', (date, ok) => {
    const r = canStart('post_rehab', [completedCompulsory], date);
    expect(r.ok).toBe(ok);
    if (!ok)
      expect(r).toMatchObject({
        error: { code: date > '2025-07-01' ? 'POST_REHAB_TOO_LATE' : 'CONFLICTING_EPISODE' },
      });
  });

  it('refuses a second post-rehab decision for the same rehab', () => {
    const h = [
      completedCompulsory,
      ep('post_rehab', '2025-07-01', { end: '2025-08-01', outcome: 'transferred' }),
    ];
    expect(canStart('post_rehab', h, '2025-08-05')).toMatchObject({
      ok: false,
      error: { code: 'POST_REHAB_ALREADY_DECIDED' },
    });
  });

  it('refuses a duplicate or conflicting episode', () => {
    const um = [ep('user_management', '2025-01-01')];
    expect(canStart('user_management', um, '2025-06-01')).toMatchObject({
      error: { code: 'ALREADY_ACTIVE' },
    });
    const inRehab = [ep('voluntary_facility', '2025-01-01')];
    expect(canStart('voluntary_community', inRehab, '2025-03-01')).toMatchObject({
      error: { code: 'CONFLICTING_EPISODE' },
    });
    expect(canStart('post_rehab', inRehab, '2025-03-01')).toMatchObject({
      error: { code: 'CONFLICTING_EPISODE' },
    });
    expect(canStart('substitution_therapy', inRehab, '2025-03-01').ok).toBe(true);
  });

  it('lets a compulsory order follow a pending dossier', () => {
    const pending = [ep('compulsory_pending', '2025-01-10')];
    const ctx = { ...addicted, grounds: ['not_registered_voluntary' as const] };
    expect(canStart('compulsory', pending, '2025-02-01', ctx).ok).toBe(true);
    expect(canStart('voluntary_community', pending, '2025-02-01').ok).toBe(false);
  });

  it('requires an addiction determination for compulsory rehab', () => {
    const ctx = { grounds: ['not_registered_voluntary' as const] };
    expect(canStart('compulsory_pending', [], '2025-02-01', ctx)).toMatchObject({
      error: { code: 'ADDICTION_NOT_DETERMINED' },
    });
    expect(canStart('compulsory', [], '2025-01-04', { ...ctx, ...addicted })).toMatchObject({
      error: { code: 'ADDICTION_NOT_DETERMINED' },
    });
    expect(canStart('compulsory', [], '2025-01-05', { ...ctx, ...addicted }).ok).toBe(true);
  });

  it('requires grounds for compulsory rehab, from the history or given', () => {
    expect(canStart('compulsory_pending', [], '2025-02-01', addicted)).toMatchObject({
      error: { code: 'NO_COMPULSORY_GROUNDS' },
    });
    const quitMethadone = ep('substitution_therapy', '2024-01-01', { end: '2025-01-20', outcome: 'quit' });
    expect(canStart('compulsory_pending', [quitMethadone], '2025-02-01', addicted).ok).toBe(true);
  });

  it('reports a birth date after the decision date as a coded error', () => {
    const ctx = { ...addicted, grounds: ['not_registered_voluntary' as const], birthDate: '2025-03-01' };
    expect(canStart('compulsory_pending', [], '2025-02-01', ctx)).toMatchObject({
      error: { code: 'BIRTH_DATE_INVALID' },
    });
  });

  it('refuses compulsory rehab under 12', () => {
    const ctx = { ...addicted, grounds: ['not_registered_voluntary' as const] };
    expect(
      canStart('compulsory_pending', [], '2025-02-01', { ...ctx, birthDate: '2013-02-02' }),
    ).toMatchObject({
      error: { code: 'COMPULSORY_UNDER_MIN_AGE' },
    });
    expect(canStart('compulsory_pending', [], '2025-02-01', { ...ctx, birthDate: '2013-02-01' }).ok).toBe(
      true,
    );
  });

  it('refuses anything after death and before 2022', () => {
    const died = [ep('voluntary_facility', '2025-01-01', { end: '2025-02-01', outcome: 'died' })];
    expect(canStart('user_management', died, '2025-03-01')).toMatchObject({
      error: { code: 'PERSON_DECEASED' },
    });
    expect(canStart('user_management', [], '2001-05-31')).toMatchObject({ error: { code: 'NO_REGIME' } });
    // Before 2022 (pre-2022 regime): history is recorded without the 2022 checks, but user management did
    // not exist yet.
    expect(canStart('user_management', [], '2021-12-31')).toMatchObject({
      error: { code: 'NO_SUCH_MEASURE' },
    });
    expect(canStart('user_management', [], '2022-01-01')).toEqual({ ok: true });
    expect(canStart('compulsory', [], '2015-03-02')).toEqual({ ok: true });
    expect(canStart('compulsory', [], '2022-01-01').ok).toBe(false);
    expect(() => canStart('user_management', [], '2025-02-30')).toThrow(RangeError);
    const badOverride = [
      {
        ruleKey: 'postRehabMonths' as const,
        value: 'x',
        effectiveFrom: '2025-01-01',
        reason: 'x',
        basis: { instrument: INSTRUMENTS.law73 },
      },
    ];
    expect(() => canStart('post_rehab', [], '2025-03-01', { overrides: badOverride })).toThrow(TypeError);
    expect(() => in256aWindow([], '2025-08-01', badOverride)).toThrow(TypeError);
  });
});

describe('deriveCompulsoryGrounds', () => {
  it('reads grounds from closed episodes', () => {
    const h = [
      ep('voluntary_community', '2025-01-01', { end: '2025-02-01', outcome: 'quit' }),
      ep('voluntary_facility', '2025-03-01', { end: '2025-04-01', outcome: 'relapsed' }),
      ep('substitution_therapy', '2025-01-01', { end: '2025-05-01', outcome: 'quit' }),
      ep('post_rehab', '2024-01-01', { end: '2024-05-01', outcome: 'relapsed' }),
    ];
    expect(deriveCompulsoryGrounds(h, '2025-06-01').sort()).toEqual([
      'quit_substitution_therapy',
      'quit_voluntary_rehab',
      'relapse_during_post_rehab',
      'used_during_voluntary_rehab',
    ]);
    expect(deriveCompulsoryGrounds(h, '2025-01-15')).toEqual(['relapse_during_post_rehab']);
  });

  it('forgets grounds older than the last completed rehab', () => {
    const h = [
      ep('voluntary_community', '2022-01-01', { end: '2022-02-01', outcome: 'quit' }),
      ep('compulsory', '2022-03-01', { end: '2023-02-28', outcome: 'completed' }),
    ];
    expect(deriveCompulsoryGrounds(h, '2025-01-01')).toEqual([]);
  });
});

describe('criminal256aFrom', () => {
  it('is the first day of the regime that gives the window a length (01/07/2025), or an earlier override', () => {
    expect(criminal256aFrom()).toBe('2025-07-01');
    const basis = { instrument: INSTRUMENTS.criminalCode, article: '256a' };
    const earlier = {
      ruleKey: 'criminal256aWindowYears' as const,
      value: 2,
      effectiveFrom: '2025-06-30',
      reason: 'test',
      basis,
    };
    expect(criminal256aFrom([earlier])).toBe('2025-06-30');
    expect(criminal256aFrom([{ ...earlier, value: null }])).toBe('2025-07-01');
  });
});

describe('criminal256aCase (Criminal Code Art. 256a, from 01/07/2025)', () => {
  const caseOn = (h: Episode[], d: string) => criminal256aCase(h, d)?.case ?? null;

  it('(a) in rehab of any form or substitution therapy; nothing before 01/07/2025', () => {
    const rehab = [ep('compulsory', '2024-09-01', { end: '2025-08-31', outcome: 'completed' })];
    expect(caseOn(rehab, '2025-06-30')).toBeNull(); // in rehab, but the article is not yet in force
    expect(criminal256aCase(rehab, '2025-07-01')).toMatchObject({
      case: 'in_rehab_or_therapy',
      point: 'a',
      from: '2024-09-01',
      to: '2025-08-31',
      basis: [{ article: '256a', clause: '1' }],
    });
    expect(caseOn(rehab, '2025-08-31')).toBe('in_rehab_or_therapy');
    // A completed compulsory rehab is no case by itself (the post-rehab management after it is).
    expect(caseOn(rehab, '2025-09-01')).toBeNull();
    for (const type of ['voluntary_community', 'voluntary_facility', 'substitution_therapy'] as const) {
      expect(criminal256aCase([ep(type, '2025-07-01')], '2026-12-01')).toMatchObject({
        case: 'in_rehab_or_therapy',
        to: null,
      });
      expect(caseOn([ep(type, '2025-07-02')], '2025-07-01')).toBeNull(); // not yet started
    }
  });

  it('(b) under post-rehab management, then (c) for two years after its term ended', () => {
    const post = [ep('post_rehab', '2025-09-01')]; // ends 2026-08-31 by law
    expect(caseOn(post, '2025-08-31')).toBeNull();
    expect(caseOn(post, '2025-09-01')).toBe('under_post_rehab');
    expect(caseOn(post, '2026-08-31')).toBe('under_post_rehab');
    expect(criminal256aCase(post, '2026-09-01')).toMatchObject({
      case: 'after_post_rehab',
      point: 'c',
      from: '2026-09-01',
      to: '2028-08-31',
    });
    expect(caseOn(post, '2028-08-31')).toBe('after_post_rehab');
    expect(caseOn(post, '2028-09-01')).toBeNull();
    const certified = [ep('post_rehab', '2025-09-01', { end: '2026-08-31', outcome: 'completed' })];
    expect(caseOn(certified, '2027-01-01')).toBe('after_post_rehab');
    // Cut short by a relapse or a transfer: the management did not end by its term.
    const relapsed = [ep('post_rehab', '2025-09-01', { end: '2025-12-01', outcome: 'relapsed' })];
    expect(caseOn(relapsed, '2025-12-01')).toBe('under_post_rehab');
    expect(caseOn(relapsed, '2026-01-01')).toBeNull();
  });

  it('(d) for two years after QUITTING voluntary rehab or therapy on their own', () => {
    const quit = [ep('substitution_therapy', '2024-05-01', { end: '2026-02-01', outcome: 'quit' })];
    expect(caseOn(quit, '2026-02-01')).toBe('in_rehab_or_therapy');
    expect(criminal256aCase(quit, '2026-12-01')).toMatchObject({
      case: 'after_quitting',
      point: 'd',
      from: '2026-02-02',
      to: '2028-02-01',
    });
    expect(caseOn(quit, '2028-02-01')).toBe('after_quitting');
    expect(caseOn(quit, '2028-02-02')).toBeNull();
    for (const type of ['voluntary_community', 'voluntary_facility'] as const) {
      const h = [ep(type, '2025-01-01', { end: '2025-06-15', outcome: 'quit' })];
      expect(caseOn(h, '2025-06-30')).toBeNull(); // quit before the article, used before it too
      expect(caseOn(h, '2025-07-01')).toBe('after_quitting');
      expect(caseOn(h, '2027-06-15')).toBe('after_quitting');
      expect(caseOn(h, '2027-06-16')).toBeNull();
    }
  });

  it('does NOT flag a person who COMPLETED voluntary rehab or therapy, or was expelled from therapy', () => {
    const completed = [ep('voluntary_community', '2025-09-10', { end: '2026-03-10', outcome: 'completed' })];
    expect(caseOn(completed, '2026-03-10')).toBe('in_rehab_or_therapy');
    expect(caseOn(completed, '2026-03-11')).toBeNull();
    expect(caseOn(completed, '2026-12-01')).toBeNull();
    const facility = [ep('voluntary_facility', '2023-07-11', { end: '2024-01-10', outcome: 'completed' })];
    expect(caseOn(facility, '2025-07-01')).toBeNull(); // was flagged before 12/2026
    const therapy = [ep('substitution_therapy', '2024-01-01', { end: '2026-01-01', outcome: 'completed' })];
    expect(caseOn(therapy, '2026-06-01')).toBeNull();
    const expelled = [ep('substitution_therapy', '2024-01-01', { end: '2026-01-01', outcome: 'expelled' })];
    expect(caseOn(expelled, '2026-06-01')).toBeNull();
  });

  it('ignores user management, pending dossiers and cancelled episodes; the direct case wins', () => {
    expect(caseOn([ep('user_management', '2025-07-01')], '2025-08-01')).toBeNull();
    expect(caseOn([ep('compulsory_pending', '2025-07-01')], '2025-08-01')).toBeNull();
    expect(caseOn([ep('compulsory', '2025-07-01', { outcome: 'cancelled' })], '2025-08-01')).toBeNull();
    expect(caseOn([ep('compulsory', '2021-01-01')], '2021-06-01')).toBeNull();
    const both = [
      ep('substitution_therapy', '2024-05-01', { end: '2025-08-01', outcome: 'quit' }),
      ep('voluntary_community', '2025-09-01'),
    ];
    expect(criminal256aCase(both, '2025-10-01')?.episode).toBe(both[1]);
    expect(in256aWindow(both, '2025-10-01')).toBe(true);
    expect(in256aWindow([], '2025-10-01')).toBe(false);
  });

  it('takes the window length from the rules', () => {
    const post = [ep('post_rehab', '2025-09-01')];
    const overrides = [
      {
        ruleKey: 'criminal256aWindowYears' as const,
        value: 3,
        effectiveFrom: '2025-07-01',
        reason: 'thử',
        basis: { instrument: INSTRUMENTS.criminalCode, article: '256a' },
      },
    ];
    expect(criminal256aCase(post, '2029-08-31', overrides)).toMatchObject({ to: '2029-08-31', years: 3 });
    expect(in256aWindow(post, '2029-09-01', overrides)).toBe(false);
  });

  it('names every case in Vietnamese and English', () => {
    for (const c of CRIMINAL_256A_CASES) {
      expect(criminal256aCaseLabel(c, 'vi')).toMatch(/\S/);
      expect(criminal256aCaseLabel(c, 'en')).toMatch(/\S/);
    }
    expect(criminal256aCaseLabel('after_quitting', 'vi')).toContain('tự ý chấm dứt');
    expect(criminal256aCaseLabel('after_post_rehab', 'vi', 2)).toContain('02 năm');
  });
});

describe('labels', () => {
  it('names every status, type, outcome and ground in Vietnamese and English', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const s of PERSON_STATUSES) expect(statusLabels[lang][s]).toBeTruthy();
      for (const t of EPISODE_TYPES) expect(episodeTypeLabels[lang][t]).toBeTruthy();
      for (const o of EPISODE_OUTCOMES) expect(outcomeLabels[lang][o]).toBeTruthy();
      expect(Object.values(groundLabels[lang])).toHaveLength(5);
    }
    expect(statusLabels.vi.compulsory_rehab).toBe('Đang cai nghiện bắt buộc');
  });
});
