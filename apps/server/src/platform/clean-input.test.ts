import { cleanText } from '@hoanhap/domain/text-safety';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';

// Control characters and bidirectional overrides are stripped from every text input in one place (a
// preValidation hook), and the CSV exports defuse cells a spreadsheet would run as formulas.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('text input', () => {
  it('stores text without control characters or bidirectional overrides, keeping line feeds and tabs', async () => {
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const res = await officer.call('POST', '/api/people', {
      fullName: 'Trần\u202E Thị\u0007 Lan\u0000',
      sex: 'female',
      birthDate: '1995-05-06',
      occupation: '=HYPERLINK("http://evil.example","bấm vào")',
      familyContacts: [{ name: '\u2066Trần Văn\u2069 Hải', relation: 'Bố', phone: '0912\u200F345678' }],
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 3\r\nngõ\t5\u001b' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.deps.database.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe('Trần Thị Lan');
    expect(row.cur_detail).toBe('Tổ 3\nngõ\t5');
    expect(row.family_contacts).toContain('Trần Văn Hải');
    expect(row.family_contacts).toContain('0912345678');
    for (const v of Object.values(row)) if (typeof v === 'string') expect(cleanText(v)).toBe(v);

    // The CSV export defuses the formula-looking occupation.
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/people/export?format=csv&q=tran%20thi%20lan',
      headers: officer.headers,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('cleans the query string too', async () => {
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const res = await officer.call('GET', '/api/people?q=tr%E2%80%AEan%00%20thi%20lan');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(1);
  });
});
