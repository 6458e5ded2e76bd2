import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, testBody, type User } from './pathway-test-kit.ts';

// Who issues the decision on managing an illegal drug user follows the rule in force on the decision date
// (rulesOn(date).userManagementMonths.authority): the commune chairman until 30/06/2026, the head of commune
// police under Law 120/2025/QH15 from 01/07/2026. The role allowed to record it, the number series, the
// signer block and the "Căn cứ" lines of its DOCX/PDF all follow that authority.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-12-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
});
afterAll(async () => k?.t.close());

const um = (date: string, signer: string) => ({
  type: 'user_management',
  startDate: date,
  decision: { date, signer },
});

async function docxText(body: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('user-management decision under Law 120/2025 (from 01/07/2026)', () => {
  let episodeId: string;

  it('on 01/12/2026 the commune police issue it, numbered in the police series, authority the head of police', async () => {
    const p = await k.person(police, { fullName: 'Đỗ Văn Khánh' });
    const test = await police.call(
      'POST',
      `/api/people/${p.id}/drug-tests`,
      testBody('2026-12-01', 'positive'),
    );
    expect(test.statusCode, test.body).toBe(201);
    // The 24-hour task to decide falls to the commune police, the role acting for the rule's authority.
    const task = (await k.tasksOf(p.id)).find((x) => x.kind === 'user_management_decision');
    expect(task?.responsible_role).toBe('commune_police');
    expect(task?.rule_key).toBe('userManagementDecisionHours');
    const res = await police.call('POST', `/api/people/${p.id}/episodes`, {
      ...um('2026-12-01', 'Nguyễn Văn Trưởng'),
      sourceTestId: test.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'law120-2026',
      authority: 'commune_police_head',
      authorityLabel: { vi: 'Trưởng Công an cấp xã', en: 'Head of commune police' },
      documentNumber: '01/QĐ-CAX',
    });
    episodeId = res.json().id;
    expect((await k.tasksOf(p.id)).find((x) => x.kind === 'user_management_decision')?.status).toBe('done');
    // Decided under Law 120: no transition to show.
    expect(res.json().transition).toBeUndefined();
  });

  it('refuses a commune officer on 01/07/2026 (403) naming the authority and citing Law 120', async () => {
    const p = await k.person(officer, { fullName: 'Lý Văn Mạnh' });
    const res = await officer.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-07-01', 'Trần Văn Chủ Tịch'),
    );
    expect(res.statusCode, res.body).toBe(403);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'authority_required',
      rule: 'userManagementMonths',
      authority: 'commune_police_head',
    });
    expect(body.detail ?? body.title ?? JSON.stringify(body)).toMatch(/Trưởng Công an cấp xã/);
    expect(JSON.stringify(body.basis)).toContain('Luật 120/2025/QH15');
    expect(JSON.stringify(body.basis)).not.toContain('73/2021');
  });

  it('renders the DOCX with the police header, the head of police as signer and Law 120 among the bases', async () => {
    const res = await police.call(
      'GET',
      `/api/episodes/${episodeId}/documents/user-management-decision.docx`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('CÔNG AN THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('CÔNG AN PHƯỜNG BA ĐÌNH');
    expect(text).toContain('TRƯỞNG CÔNG AN PHƯỜNG BA ĐÌNH');
    expect(text).toContain('Nguyễn Văn Trưởng');
    expect(text).toContain('01/QĐ-CAX');
    expect(text).toMatch(/Căn cứ Luật Phòng, chống ma túy số 120\/2025\/QH15/);
    expect(text).toContain('Xét kết quả xét nghiệm chất ma túy trong cơ thể ngày 01/12/2026.');
    expect(text).not.toContain('CHỦ TỊCH');
    expect(text).not.toContain('ngày 30 tháng 3 năm 2021');
  });

  it('renders the PDF with the same signer block and bases', async () => {
    const res = await police.call('GET', `/api/episodes/${episodeId}/documents/user-management-decision.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const text = extractPdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('TRƯỞNG CÔNG AN PHƯỜNG BA ĐÌNH');
    expect(text).toContain('TRƯỞNG CÔNG AN');
    expect(text).toContain('120/2025/QH15');
    expect(text).not.toContain('CHỦ TỊCH');
  });
});

describe('the day before: 30/06/2026, the commune chairman decides', () => {
  let episodeId: string;

  it('a commune officer records it, numbered in the committee series; the police are refused', async () => {
    const p = await k.person(officer, { fullName: 'Hoàng Văn Nam' });
    const refused = await police.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-06-30', 'Nguyễn Văn Trưởng'),
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'authority_required', authority: 'commune_chairman' });
    expect(JSON.stringify(refused.json().basis)).toContain('Luật 73/2021/QH14');
    const res = await officer.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-06-30', 'Trần Văn Chủ Tịch'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'two-tier-2025',
      authority: 'commune_chairman',
      documentNumber: '01/QĐ-UBND',
    });
    episodeId = res.json().id;
  });

  it('its documents keep the chairman as signer and the 2021 law among the bases', async () => {
    const res = await officer.call(
      'GET',
      `/api/episodes/${episodeId}/documents/user-management-decision.docx`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(text).toContain('Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021;');
    expect(text).not.toContain('TRƯỞNG CÔNG AN PHƯỜNG BA ĐÌNH');
    const pdf = await officer.call(
      'GET',
      `/api/episodes/${episodeId}/documents/user-management-decision.pdf`,
    );
    const pdfText = extractPdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(pdfText).toContain('CHỦ TỊCH');
    expect(pdfText).not.toContain('120/2025/QH15');
  });

  it('part-way through its term on 01/07/2026: the episode says which regime governs the term, with basis', async () => {
    const res = await officer.call('GET', `/api/episodes/${episodeId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().transition).toMatchObject({
      termRegime: 'two-tier-2025',
      actsRegime: 'law120-2026',
      basis: [{ vi: 'Luật 120/2025/QH15' }],
      verify: true,
    });
    expect(res.json().transition.reason.vi).toContain('30/06/2026');
    expect(res.json().transition.reason.vi).toContain('đến ngày 29/06/2027');
  });

  it('a positive test on 30/06/2026 opens no 24-hour task (no such rule before Law 120)', async () => {
    k.setToday('2026-06-30');
    const p = await k.person(police, { fullName: 'Vũ Văn Phong' });
    const test = await police.call(
      'POST',
      `/api/people/${p.id}/drug-tests`,
      testBody('2026-06-30', 'positive'),
    );
    expect(test.statusCode, test.body).toBe(201);
    expect((await k.tasksOf(p.id)).some((x) => x.kind === 'user_management_decision')).toBe(false);
    k.setToday('2026-12-01');
  });
});

describe('the authority is overridable data', () => {
  it('an override naming the commune chairman from 01/11/2026 gives the decision back to the officer', async () => {
    k.setToday('2026-12-01');
    const nation = await k.t.userAs('national_officer', 'nation', null);
    const o = await nation.call('POST', '/api/legal/overrides', {
      ruleKey: 'userManagementMonths',
      authority: 'commune_chairman',
      effectiveFrom: '2026-11-01',
      reason: 'Thử nghiệm: văn bản hướng dẫn giao Chủ tịch UBND cấp xã quyết định',
      basis: { instrument: { vi: 'Nghị định thử nghiệm 999/2026/NĐ-CP', en: 'Test decree 999/2026' } },
    });
    expect(o.statusCode, o.body).toBe(201);
    const p = await k.person(officer, { fullName: 'Trịnh Văn Quang' });
    const refused = await police.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-11-05', 'Nguyễn Văn Trưởng'),
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'authority_required', authority: 'commune_chairman' });
    expect(JSON.stringify(refused.json().basis)).toContain('Nghị định thử nghiệm 999/2026/NĐ-CP');
    const res = await officer.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-11-05', 'Trần Văn Chủ Tịch'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ authority: 'commune_chairman', regimeId: 'law120-2026' });
    expect(res.json().documentNumber).toMatch(/\/QĐ-UBND$/);
    const doc = await officer.call(
      'GET',
      `/api/episodes/${res.json().id}/documents/user-management-decision.docx`,
    );
    const text = await docxText(doc.rawPayload);
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(text).toMatch(/Căn cứ Luật Phòng, chống ma túy số 120\/2025\/QH15/);
    expect(text).not.toContain('TRƯỞNG CÔNG AN PHƯỜNG BA ĐÌNH');
    // Before the override's date the rule's own authority stands.
    const before = await officer.call(
      'POST',
      `/api/people/${p.id}/episodes`,
      um('2026-10-31', 'Trần Văn Chủ Tịch'),
    );
    expect(before.statusCode).toBe(403);
  });
});
