import { describe, expect, it } from 'vitest';
import { declarationBasis, declarationProblems } from './declaration-rules.ts';

const ok = { declaredOn: '2026-08-01', substances: ['heroin'] as const, source: 'Mua của người lạ ở chợ' };
const ctx = { today: '2026-12-01', birthDate: '1990-05-12' };

describe('declaration checks', () => {
  it('accepts a complete declaration', () => {
    expect(declarationProblems({ ...ok, substances: ['heroin'] }, ctx)).toEqual([]);
    expect(declarationProblems({ ...ok, declaredOn: '2026-12-01', substances: ['mdma'] }, ctx)).toEqual([]);
  });

  it('names the field of each problem', () => {
    const fields = (over: object, c: object = ctx) =>
      declarationProblems({ ...ok, substances: ['heroin'], ...over }, { ...ctx, ...c }).map(
        (p) => `${p.field}:${p.rule}`,
      );
    expect(fields({ declaredOn: '2026-12-02' })).toEqual(['declaredOn:not_future']);
    expect(fields({ declaredOn: '1990-05-11' })).toEqual(['declaredOn:before_birth']);
    expect(fields({ declaredOn: '1990-05-12' })).toEqual([]);
    // Only the birth year known: not before 1 January of that year.
    expect(fields({ declaredOn: '1989-12-31' }, { birthDate: null, birthYear: 1990 })).toEqual([
      'declaredOn:before_birth',
    ]);
    expect(fields({ substances: [] })).toEqual(['substances:required']);
    expect(fields({ substances: ['other'] })).toEqual(['otherSubstance:required']);
    expect(fields({ substances: ['other'], otherSubstance: '  ' })).toEqual(['otherSubstance:required']);
    expect(fields({ substances: ['other'], otherSubstance: 'Nấm thức thần' })).toEqual([]);
    expect(fields({ source: ' ' })).toEqual(['source:required']);
  });
});

describe('declaration basis', () => {
  it('cites Law 120/2025 from 01/07/2026 and nothing before', () => {
    const before = declarationBasis('2026-06-30');
    expect(before).toMatchObject({ required: false, regimeId: 'two-tier-2025', basis: [] });
    const from = declarationBasis('2026-07-01');
    expect(from.required).toBe(true);
    expect(from.regimeId).toBe('law120-2026');
    expect(from.basis.map((b) => b.instrument.vi)).toEqual(['Luật 120/2025/QH15']);
    // Before 2022 (whether or not a regime of the 2000 law is recorded): nothing required, nothing cited.
    expect(declarationBasis('2019-03-01')).toMatchObject({ required: false, basis: [] });
    expect(declarationBasis('1999-03-01')).toEqual({ required: false, regimeId: null, basis: [] });
  });
});
