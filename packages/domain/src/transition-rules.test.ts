import { describe, expect, it } from 'vitest';
import { LAW120_FROM, type TransitionEpisode, transitionFor } from './transition-rules.ts';

const ep = (over: Partial<TransitionEpisode> = {}): TransitionEpisode => ({
  type: 'compulsory',
  startDate: '2026-03-01',
  decisionDate: '2026-02-20',
  regimeId: 'two-tier-2025',
  plannedEnd: '2027-08-31',
  actualEnd: null,
  ...over,
});

describe('transitionFor (people part-way through a term on 01/07/2026)', () => {
  it('Law 120 takes effect on 01/07/2026', () => {
    expect(LAW120_FROM).toBe('2026-07-01');
  });

  it('keeps the term decided under the earlier regime and applies Law 120 to later acts', () => {
    const t = transitionFor(ep());
    expect(t).toMatchObject({
      termRegime: 'two-tier-2025',
      actsRegime: 'law120-2026',
      plannedEnd: '2027-08-31',
      verify: true,
    });
    expect(t?.reason.vi).toContain('20/02/2026');
    expect(t?.reason.vi).toContain('đến ngày 31/08/2027');
    expect(t?.reason.vi).toContain('Luật 120/2025/QH15');
    expect(t?.reason.vi).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(t?.basis[0].instrument.vi).toBe('Luật 120/2025/QH15');
  });

  it('decided on 30/06/2026: in transition; decided on 01/07/2026: not', () => {
    expect(transitionFor(ep({ decisionDate: '2026-06-30', startDate: '2026-06-30' }))).not.toBeNull();
    expect(
      transitionFor(ep({ decisionDate: '2026-07-01', startDate: '2026-07-01', regimeId: 'law120-2026' })),
    ).toBeNull();
  });

  it('decided before but starting on 01/07/2026: not part-way through a term', () => {
    expect(transitionFor(ep({ decisionDate: '2026-06-25', startDate: '2026-07-01' }))).toBeNull();
  });

  it('ended on 30/06/2026: no transition; ended on 01/07/2026 or later: transition', () => {
    expect(transitionFor(ep({ actualEnd: '2026-06-30' }))).toBeNull();
    expect(transitionFor(ep({ actualEnd: '2026-07-01' }))).not.toBeNull();
    expect(transitionFor(ep({ plannedEnd: '2026-06-30' }))).toBeNull();
    expect(transitionFor(ep({ plannedEnd: '2026-07-01' }))).not.toBeNull();
  });

  it('an episode of the Law 73 regime names that regime; one without a planned end says no end date', () => {
    const t = transitionFor(
      ep({
        type: 'substitution_therapy',
        decisionDate: null,
        startDate: '2024-05-01',
        regimeId: 'law73-2022',
        plannedEnd: null,
      }),
    );
    expect(t?.termRegime).toBe('law73-2022');
    expect(t?.reason.vi).toContain('01/05/2024');
    expect(t?.reason.vi).not.toContain('đến ngày');
  });
});
