import { describe, expect, it } from 'vitest';
import { addressWords, OldCommuneIndex } from './address.ts';
import {
  cleanName,
  cleanRow,
  inFileDuplicates,
  isDataRow,
  parseDateCell,
  parseDrugs,
  parseIdNumber,
  parsePathway,
  parsePeriod,
} from './clean.ts';
import { detectHeader, fieldOfLabel } from './headers.ts';

describe('header row and column mapping', () => {
  it('finds the header under title rows and joins a two-row merged header (Năm sinh: Nam | Nữ)', () => {
    const rows = [
      ['UBND XÃ MINH QUANG', null, null, null, null, null],
      ['DANH SÁCH NGƯỜI NGHIỆN MA TÚY', null, null, null, null, null],
      [],
      ['STT', 'Họ và tên', 'Năm sinh', 'Năm sinh', 'Số CCCD/CMND', 'Nơi thường trú'],
      ['STT', 'Họ và tên', 'Nam', 'Nữ', 'Số CCCD/CMND', 'Nơi thường trú'],
      [1, 'Nguyễn Văn A', 1990, null, '001090042269', 'Thôn 1'],
    ];
    const h = detectHeader(rows)!;
    expect(h.headerRow).toBe(3);
    expect(h.headerRows).toBe(2);
    expect(h.mapping).toEqual([
      'stt',
      'fullName',
      'birthMale',
      'birthFemale',
      'idNumber',
      'permanentAddress',
    ]);
  });

  it('maps header words with or without diacritics', () => {
    expect(fieldOfLabel('Ho ten')).toBe('fullName');
    expect(fieldOfLabel('Tên gọi khác')).toBe('otherNames');
    expect(fieldOfLabel('Ngày tháng năm sinh')).toBe('birth');
    expect(fieldOfLabel('So dinh danh ca nhan')).toBe('idNumber');
    expect(fieldOfLabel('Nơi ở hiện nay')).toBe('currentAddress');
    expect(fieldOfLabel('Địa chỉ thường trú (thôn, xã, huyện)')).toBe('permanentAddress');
    expect(fieldOfLabel('Loại ma túy sử dụng')).toBe('drug');
    expect(fieldOfLabel('Tình trạng (Nghiện/Sử dụng)')).toBe('useStatus');
    expect(fieldOfLabel('Hình thức cai nghiện / quản lý')).toBe('pathway');
    expect(fieldOfLabel('Biện pháp đang áp dụng')).toBe('pathway');
    expect(fieldOfLabel('Thời gian (từ … đến …)')).toBe('period');
    expect(fieldOfLabel('Ngày bắt đầu')).toBe('from');
    expect(fieldOfLabel('Đến ngày')).toBe('to');
    expect(fieldOfLabel('Giới tính', 'Nữ')).toBe('sexFemale');
  });

  it('returns null when no row names at least three fields including the name', () => {
    expect(
      detectHeader([
        ['a', 'b'],
        ['Họ và tên', 'x'],
      ]),
    ).toBeNull();
  });
});

describe('cleaning values', () => {
  it('tidies names: capitals to title case, spaces, Unicode form', () => {
    expect(cleanName('ĐINH  MẠNH HIẾU ')).toBe('Đinh Mạnh Hiếu');
    expect(cleanName('Ngô Văn Diệu\u00a0')).toBe('Ngô Văn Diệu');
    expect(cleanName('Đinh Thị Hoa\u0300')).toBe('Đinh Thị Hoà');
    expect(cleanName('McLean Văn A')).toBe('McLean Văn A');
  });

  it('reads dates typed every way, keeping a year alone as a year', () => {
    const v = (raw: Parameters<typeof parseDateCell>[0], kind: 'birth' | 'measure' = 'birth') => {
      const r = parseDateCell(raw, kind);
      return r?.ok
        ? (r.value.iso ?? `${r.value.precision}:${r.value.year}${r.value.month ? `-${r.value.month}` : ''}`)
        : r?.rule;
    };
    expect(v('22/1/1973')).toBe('1973-01-22');
    expect(v('17/4/82')).toBe('1982-04-17');
    expect(v('3/6/15', 'measure')).toBe('2015-06-03');
    expect(v(1990)).toBe('year:1990');
    expect(v('1990')).toBe('year:1990');
    expect(v('tháng 11/1986')).toBe('month:1986-11');
    expect(v('03/1991')).toBe('month:1991-3');
    expect(v(31906)).toBe('1987-05-09');
    expect(v('34787')).toBe('1995-03-29');
    expect(v(new Date(Date.UTC(2000, 11, 15)))).toBe('2000-12-15');
    expect(v('ngày 5 tháng 3 năm 1990')).toBe('1990-03-05');
    expect(v('31/02/1994')).toBe('invalid_date');
    expect(v('31/09/1975')).toBe('invalid_date');
    expect(v('29/02/2000')).toBe('2000-02-29');
    expect(v('29/02/1900')).toBe('invalid_date');
    expect(v('không rõ')).toBe('unreadable_date');
    expect(v('')).toBeUndefined();
  });

  it('reads periods: from–to, month and year ranges, open ends, impossible days', () => {
    const p = (raw: string) => {
      const r = parsePeriod(raw);
      if (!r?.ok) return r?.rule;
      const f = (d: typeof r.value.from) => (d ? (d.iso ?? `${d.year}${d.month ? `-${d.month}` : ''}`) : '');
      return `${f(r.value.from)}..${r.value.open ? 'open' : f(r.value.to)}`;
    };
    expect(p('Từ 26/8/2024 đến 25/8/2025')).toBe('2024-08-26..2025-08-25');
    expect(p('12/2023 - 12/2024')).toBe('2023-12..2024-12');
    expect(p('2016-2017')).toBe('2016..2017');
    expect(p('19/01/2019 - nay')).toBe('2019-01-19..open');
    expect(p('Từ 03/2019 đến nay')).toBe('2019-3..open');
    expect(p('2024')).toBe('2024..');
    expect(p('Từ 31/02/2024 đến 1/8/2024')).toBe('invalid_date');
  });

  it('reads ID numbers: 12-digit CCCD with spaces or an apostrophe, 9-digit CMND, number cells', () => {
    expect(parseIdNumber("'079082242935")).toEqual({ kind: 'cccd', value: '079082242935' });
    expect(parseIdNumber('045 191 072656')).toEqual({ kind: 'cccd', value: '045191072656' });
    expect(parseIdNumber('116 749 950')).toEqual({ kind: 'cmnd', value: '116749950' });
    expect(parseIdNumber(110952485)).toEqual({ kind: 'cmnd', value: '110952485' });
    expect(parseIdNumber(1090042269 + 1e10)).toEqual({ kind: 'cccd', value: '011090042269' });
    expect(parseIdNumber('12345')).toEqual({ kind: 'invalid', value: '12345' });
    expect(parseIdNumber('  ')).toBeNull();
  });

  it('turns drug and pathway text into the product codes', () => {
    expect(parseDrugs('Heroin, MTĐ')).toEqual(['heroin', 'methamphetamine']);
    expect(parseDrugs('Hê rô in')).toEqual(['heroin']);
    expect(parseDrugs('Heroine; Ketamin')).toEqual(['heroin', 'ketamine']);
    expect(parseDrugs('Ketamine, thuốc lắc')).toEqual(['ketamine', 'mdma']);
    expect(parseDrugs('Cỏ Mỹ')).toEqual(['other']);
    const ep = (s: string) => parsePathway(s)?.episode ?? parsePathway(s)?.event;
    expect(ep('CNBB')).toBe('compulsory');
    expect(ep('Đang cai bắt buộc tại CS số 2')).toBe('compulsory');
    expect(ep('Uống Methadone')).toBe('substitution_therapy');
    expect(ep('Điều trị thay thế')).toBe('substitution_therapy');
    expect(ep('QLSCN')).toBe('post_rehab');
    expect(ep('Quản lý sau cai nghiện')).toBe('post_rehab');
    expect(ep('Cai tại GĐ-CĐ')).toBe('voluntary_community');
    expect(ep('CN tự nguyện tại gia đình')).toBe('voluntary_community');
    expect(ep('Cai tự nguyện tại CS')).toBe('voluntary_facility');
    expect(ep('CN tự nguyện tại Cơ sở cai nghiện')).toBe('voluntary_facility');
    expect(ep('Quản lý người SDTP')).toBe('user_management');
    expect(ep('Đã chết')).toBe('died');
    expect(ep('Bỏ địa phương đi làm ăn xa')).toBe('away');
  });
});

describe('rows', () => {
  it('tells data rows from section, subtotal and signature rows', () => {
    expect(isDataRow({ stt: 1, fullName: 'Lê Thị Giang' }, true)).toBe(true);
    expect(isDataRow({ stt: 'I', fullName: 'THÀNH PHỐ ĐỒNG HỚI' }, true)).toBe(false);
    expect(isDataRow({ stt: null, fullName: 'Cộng TP Đồng Hới: 99' }, true)).toBe(false);
    expect(isDataRow({ stt: null, fullName: 'Kiều Thị Thu Hường' }, true)).toBe(false);
    expect(isDataRow({ fullName: 'Người lập biểu' }, false)).toBe(false);
  });

  it('checks a row: sex from the Nam/Nữ birth columns, the CCCD against birth year and sex, one error', () => {
    const ok = cleanRow({ fullName: 'TRẦN THỊ B', birthFemale: '5/3/1990', idNumber: '001190123456' });
    expect(ok.issues).toEqual([]);
    expect(ok.person).toMatchObject({
      fullName: 'Trần Thị B',
      sex: 'female',
      birthDate: '1990-03-05',
      citizenId: '001190123456',
    });
    const sexWrong = cleanRow({ fullName: 'Trần Văn C', sex: 'Nam', birth: 1990, idNumber: '001190123456' });
    expect(sexWrong.issues.map((i) => `${i.field} ${i.rule}`)).toEqual(['idNumber invalid_cccd_sex']);
    const province = cleanRow({ fullName: 'Ngô Văn D', sex: 'Nam', birth: 1984, idNumber: '047084907814' });
    expect(province.issues.map((i) => i.rule)).toEqual(['invalid_cccd_province']);
    expect(province.issues[0].message.vi).toContain('mã tỉnh');
    const cmnd = cleanRow({ fullName: 'Ngô Văn E', sex: 'nam', birth: '1984', idNumber: '116 749 950' });
    expect(cmnd.person).toMatchObject({
      citizenId: null,
      formerId: '116749950',
      birthYear: 1984,
      birthDate: null,
    });
    const noSex = cleanRow({ fullName: 'Ngô E', birth: 1984 });
    expect(noSex.issues.map((i) => i.rule)).toEqual(['sex_required']);
  });

  it('finds in-file duplicates by ID number or normalised name + birth year + commune', () => {
    const d = inFileDuplicates([
      { id: '116749950', name: 'Đinh Mạnh Hiếu', birthYear: 1973, communeKey: 'a' },
      { id: null, name: 'Đinh Thị Hòa', birthYear: 1980, communeKey: 'a' },
      { id: '116749950', name: 'ĐINH  MẠNH HIẾU', birthYear: 1973, communeKey: 'a' },
      { id: null, name: 'Đinh Thị Hoà', birthYear: 1980, communeKey: 'a' },
      { id: null, name: 'Đinh Thị Hoà', birthYear: 1981, communeKey: 'a' },
      { id: null, name: 'Đinh Thị Hoà', birthYear: 1980, communeKey: 'b' },
    ]);
    expect([...d]).toEqual([
      [2, 0],
      [3, 1],
    ]);
  });
});

describe('old addresses', () => {
  const c = (code: string, communeKey: string, districtKey: string, provinceKey: string) => ({
    code,
    name: code,
    communeKey,
    districtKey,
    provinceKey,
    newCodes: [code],
  });
  const index = new OldCommuneIndex([
    c('A', 'duc ninh', 'dong hoi', 'quang binh'),
    c('B', 'duc ninh dong', 'dong hoi', 'quang binh'),
    c('C', 'quang tien', 'quang trach', 'quang binh'),
    c('D', 'quang tien', 'ba don', 'quang binh'),
    c('E', '3', '3', 'ho chi minh'),
    c('F', '3', '10', 'ho chi minh'),
    c('G', 'quang trach', 'quang trach', 'quang binh'),
  ]);
  const find = (s: string) => index.find(s).map((x) => x.code);
  it('prefers the longer name, uses the district to choose, and reads numbered wards', () => {
    expect(find('TDP 11 - Đức Ninh Đông - Đồng Hới')).toEqual(['B']);
    expect(find('Thôn 2, xã Quảng Tiến, huyện Quảng Trạch')).toEqual(['C']);
    expect(find('TDP 2, P. Quảng Tiên, TX Ba Đồn')).toEqual(['D']);
    expect(find('375 Nguyễn Đình Chiểu - P3 - Q3 - TPHCM')).toEqual(['E']);
    expect(find('số 12 phường 03, quận 10')).toEqual(['F']);
    expect(find('268/12 Nguyễn Thiện Thuật')).toEqual([]);
    expect(addressWords('P. 03, Q.3')).toBe('p#3 q#3');
  });
});
