import { describe, expect, it } from 'vitest';
import {
  BLOCKS,
  formatValue,
  INDICATORS,
  isComputable,
  meetsTarget,
  ratioPercent,
  validateIndicator,
} from './indicators.ts';

describe('indicator catalogue', () => {
  it('has unique ids, and every shipped indicator is valid against the blocks', () => {
    expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
    expect(new Set(BLOCKS.map((b) => b.id)).size).toBe(BLOCKS.length);
    for (const d of INDICATORS) expect(validateIndicator(d), d.id).toEqual([]);
  });

  it('carries the targets of the National Target Program and the source articles', () => {
    const target = (id: string) => INDICATORS.find((d) => d.id === id)?.target?.value;
    expect(target('addicts_counselled_share')).toBe(80);
    expect(target('post_rehab_supported_share')).toBe(90);
    expect(target('post_rehab_with_manager_share')).toBe(100);
    expect(target('drug_free_communes_share')).toBe(50);
    expect(target('volunteer_model_share')).toBe(100);
  });

  it('marks indicators whose blocks have no records yet as not computable', () => {
    expect(isComputable(INDICATORS.find((d) => d.id === 'drug_free_communes_share')!)).toBe(true);
    expect(isComputable({ numerator: { block: 'no_such_block' } })).toBe(false);
    expect(isComputable(INDICATORS.find((d) => d.id === 'dossiers_sent_to_court')!)).toBe(true);
  });
});

describe('ratios and values', () => {
  it('gives null for an empty denominator, shown as "—"', () => {
    expect(ratioPercent(3, 0)).toBeNull();
    expect(ratioPercent(null, 4)).toBeNull();
    expect(ratioPercent(1, 3)).toBe(33.3);
    expect(formatValue(null, 'ratio')).toBe('—');
    expect(formatValue(Number.NaN, 'count')).toBe('—');
    expect(formatValue(33.3, 'ratio')).toBe('33,3%');
    expect(formatValue(5236, 'count')).toBe('5.236');
  });

  it('compares against a target', () => {
    const t = { op: 'gte' as const, value: 80, source: { vi: '', en: '' } };
    expect(meetsTarget(80, t)).toBe(true);
    expect(meetsTarget(79.9, t)).toBe(false);
    expect(meetsTarget(null, t)).toBeNull();
  });

  it('names the field of an invalid definition', () => {
    const base = INDICATORS[0];
    expect(validateIndicator({ ...base, numerator: { block: 'nope' } })[0].field).toBe('numerator.block');
    expect(
      validateIndicator({ ...base, numerator: { block: 'people_by_status', params: { status: 'x' } } })[0]
        .field,
    ).toBe('numerator.params.status');
    expect(validateIndicator({ ...base, kind: 'ratio' })[0].field).toBe('denominator');
    expect(
      validateIndicator({ ...base, numerator: { block: 'dossiers_submitted' }, disaggregations: ['sex'] })[0]
        .field,
    ).toBe('disaggregations');
  });
});
