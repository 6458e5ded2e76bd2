import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText, csvCell } from './text-safety';

describe('cleanText', () => {
  it('removes control characters but keeps tab and line feed', () => {
    expect(cleanText('Nguy\u0000ễn\u0007 Văn\u001b[31m A\r\nTổ 3\tngõ 5\u007f\u0085')).toBe(
      'Nguyễn Văn[31m A\nTổ 3\tngõ 5',
    );
  });
  it('removes bidirectional overrides, isolates and marks', () => {
    expect(cleanText('hoso\u202Etxt.exe')).toBe('hosotxt.exe');
    expect(cleanText('\u2066001\u2069\u202A2\u202B3\u202C4\u202D5\u2067\u2068\u200E\u200F\u061C')).toBe(
      '0012345',
    );
  });
  it('keeps Vietnamese text, emoji and zero-width joiners intact', () => {
    const s = 'Đỗ Thị Ngọc Ánh — phường Hà Tu 👍🏽';
    expect(cleanText(s)).toBe(s);
  });
  it('walks objects and arrays', () => {
    expect(cleanDeep({ a: ['x\u202Ey', 1, null, { b: 'c\u0000' }], n: 2, t: true })).toEqual({
      a: ['xy', 1, null, { b: 'c' }],
      n: 2,
      t: true,
    });
  });
});

describe('csvCell', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const s of ['+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])
      expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
  });
  it('leaves numbers, plain text and empties alone, and quotes separators', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
  });
});
