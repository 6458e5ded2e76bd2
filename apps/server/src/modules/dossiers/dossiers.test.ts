import { createHash, randomUUID } from 'node:crypto';
import { makeCccd } from '@hoanhap/domain/cccd';
import { dossierRulesOn, readingPeriodEnd } from '@hoanhap/domain/dossier-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

type User = Awaited<ReturnType<TestApp['userAs']>>;

let t: TestApp;
let police: User; // commune police of Ba Đình: prepares the dossiers
let officer: User; // commune officer of Ba Đình: reads
let province: User; // Hà Nội province officer: reads
let otherPolice: User; // commune police of Ngọc Hà: out of scope
let volunteer: User;
let facilityId: string;
let serial = 0;

const REQUIRED = [
  'violation_record',
  'personal_history',
  'addiction_result',
  'ground_proof',
  'statement',
  'notification_proof',
] as const;

// A tiny but real PDF, PNG and DOCX header: the server checks content against the extension.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = `----hn${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    body: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(
  u: User,
  dossierId: string,
  personId: string,
  kind: string,
  file = { name: 'bien-ban.pdf', type: 'application/pdf', data: PDF },
) {
  const m = multipart(file.name, file.type, file.data);
  return t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${dossierId}/documents?personId=${personId}&kind=${kind}`,
    headers: { ...u.headers, 'content-type': m.contentType },
    payload: m.body,
  });
}

async function newPerson(fullName: string, birthDate: string, sex: 'male' | 'female' = 'male') {
  serial += 1;
  const res = await officer.call('POST', '/api/people', {
    fullName,
    sex,
    birthDate,
    citizenId: makeCccd('01', Number(birthDate.slice(0, 4)), sex, 500 + serial),
    currentAddress: { communeCode: UNITS.baDinh, detail: `Tổ ${serial}` },
    confirmPossibleDuplicate: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Addiction determination (Form 04) through the screening API, as the court order needs one. */
async function determineAddiction(personId: string, assessedOn: string) {
  const res = await police.call('POST', `/api/people/${personId}/addiction-determinations`, {
    assessedOn,
    observations: ['craving', 'loss_of_control', 'withdrawal', 'tolerance'].map((criterion) => ({
      criterion,
      from: '2025-05-01',
    })),
    doctor: { name: 'Bác sĩ Trần Văn Bình', certificate: 'CCHN-004321' },
    facilityName: 'Trung tâm Y tế Ba Đình',
    conclusion: 'addicted',
    substances: ['heroin'],
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function createDossier(persons: { personId: string; ground?: string }[], preparedOn = '2025-08-01') {
  const res = await police.call('POST', '/api/dossiers', {
    preparedOn,
    persons: persons.map((p) => ({ personId: p.personId, ground: p.ground ?? 'not_registered_voluntary' })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function uploadAll(dossierId: string, personIds: string[]) {
  for (const p of personIds)
    for (const kind of REQUIRED) expect((await upload(police, dossierId, p, kind)).statusCode).toBe(201);
}

async function post(u: User, dossierId: string, step: string, body: Record<string, unknown>, expected = 200) {
  const res = await u.call('POST', `/api/dossiers/${dossierId}/${step}`, body);
  expect(res.statusCode, `${step}: ${res.body}`).toBe(expected);
  return res.json();
}

/** Drives a dossier from draft to a scheduled hearing with every document in place. */
async function toHearing(personIds: string[]) {
  let d = await createDossier(personIds.map((personId) => ({ personId })));
  await uploadAll(d.id, personIds);
  d = await post(police, d.id, 'notify', { version: d.version, notifiedOn: '2025-08-04' });
  d = await post(police, d.id, 'close-reading', { version: d.version, closedOn: '2025-08-12' });
  d = await post(police, d.id, 'submit', {
    version: d.version,
    submittedOn: '2025-08-12',
    courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội',
  });
  d = await post(police, d.id, 'accept', {
    version: d.version,
    acceptedOn: '2025-08-15',
    courtCaseNumber: '12/2025/TLST',
  });
  d = await post(police, d.id, 'hearing', { version: d.version, hearingDate: '2025-08-25' });
  return d;
}

const openTasks = (personId: string, kind: string) =>
  t.deps.database.db
    .selectFrom('tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  police = await t.userAs('commune_police', 'commune', UNITS.baDinh);
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  province = await t.userAs('province_officer', 'province', UNITS.hanoi);
  otherPolice = await t.userAs('commune_police', 'commune', UNITS.ngocHa);
  volunteer = await t.userAs('volunteer', 'commune', UNITS.baDinh);
  facilityId = randomUUID();
  const now = new Date().toISOString();
  await t.deps.database.db
    .insertInto('facilities')
    .values({
      id: facilityId,
      name: 'Cơ sở cai nghiện ma túy số 2 Hà Nội',
      kind: 'rehab_public',
      province_code: UNITS.hanoi,
      commune_code: null,
      address: null,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
});
afterAll(async () => t?.close());

describe('access', () => {
  it('401 without a session, 403 for roles without the grant', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dossiers' })).statusCode).toBe(401);
    expect((await volunteer.call('GET', '/api/dossiers')).statusCode).toBe(403);
    const p = await newPerson('Lê Văn Quyền', '1991-02-03');
    const byOfficer = await officer.call('POST', '/api/dossiers', {
      preparedOn: '2025-08-01',
      persons: [{ personId: p, ground: 'not_registered_voluntary' }],
    });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().messages.vi).toBeTruthy();
  });

  it('400 naming the field', async () => {
    const res = await police.call('POST', '/api/dossiers', { preparedOn: '2025-13-01', persons: [] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: any) => e.field);
    expect(fields).toContain('preparedOn');
    expect(fields).toContain('persons');
    const ground = await police.call('POST', '/api/dossiers', {
      preparedOn: '2025-08-01',
      persons: [{ personId: 'x', ground: 'felt_like_it' }],
    });
    expect(ground.json().errors[0].field).toBe('persons.0.ground');
  });

  it('404 for an unknown dossier and for a dossier of another commune; reads by commune, province', async () => {
    expect((await police.call('GET', `/api/dossiers/${randomUUID()}`)).statusCode).toBe(404);
    const p = await newPerson('Phạm Thị Hạnh', '1993-07-08', 'female');
    const d = await createDossier([{ personId: p }]);
    expect(d.preparer.authority).toBe('commune_police_head');
    expect(d.status).toBe('draft');
    const other = await otherPolice.call('GET', `/api/dossiers/${d.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Phạm Thị Hạnh');
    expect(
      (
        await otherPolice.call('POST', `/api/dossiers/${d.id}/notify`, {
          version: 1,
          notifiedOn: '2025-08-04',
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherPolice.call('GET', '/api/dossiers')).json().items).toEqual([]);
    // A person of another commune cannot be named by Ngọc Hà police.
    const foreign = await otherPolice.call('POST', '/api/dossiers', {
      preparedOn: '2025-08-01',
      persons: [{ personId: p, ground: 'not_registered_voluntary' }],
    });
    expect(foreign.statusCode).toBe(404);

    expect((await officer.call('GET', `/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const list = await province.call('GET', '/api/dossiers?q=pham%20thi%20hanh');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: any) => i.id)).toEqual([d.id]);
    // Readers do not write.
    expect(
      (await officer.call('POST', `/api/dossiers/${d.id}/notify`, { version: 1, notifiedOn: '2025-08-04' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await province.call('POST', `/api/dossiers/${d.id}/accept`, { version: 1, acceptedOn: '2025-08-04' }))
        .statusCode,
    ).toBe(403);
    const audits = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', d.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['dossier.create', 'dossier.read']));
  });

  it('follows the date for who prepares: the district labour office before 01/03/2025', async () => {
    const p = await newPerson('Đào Văn Sơn', '1985-01-01');
    const d = await createDossier([{ personId: p }], '2025-02-20');
    expect(d.preparer.authority).toBe('district_labour_office');
    expect(d.regimeId).toBe('law73-2022');
  });
});

describe('preparation', () => {
  it('adds and removes people while in draft, with optimistic concurrency (409)', async () => {
    const a = await newPerson('Ngô Văn Tài', '1990-01-01');
    const b = await newPerson('Ngô Văn Lộc', '1992-01-01');
    const d = await createDossier([{ personId: a }]);
    const added = await police.call('POST', `/api/dossiers/${d.id}/persons`, {
      version: d.version,
      personId: b,
      ground: 'quit_voluntary_rehab',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().persons).toHaveLength(2);
    const stale = await police.call('POST', `/api/dossiers/${d.id}/notify`, {
      version: d.version,
      notifiedOn: '2025-08-04',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(added.json().version);
    const removed = await police.call(
      'DELETE',
      `/api/dossiers/${d.id}/persons/${b}?version=${added.json().version}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().persons.map((p: any) => p.personId)).toEqual([a]);
    // A person already in an open dossier cannot be named again.
    const again = await police.call('POST', '/api/dossiers', {
      preparedOn: '2025-08-01',
      persons: [{ personId: a, ground: 'not_registered_voluntary' }],
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses illegal transitions with a message citing the rule (422)', async () => {
    const p = await newPerson('Trịnh Văn Khải', '1988-03-03');
    const d = await createDossier([{ personId: p }]);
    const res = await police.call('POST', `/api/dossiers/${d.id}/accept`, {
      version: d.version,
      acceptedOn: '2025-08-05',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('dossier_illegal_transition');
    expect(res.json().messages.vi).toContain('Pháp lệnh 01/2022');
    const submit = await police.call('POST', `/api/dossiers/${d.id}/submit`, {
      version: d.version,
      submittedOn: '2025-08-05',
      courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội',
    });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().messages.en).toMatch(/Art\. 103/);
  });

  it('reading period: deadline in working days, task opened and closed, early close refused', async () => {
    const p = await newPerson('Vũ Văn Hưng', '1987-09-09');
    let d = await createDossier([{ personId: p }]);
    d = await post(police, d.id, 'notify', { version: d.version, notifiedOn: '2025-08-28' });
    // Two National Day holidays (01–02/09/2025) fall inside the period.
    const expected = readingPeriodEnd('2025-08-28', dossierRulesOn('2025-08-28'));
    expect(d.readingPeriod).toMatchObject({ endsOn: expected, verify: true });
    expect(d.readingPeriod.basis[0].vi).toContain('Điều 103');
    expect(expected > '2025-09-02').toBe(true);
    const tasks = await openTasks(p, 'dossier_reading_end');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      status: 'open',
      due_date: expected,
      responsible_role: 'commune_police',
    });
    // The work list names the task in words (a task kind of task-rules.ts, not a bare code).
    const mine = (await police.call('GET', '/api/tasks/mine')).json();
    const listed = [...mine.overdue, ...mine.dueToday, ...mine.upcoming].find(
      (x: { personId: string; kind: string }) => x.personId === p && x.kind === 'dossier_reading_end',
    );
    expect(listed.label).toEqual({
      vi: 'Hết thời hạn đọc hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
      en: 'Compulsory-rehab dossier: reading period ends',
    });

    const early = await police.call('POST', `/api/dossiers/${d.id}/close-reading`, {
      version: d.version,
      closedOn: expected,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('reading_period_not_over');
    const submitEarly = await police.call('POST', `/api/dossiers/${d.id}/submit`, {
      version: d.version,
      submittedOn: expected,
      courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội',
    });
    expect(submitEarly.statusCode).toBe(422);
    expect(submitEarly.json().code).toBe('reading_period_not_over');

    d = await post(police, d.id, 'close-reading', { version: d.version, closedOn: '2025-09-10' });
    expect(d.status).toBe('reading_period_over');
    expect((await openTasks(p, 'dossier_reading_end'))[0].status).toBe('done');
  });

  it('refuses submission while a checklist document is missing, then accepts it', async () => {
    const p = await newPerson('Hoàng Văn Nam', '1986-06-06');
    let d = await createDossier([{ personId: p }]);
    for (const kind of REQUIRED.filter((k) => k !== 'statement')) await upload(police, d.id, p, kind);
    d = await post(police, d.id, 'notify', { version: d.version, notifiedOn: '2025-08-04' });
    d = await post(police, d.id, 'close-reading', { version: d.version, closedOn: '2025-08-12' });
    const body = {
      version: d.version,
      submittedOn: '2025-08-12',
      courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội',
    };
    const refused = await police.call('POST', `/api/dossiers/${d.id}/submit`, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('dossier_incomplete');
    expect(refused.json().missing).toEqual([{ personId: p, kind: 'statement' }]);
    expect(refused.json().messages.vi).toContain('Bản tường trình');
    expect((await upload(police, d.id, p, 'statement')).statusCode).toBe(201);
    d = await post(police, d.id, 'submit', body);
    expect(d.status).toBe('submitted');
    expect(d.court.authority).toBe('regional_court');
    expect(d.checklist.missing).toEqual([]);
    // Documents are locked once the dossier is with the court.
    expect((await upload(police, d.id, p, 'other')).statusCode).toBe(422);
  });
});

describe('documents', () => {
  it('upload and download round trip with sha256, scope-checked and audited', async () => {
    const p = await newPerson('Đinh Văn Long', '1989-04-04');
    const d = await createDossier([{ personId: p }]);
    const data = Buffer.concat([PDF, Buffer.from(randomUUID())]);
    const name = 'Biên bản vi phạm.pdf';
    const up = await upload(police, d.id, p, 'violation_record', { name, type: 'application/pdf', data });
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    const sha = createHash('sha256').update(data).digest('hex');
    expect(doc).toMatchObject({
      originalName: name,
      size: data.length,
      sha256: sha,
      mimeType: 'application/pdf',
    });

    const down = await officer.call('GET', `/api/dossiers/${d.id}/documents/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent(name));
    expect(createHash('sha256').update(down.rawPayload).digest('hex')).toBe(sha);
    expect((await otherPolice.call('GET', `/api/dossiers/${d.id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await officer.call('GET', `/api/dossiers/${d.id}/documents/${randomUUID()}`)).statusCode).toBe(
      404,
    );

    const list = await province.call('GET', `/api/dossiers/${d.id}/documents`);
    expect(list.json().items.map((i: any) => i.id)).toEqual([doc.id]);
    const stored = await t.deps.database.db
      .selectFrom('dossier_documents')
      .selectAll()
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(stored.stored_name).not.toContain('Biên');
    const audits = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', d.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'dossier.document.upload',
        'dossier.document.download',
        'dossier.document.list',
      ]),
    );

    // Removal keeps the row (removed_at) but drops it from the checklist.
    const removed = await police.call('DELETE', `/api/dossiers/${d.id}/documents/${doc.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().documents).toEqual([]);
    expect((await officer.call('GET', `/api/dossiers/${d.id}/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('refuses other file types, content that does not match, empty files and outsiders', async () => {
    const p = await newPerson('Mai Văn Phúc', '1984-12-12');
    const d = await createDossier([{ personId: p }]);
    const txt = await upload(police, d.id, p, 'other', {
      name: 'ghi-chu.txt',
      type: 'text/plain',
      data: Buffer.from('xin chào'),
    });
    expect(txt.statusCode).toBe(415);
    expect(txt.json().messages.vi).toBeTruthy();
    const fake = await upload(police, d.id, p, 'other', {
      name: 'anh.pdf',
      type: 'application/pdf',
      data: PNG,
    });
    expect(fake.statusCode).toBe(415);
    const png = await upload(police, d.id, p, 'other', { name: 'anh.png', type: 'image/png', data: PNG });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().mimeType).toBe('image/png');
    const empty = await upload(police, d.id, p, 'other', {
      name: 'x.pdf',
      type: 'application/pdf',
      data: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
    expect((await upload(otherPolice, d.id, p, 'other')).statusCode).toBe(404);
    expect((await upload(officer, d.id, p, 'other')).statusCode).toBe(403);
    const stranger = await newPerson('Mai Văn Thọ', '1984-11-11');
    const notIn = await upload(police, d.id, stranger, 'other');
    expect(notIn.statusCode).toBe(400);
    expect(notIn.json().errors[0].field).toBe('personId');
    const json = await police.call('POST', `/api/dossiers/${d.id}/documents?personId=${p}&kind=other`, {});
    expect(json.statusCode).toBe(415);
    const big = await upload(police, d.id, p, 'other', {
      name: 'lon.pdf',
      type: 'application/pdf',
      data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
  });
});

describe('court', () => {
  it('two people: ordered for one, rejected for the other; execution opens the compulsory episode', async () => {
    const a = await newPerson('Trần Văn An', '1990-03-15');
    const b = await newPerson('Trần Văn Bảo', '1994-10-20');
    await determineAddiction(a, '2025-07-20');
    await determineAddiction(b, '2025-07-21');
    // Both are managed at their family while the dossier is pending (Form 35).
    const pendingOf: Record<string, string> = {};
    for (const p of [a, b]) {
      const res = await police.call('POST', `/api/people/${p}/episodes`, {
        type: 'compulsory_pending',
        startDate: '2025-08-05',
        place: 'family',
        familyCommitment: { committedBy: 'Trần Thị Lan', relation: 'Mẹ', signedOn: '2025-08-05' },
        grounds: ['not_registered_voluntary'],
      });
      expect(res.statusCode, res.body).toBe(201);
      pendingOf[p] = res.json().id;
    }
    expect((await police.call('GET', `/api/people/${a}`)).json().status).toBe('compulsory_pending');
    let d = await toHearing([a, b]);
    expect(d.status).toBe('hearing_scheduled');
    expect((await openTasks(a, 'court_hearing'))[0]).toMatchObject({
      status: 'open',
      due_date: '2025-08-25',
    });

    // A decision needs an outcome for everyone in the dossier.
    const partial = await police.call('POST', `/api/dossiers/${d.id}/decision`, {
      version: d.version,
      decidedOn: '2025-08-25',
      outcomes: [{ personId: a, outcome: 'ordered', termMonths: 18, decisionNumber: '45/2025/QĐ-TA' }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0].field).toBe('outcomes');

    d = await post(police, d.id, 'decision', {
      version: d.version,
      decidedOn: '2025-08-25',
      outcomes: [
        {
          personId: a,
          outcome: 'ordered',
          termMonths: 18,
          decisionNumber: '45/2025/QĐ-TA',
          decisionSigner: 'Thẩm phán Lê Thị Thu',
        },
        { personId: b, outcome: 'rejected', note: 'Không đủ căn cứ' },
      ],
    });
    expect(d.status).toBe('decided');
    expect(d.persons.find((p: any) => p.personId === a)).toMatchObject({ status: 'ordered', termMonths: 18 });
    expect(d.persons.find((p: any) => p.personId === b)).toMatchObject({
      status: 'rejected',
      termMonths: null,
    });
    expect((await openTasks(a, 'court_hearing'))[0].status).toBe('done');
    expect((await openTasks(a, 'compulsory_execution'))[0].status).toBe('open');
    expect(await openTasks(b, 'compulsory_execution')).toEqual([]);
    // The rejection ended B's pending management.
    const pendingB = await t.deps.database.db
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', pendingOf[b])
      .executeTakeFirstOrThrow();
    expect(pendingB).toMatchObject({ outcome: 'completed', actual_end: '2025-08-25' });
    expect((await police.call('GET', `/api/people/${b}`)).json().status).not.toBe('compulsory_pending');

    const notOrdered = await police.call('POST', `/api/dossiers/${d.id}/execute`, {
      version: d.version,
      personId: b,
      executedOn: '2025-08-28',
      facilityId,
    });
    expect(notOrdered.statusCode).toBe(422);

    d = await post(police, d.id, 'execute', {
      version: d.version,
      personId: a,
      executedOn: '2025-08-28',
      facilityId,
    });
    expect(d.status).toBe('executed');
    const pa = d.persons.find((p: any) => p.personId === a);
    expect(pa).toMatchObject({ status: 'executed', admittedOn: '2025-08-28', facilityId });
    expect(pa.episodeId).toBeTruthy();
    const episode = await t.deps.database.db
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', pa.episodeId)
      .executeTakeFirstOrThrow();
    // Managed at the family (Form 35) while pending: that time does not count toward the term (Decree 116
    // Art. 44; before 12/2026 the term wrongly started on 2025-08-05); the pending management ends the day
    // before admission.
    expect(episode).toMatchObject({
      type: 'compulsory',
      term_months: 18,
      decision_number: '45/2025/QĐ-TA',
      person_id: a,
      start_date: '2025-08-28',
      term_start: '2025-08-28',
      planned_end: '2027-02-27',
    });
    const pendingA = await t.deps.database.db
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', pendingOf[a])
      .executeTakeFirstOrThrow();
    expect(pendingA).toMatchObject({ outcome: 'completed', actual_end: '2025-08-27' });
    const person = await police.call('GET', `/api/people/${a}`);
    expect(person.json().status).toBe('compulsory_rehab');
    expect((await openTasks(a, 'compulsory_execution'))[0].status).toBe('done');

    const again = await police.call('POST', `/api/dossiers/${d.id}/execute`, {
      version: d.version,
      personId: a,
      executedOn: '2025-08-28',
      facilityId,
    });
    expect(again.statusCode).toBe(422);
  });

  it('juvenile (17 on the decision date): 13 months refused, 12 accepted; adult: 30 months refused', async () => {
    const j = await newPerson('Lý Văn Khang', '2008-01-10');
    const adult = await newPerson('Lý Văn Cường', '1980-02-02');
    const d = await toHearing([j, adult]);
    const decide = (jm: number, am: number) =>
      police.call('POST', `/api/dossiers/${d.id}/decision`, {
        version: d.version,
        decidedOn: '2025-08-25',
        outcomes: [
          { personId: j, outcome: 'ordered', termMonths: jm, decisionNumber: '46/2025/QĐ-TA' },
          { personId: adult, outcome: 'ordered', termMonths: am, decisionNumber: '47/2025/QĐ-TA' },
        ],
      });
    const juvenile = await decide(13, 24);
    expect(juvenile.statusCode).toBe(422);
    expect(juvenile.json()).toMatchObject({
      code: 'term_out_of_range',
      personId: j,
      field: 'outcomes.0.termMonths',
    });
    expect(juvenile.json().messages.vi).toContain('6–12 tháng');
    expect(juvenile.json().messages.vi).toContain('Điều 33');
    const adultRefused = await decide(12, 30);
    expect(adultRefused.statusCode).toBe(422);
    expect(adultRefused.json().personId).toBe(adult);
    expect(adultRefused.json().messages.en).toContain('12–24 months');
    expect(adultRefused.json().messages.vi).toContain('Điều 32');
    // Nothing was written by the refused attempts.
    expect((await police.call('GET', `/api/dossiers/${d.id}`)).json()).toMatchObject({
      status: 'hearing_scheduled',
      version: d.version,
    });
    const ok = await decide(12, 24);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().persons.map((p: any) => p.termMonths)).toEqual([12, 24]);
    // The episodes module refuses the order without an addiction determination (Form 04): nothing of the
    // execution is kept, the hand-off is one transaction.
    const refused = await police.call('POST', `/api/dossiers/${d.id}/execute`, {
      version: ok.json().version,
      personId: j,
      executedOn: '2025-08-28',
      facilityId,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('addiction_not_determined');
    const after = (await police.call('GET', `/api/dossiers/${d.id}`)).json();
    expect(after).toMatchObject({ status: 'decided', version: ok.json().version });
    expect(after.persons[0]).toMatchObject({ status: 'ordered', episodeId: null });
    expect((await openTasks(j, 'compulsory_execution'))[0].status).toBe('open');
  });

  it('postponement and exemption; a decision cannot predate the hearing', async () => {
    const a = await newPerson('Quách Văn Định', '1979-05-05');
    const b = await newPerson('Quách Thị Mơ', '1983-08-08', 'female');
    const d = await toHearing([a, b]);
    const early = await police.call('POST', `/api/dossiers/${d.id}/decision`, {
      version: d.version,
      decidedOn: '2025-08-20',
      outcomes: [
        { personId: a, outcome: 'postponed', termMonths: 12, decisionNumber: '48/2025/QĐ-TA' },
        { personId: b, outcome: 'exempted' },
      ],
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('dossier_date_order');
    const noTerm = await police.call('POST', `/api/dossiers/${d.id}/decision`, {
      version: d.version,
      decidedOn: '2025-08-25',
      outcomes: [
        { personId: a, outcome: 'postponed', decisionNumber: '48/2025/QĐ-TA' },
        { personId: b, outcome: 'exempted' },
      ],
    });
    expect(noTerm.statusCode).toBe(422);
    const ok = await post(police, d.id, 'decision', {
      version: d.version,
      decidedOn: '2025-08-25',
      outcomes: [
        {
          personId: a,
          outcome: 'postponed',
          termMonths: 12,
          decisionNumber: '48/2025/QĐ-TA',
          postponedUntil: '2025-11-25',
        },
        { personId: b, outcome: 'exempted' },
      ],
    });
    expect(ok.status).toBe('decided');
    expect((await openTasks(a, 'compulsory_execution'))[0].due_date).toBe('2025-11-25');
    const tooSoon = await police.call('POST', `/api/dossiers/${d.id}/execute`, {
      version: ok.version,
      personId: a,
      executedOn: '2025-09-01',
      facilityId,
    });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().code).toBe('dossier_date_order');
  });
});

describe('route walk over a real dossier', () => {
  it('out-of-scope users and roles without the grant never get the dossier, its person or a 5xx', async () => {
    const name = 'Khúc Văn Thắng';
    const p = await newPerson(name, '1991-01-01');
    const d = await createDossier([{ personId: p }]);
    const doc = (await upload(police, d.id, p, 'violation_record')).json();
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/dossiers'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(10);
    const fill = (path: string) =>
      path.replace('{id}', d.id).replace('{personId}', p).replace('{documentId}', doc.id);
    const outsiders = [
      otherPolice,
      volunteer,
      await t.userAs('commune_officer', 'commune', UNITS.ngocHa),
      await t.userAs('province_officer', 'province', UNITS.quangNinh),
      await t.userAs('system_admin', 'nation', null),
      await t.userAs('auditor', 'nation', null),
    ];
    const leaks: string[] = [];
    for (const u of outsiders) {
      for (const r of routes) {
        const res = await u.call(r.method as any, fill(r.path), r.method === 'GET' ? undefined : {});
        expect(res.statusCode, `${u.username} ${r.method} ${r.path}`).toBeLessThan(500);
        if (
          res.statusCode < 300 &&
          (res.body.includes(d.id) || res.body.includes(p) || res.body.includes(name))
        )
          leaks.push(`${u.username} ${r.method} ${r.path} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    const after = (await police.call('GET', `/api/dossiers/${d.id}`)).json();
    expect(after).toMatchObject({ status: 'draft', version: d.version });
    expect(after.documents).toHaveLength(1);
  });
});

describe('cover list (danh mục tài liệu)', () => {
  it('renders DOCX and PDF naming every person and the checklist, and marks what is missing', async () => {
    const a = await newPerson('Hoàng Văn Khải', '1985-02-03');
    const b = await newPerson('Lý Thị Ngọc', '1991-07-08', 'female');
    const d = await createDossier([{ personId: a }, { personId: b }]);
    await upload(police, d.id, a, REQUIRED[0]);
    const res = await police.call('GET', `/api/dossiers/${d.id}/cover-list.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Hoàng Văn Khải');
    expect(text).toContain('Lý Thị Ngọc');
    expect(text).toContain('DANH MỤC');
    expect(text).toContain('Còn thiếu');
    expect(text).toContain('1 tệp');
    const pdf = await police.call('GET', `/api/dossiers/${d.id}/cover-list.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await otherPolice.call('GET', `/api/dossiers/${d.id}/cover-list.docx`)).statusCode).toBe(404);
    expect((await police.call('GET', `/api/dossiers/${d.id}/cover-list.odt`)).statusCode).toBe(400);
  });
});

describe('reading period overridden by the national administrator', () => {
  it('changes the deadline of a dossier notified from the effective date, not of one before it', async () => {
    const national = await t.userAs('national_officer', 'nation', null);
    // Before the override: prepared and notified on 15/09/2025, the regime's 5 working days (verify).
    const early = await newPerson('Đặng Văn Sơn', '1986-01-15');
    let before = await createDossier([{ personId: early }], '2025-09-15');
    before = await post(police, before.id, 'notify', { version: before.version, notifiedOn: '2025-09-15' });
    expect(before.readingPeriod).toMatchObject({ workingDays: 5, endsOn: '2025-09-22', verify: true });

    const created = await national.call('POST', '/api/legal/overrides', {
      ruleKey: 'compulsoryDossierReadingWorkingDays',
      value: 10,
      effectiveFrom: '2025-10-01',
      reason: 'Nghị định mới quy định 10 ngày làm việc để đọc hồ sơ',
      basis: { instrument: { vi: 'Nghị định 999/2025/NĐ-CP', en: 'Decree 999/2025/ND-CP' }, article: '7' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const override = created.json();
    try {
      const logged = await t.deps.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'rule_override.create')
        .where('entity_id', '=', override.id)
        .execute();
      expect(logged).toHaveLength(1);

      // After: prepared and notified on 06/10/2025 (Monday), ten working days run to 20/10/2025.
      const late = await newPerson('Đặng Văn Tùng', '1986-02-20');
      let after = await createDossier([{ personId: late }], '2025-10-06');
      after = await post(police, after.id, 'notify', { version: after.version, notifiedOn: '2025-10-06' });
      expect(after.readingPeriod.workingDays).toBe(10);
      expect(after.readingPeriod.endsOn).toBe('2025-10-20');
      expect(after.readingPeriod.basis[0].vi).toContain('Nghị định 999/2025/NĐ-CP');
      expect((await openTasks(late, 'dossier_reading_end'))[0].due_date).toBe('2025-10-20');
      // The rule the web app shows for the date follows the override too.
      const rules = (await police.call('GET', '/api/dossiers/rules?date=2025-10-06')).json();
      expect(rules.readingPeriodWorkingDays).toBe(10);

      // The earlier dossier keeps its deadline and its task.
      const again = (await police.call('GET', `/api/dossiers/${before.id}`)).json();
      expect(again.readingPeriod).toMatchObject({ workingDays: 5, endsOn: '2025-09-22' });
      expect((await openTasks(early, 'dossier_reading_end'))[0].due_date).toBe('2025-09-22');
      // Closing the later dossier's reading period on day 5 is refused, citing the new basis.
      const early5 = await police.call('POST', `/api/dossiers/${after.id}/close-reading`, {
        version: after.version,
        closedOn: '2025-10-14',
      });
      expect(early5.statusCode).toBe(422);
      expect(early5.json().messages.vi).toContain('10 ngày làm việc');
    } finally {
      const revoked = await national.call('POST', `/api/legal/overrides/${override.id}/revoke`, {
        version: override.version,
        reason: 'Hết phần kiểm thử',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
    }
  });
});
