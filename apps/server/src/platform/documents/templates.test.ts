import { describe, expect, it } from 'vitest';
import { BA_DINH, sampleInputs } from './document-fixtures.ts';
import { dateLine, formatDocumentNumber, placeName, shortDate } from './official-document.ts';
import { buildDocument, TEMPLATES, templateFor } from './templates/registry.ts';
import { REGIME_PERIODS, type RegimeId, regimeOn, type TemplateKind } from './templates/template.ts';

const KINDS = Object.keys(TEMPLATES) as TemplateKind[];

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('template versions', () => {
  it.each(KINDS)('%s covers 01/01/2022 onward without gaps or overlaps', (kind) => {
    const versions = [...TEMPLATES[kind]].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    expect(versions[0].validFrom).toBe('2022-01-01');
    for (let i = 1; i < versions.length; i++)
      expect(versions[i].validFrom).toBe(nextDay(versions[i - 1].validTo!));
    expect(versions[versions.length - 1].validTo).toBeNull();
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  it.each(KINDS)('%s versions carry their regimes and legal bases as data', (kind) => {
    for (const t of TEMPLATES[kind]) {
      expect(t.id).toBe(kind);
      expect(t.regimes.length).toBeGreaterThan(0);
      // The validity window is exactly the union of its regimes' periods.
      for (const r of t.regimes) {
        expect(REGIME_PERIODS[r].from >= t.validFrom).toBe(true);
        expect(
          t.validTo === null || (REGIME_PERIODS[r].to !== null && REGIME_PERIODS[r].to! <= t.validTo),
        ).toBe(true);
      }
      expect(t.legalBases.length).toBeGreaterThan(0);
      if (t.verify) expect(t.verifyNotes?.length).toBeGreaterThan(0);
      const doc = t.build(sampleInputs(t.validFrom)[kind] as never);
      expect(doc.meta).toMatchObject({ templateId: kind, templateVersion: t.version, verify: t.verify });
    }
  });

  it('selects the version by the document date, at the regime boundaries', () => {
    const at = (kind: TemplateKind, date: string) => templateFor(kind, date).version;
    expect(at('user-management-decision', '2022-01-01')).toBe('2022.1');
    expect(at('user-management-decision', '2025-06-30')).toBe('2022.1');
    expect(at('user-management-decision', '2025-07-01')).toBe('2025.7');
    expect(at('user-management-decision', '2026-07-01')).toBe('2026.12');
    expect(at('post-rehab-decision', '2025-02-28')).toBe('2022.1');
    expect(at('post-rehab-decision', '2025-03-01')).toBe('2025.3');
    expect(at('compulsory-dossier-list', '2025-02-28')).toBe('2022.1');
    expect(at('compulsory-dossier-list', '2025-03-01')).toBe('2025.3');
    expect(at('compulsory-dossier-list', '2030-01-01')).toBe('2026.7');
    expect(() => templateFor('post-rehab-decision', '2021-12-31')).toThrow(RangeError);
    expect(() => templateFor('post-rehab-decision', '05/03/2026')).toThrow(RangeError);
  });

  it('maps dates to regimes', () => {
    const cases: [string, RegimeId | undefined][] = [
      ['2021-12-31', undefined],
      ['2022-01-01', 'law73-2022'],
      ['2025-02-28', 'law73-2022'],
      ['2025-03-01', 'police-transfer-2025'],
      ['2025-06-30', 'police-transfer-2025'],
      ['2025-07-01', 'two-tier-2025'],
      ['2026-06-30', 'two-tier-2025'],
      ['2026-07-01', 'law120-2026'],
    ];
    for (const [date, regime] of cases) expect(regimeOn(date)).toBe(regime);
  });
});

describe('wording that changes with the regime', () => {
  it('cites the 2015 local-government law before 01/07/2025 and the 2025 law after', () => {
    const before = buildDocument(
      'user-management-decision',
      sampleInputs('2025-06-30')['user-management-decision'],
    );
    const after = buildDocument(
      'user-management-decision',
      sampleInputs('2025-07-01')['user-management-decision'],
    );
    expect(before.legalBases?.[0]).toContain('ngày 19 tháng 6 năm 2015');
    expect(after.legalBases?.[0]).toContain('ngày 16 tháng 6 năm 2025');
    expect(before.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(before.legalBases?.at(-1)).toBe(
      'Xét kết quả xét nghiệm chất ma túy trong cơ thể ngày 30/06/2025 và đề nghị của Trưởng Công an phường Ba Đình.',
    );
  });

  it('has the district labour office assemble the compulsory dossier before 01/03/2025, the commune police after', () => {
    const old = buildDocument(
      'compulsory-dossier-list',
      sampleInputs('2024-05-02')['compulsory-dossier-list'],
    );
    expect(old.issuer).toEqual({
      parent: 'UBND QUẬN BA ĐÌNH',
      name: ['PHÒNG LAO ĐỘNG -', 'THƯƠNG BINH VÀ XÃ HỘI'],
    });
    expect(old.footer.right.capacity).toEqual(['TRƯỞNG PHÒNG']);
    const police = buildDocument(
      'compulsory-dossier-list',
      sampleInputs('2025-03-01')['compulsory-dossier-list'],
    );
    expect(police.issuer).toEqual({ parent: 'CÔNG AN THÀNH PHỐ HÀ NỘI', name: ['CÔNG AN PHƯỜNG BA ĐÌNH'] });
    expect(police.footer.right.capacity).toEqual(['TRƯỞNG CÔNG AN']);
    const twoTier = buildDocument('compulsory-dossier-list', {
      ...sampleInputs('2025-08-01')['compulsory-dossier-list'],
      commune: { name: 'Phường Hà Tu', provinceName: 'Tỉnh Quảng Ninh' },
    });
    expect(twoTier.issuer?.parent).toBe('CÔNG AN TỈNH QUẢNG NINH');
    expect(twoTier.place).toBe('Hà Tu');
  });

  it('needs the district name for district-level documents before 01/07/2025', () => {
    const input = sampleInputs('2024-05-02')['compulsory-dossier-list'];
    expect(() =>
      buildDocument('compulsory-dossier-list', {
        ...input,
        commune: { ...BA_DINH, districtName: undefined },
      }),
    ).toThrow(/districtName/);
  });

  it('names the managers of post-rehab management and refuses a decision without one', () => {
    const input = sampleInputs('2025-11-20')['post-rehab-decision'];
    const doc = buildDocument('post-rehab-decision', input);
    const texts = doc.body.map((b) =>
      b.type === 'paragraph' || b.type === 'article'
        ? (typeof b.content === 'string'
            ? [b.content]
            : b.content.map((i) => (typeof i === 'string' ? i : i.text))
          ).join('')
        : '',
    );
    expect(texts).toContain('- Trần Văn Hùng, Công an viên;');
    expect(texts).toContain('- Phạm Thị Hồng Nhung, Tình nguyện viên Đội công tác xã hội tình nguyện.');
    expect(() => buildDocument('post-rehab-decision', { ...input, managers: [] })).toThrow(/managers/);
  });
});

describe('Decree 30 formatting helpers', () => {
  it('writes the date line with leading zeros only for days under 10 and months 1–2', () => {
    expect(dateLine('Ba Đình', '2026-03-05')).toBe('Ba Đình, ngày 05 tháng 3 năm 2026');
    expect(dateLine('Ba Đình', '2026-01-15')).toBe('Ba Đình, ngày 15 tháng 01 năm 2026');
    expect(dateLine('Ba Đình', '2026-12-31')).toBe('Ba Đình, ngày 31 tháng 12 năm 2026');
    expect(dateLine('Hà Tu', null)).toBe('Hà Tu, ngày ... tháng ... năm ...');
    expect(shortDate('2026-03-05')).toBe('05/03/2026');
  });

  it('writes numbers under 10 with a leading zero', () => {
    expect(formatDocumentNumber(5, 'QĐ-CAX')).toBe('05/QĐ-CAX');
    expect(formatDocumentNumber(12, 'QĐ-UBND')).toBe('12/QĐ-UBND');
    expect(formatDocumentNumber(1234, 'QĐ-UBND')).toBe('1234/QĐ-UBND');
    expect(() => formatDocumentNumber(0, 'QĐ-UBND')).toThrow(RangeError);
  });

  it('takes the place name from the unit name', () => {
    expect(placeName('Phường Ba Đình')).toBe('Ba Đình');
    expect(placeName('Xã Ba Vì')).toBe('Ba Vì');
    expect(placeName('Đặc khu Phú Quốc')).toBe('Phú Quốc');
    expect(placeName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeName('Phường 15')).toBe('Phường 15');
    expect(placeName('Phường Ba Đình'.normalize('NFD'))).toBe('Ba Đình');
  });
});
