import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, type User } from './pathway-test-kit.ts';

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let otherOfficer: User;
let volunteer: User;
const NAME = 'Nguyễn Thị Ánh Tuyết';

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-11-20');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  otherOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
});
afterAll(async () => k?.t.close());

/** The visible text of word/document.xml. */
async function docxText(body: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('documents of an episode', () => {
  let umId: string;
  let pendingId: string;

  it('numbers decisions issued here in the commune register, per year', async () => {
    const ids: string[] = [];
    for (const fullName of [NAME, 'Trần Văn Bình']) {
      const p = await k.person(officer, { fullName, sex: fullName === NAME ? 'female' : 'male' });
      // Law 120/2025: the head of commune police decides, in the commune police's register.
      const res = await police.call('POST', `/api/people/${p.id}/episodes`, {
        type: 'user_management',
        startDate: '2026-11-20',
        decision: { date: '2026-11-20', signer: 'Nguyễn Văn Trưởng' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      expect(res.json().documentNumber).toBe(`0${ids.length}/QĐ-CAX`);
      expect(res.json().decision.number).toBe(`0${ids.length}/QĐ-CAX`);
    }
    umId = ids[0];
  });

  it('renders the user-management decision as DOCX and PDF with the person and the number', async () => {
    const res = await officer.call('GET', `/api/episodes/${umId}/documents/user-management-decision.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.rawPayload);
    expect(text).toContain(NAME);
    expect(text).toContain('01/QĐ-CAX');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const pdf = await officer.call('GET', `/api/episodes/${umId}/documents/user-management-decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders the family commitment (Form 35) of pending management at the family', async () => {
    const p = await k.person(officer, { fullName: 'Lê Văn Cam', birthDate: '1985-04-04' });
    await police.call(
      'POST',
      `/api/people/${p.id}/addiction-determinations`,
      determinationBody('2026-11-01', '2026-09-01'),
    );
    const res = await police.call('POST', `/api/people/${p.id}/episodes`, {
      type: 'compulsory_pending',
      startDate: '2026-11-20',
      place: 'family',
      grounds: ['not_registered_voluntary'],
      familyCommitment: { committedBy: 'Lê Thị Mận', relation: 'Vợ', signedOn: '2026-11-20' },
    });
    expect(res.statusCode, res.body).toBe(201);
    pendingId = res.json().id;
    const doc = await police.call('GET', `/api/episodes/${pendingId}/documents/family-commitment.docx`);
    expect(doc.statusCode, doc.body).toBe(200);
    const text = await docxText(doc.rawPayload);
    expect(text).toContain('Lê Thị Mận');
    expect(text).toContain('Lê Văn Cam');
  });

  it('400 for an unknown file, 422 for a document of another type, 403 volunteer, 404 elsewhere', async () => {
    expect((await officer.call('GET', `/api/episodes/${umId}/documents/summons.docx`)).statusCode).toBe(400);
    expect(
      (await officer.call('GET', `/api/episodes/${umId}/documents/user-management-decision.odt`)).statusCode,
    ).toBe(400);
    const wrong = await officer.call('GET', `/api/episodes/${umId}/documents/family-commitment.docx`);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('document_not_applicable');
    expect(
      (await volunteer.call('GET', `/api/episodes/${umId}/documents/user-management-decision.docx`))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherOfficer.call('GET', `/api/episodes/${umId}/documents/user-management-decision.docx`))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await k.t.app.inject({
          method: 'GET',
          url: `/api/episodes/${umId}/documents/user-management-decision.docx`,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('post-rehab documents', () => {
  it('renders the post-rehab decision and the Form 54 certificate with allocated numbers', async () => {
    k.setToday('2025-09-01');
    const p = await k.person(officer, { fullName: 'Phạm Văn Đức', birthDate: '1991-01-01' });
    await police.call(
      'POST',
      `/api/people/${p.id}/addiction-determinations`,
      determinationBody('2025-09-01', '2025-07-01'),
    );
    // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40).
    k.setToday('2025-09-05');
    const rehab = await police.call('POST', `/api/people/${p.id}/episodes`, {
      type: 'compulsory',
      startDate: '2025-09-05',
      termMonths: 12,
      grounds: ['not_registered_voluntary'],
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '88/2025/QĐ-TA',
        decisionDate: '2025-09-03',
      },
    });
    expect(rehab.statusCode, rehab.body).toBe(201);
    k.setToday('2026-09-04');
    const closed = await police.call('POST', `/api/episodes/${rehab.json().id}/close`, {
      version: rehab.json().version,
      outcome: 'completed',
      endDate: '2026-09-04',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    k.setToday('2026-09-07');
    const post = await officer.call('POST', `/api/people/${p.id}/episodes`, {
      type: 'post_rehab',
      startDate: '2026-09-07',
      decision: decision('2026-09-07', '14/QĐ-UBND'),
      managerIds: [police.userId],
    });
    expect(post.statusCode, post.body).toBe(201);
    const dec = await officer.call(
      'GET',
      `/api/episodes/${post.json().id}/documents/post-rehab-decision.docx`,
    );
    expect(dec.statusCode, dec.body).toBe(200);
    const decText = await docxText(dec.rawPayload);
    expect(decText).toContain('Phạm Văn Đức');
    expect(decText).toContain('14/QĐ-UBND');
    expect(decText).toContain('Test commune_police');
    // No electronic monitoring measure applies to this person: the decision does not claim one.
    expect(decText).not.toContain('giám sát điện tử');

    k.setToday('2027-09-06');
    const cert = await officer.call('POST', `/api/episodes/${post.json().id}/certificate`, {
      version: post.json().version,
      issuedOn: '2027-09-06',
      signer: 'Trần Văn Chủ Tịch',
    });
    expect(cert.statusCode, cert.body).toBe(200);
    expect(cert.json().certificate.number).toBe('01/GCN-UBND');
    const form54 = await officer.call(
      'GET',
      `/api/episodes/${post.json().id}/documents/post-rehab-completion-certificate.docx`,
    );
    expect(form54.statusCode, form54.body).toBe(200);
    const text = await docxText(form54.rawPayload);
    expect(text).toContain('01/GCN-UBND');
    expect(text).toContain('Trần Văn Chủ Tịch');
  });
});
