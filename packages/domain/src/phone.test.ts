import { describe, expect, it } from 'vitest';
import { parseVnPhone } from './phone.ts';

describe('Vietnamese phone numbers', () => {
  it('takes mobile and fixed numbers however they are typed, in the national form', () => {
    expect(parseVnPhone('0912 345 678')).toEqual({ ok: true, value: '0912345678', kind: 'mobile' });
    expect(parseVnPhone('0912.345.678').ok).toBe(true);
    expect(parseVnPhone('+84 912 345 678')).toMatchObject({ value: '0912345678' });
    expect(parseVnPhone('+84 (0) 912 345 678')).toMatchObject({ value: '0912345678' });
    expect(parseVnPhone('84912345678')).toMatchObject({ value: '0912345678' });
    expect(parseVnPhone('0084 387 654 321')).toMatchObject({ value: '0387654321' });
    for (const p of ['0323456789', '0563456789', '0703456789', '0813456789', '0983456789'])
      expect(parseVnPhone(p).ok).toBe(true);
    expect(parseVnPhone('(024) 3825 1234')).toEqual({ ok: true, value: '02438251234', kind: 'fixed' });
    expect(parseVnPhone('0203 3825 123')).toMatchObject({ value: '02033825123', kind: 'fixed' });
  });

  it('refuses what is not a Vietnamese number', () => {
    for (const p of [
      'abc',
      '',
      '12345',
      '0912 345 67', // 9 digits
      '09123456789', // 11-digit mobile (before 2018)
      '0612345678', // no 06 mobile prefix
      '0112345678',
      '024 3825 123', // a fixed line needs 11 digits
      '+1 212 555 0100',
    ])
      expect(parseVnPhone(p)).toEqual({ ok: false, rule: 'phone_format' });
  });
});
