import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const S = '/work/shared/data/import-samples/';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type User = Awaited<ReturnType<TestApp['userAs']>>;

function upload(u: User, query: string, name: string, data: Buffer) {
  const boundary = `----hn${randomUUID().replace(/-/g, '')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/people?${query}`,
    headers: { ...u.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

describe('import through the API: upload → preview → errors file → commit → undo', () => {
  it('an officer previews, downloads the rows in error, commits, finds a person without diacritics, and undoes', async () => {
    const officer = await t.userAs('commune_officer', 'commune', '27154');
    const res = await upload(
      officer,
      'communeCode=27154',
      'phuong-3.csv',
      fs.readFileSync(`${S}phuong-csv-utf8.csv`),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.status).toBe('preview');
    expect([p.summary.rows, p.summary.created, p.summary.merged, p.summary.errors.length]).toEqual([
      120, 111, 5, 4,
    ]);
    expect(p.rows.find((r: { row: number }) => r.row === 92)).toMatchObject({
      result: 'duplicate_in_file',
      duplicateOfRow: 6,
    });
    // Nothing written to the registry by a preview.
    expect((await officer.call('GET', '/api/people?q=nguyen')).json().items).toHaveLength(0);
    // The preview's answer (built from the analysis) is the stored preview read back.
    const { signature: _s, headerRow: _h, ...answered } = p;
    expect((await officer.call('GET', `/api/imports/${p.id}`)).json()).toEqual(answered);

    const errs = await officer.call('GET', `/api/imports/${p.id}/errors.xlsx`);
    expect(errs.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(errs.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(String(ws.getRow(2).getCell(15).value)).toContain('Ngày sinh: Ngày không có thật');

    // Another commune's officer sees nothing of it and cannot commit it.
    const other = await t.userAs('commune_officer', 'commune', '00004');
    expect((await other.call('POST', `/api/imports/${p.id}/commit`, {})).statusCode).toBe(404);

    const c = await officer.call('POST', `/api/imports/${p.id}/commit`, { decisions: { '3': 'skip' } });
    expect(c.statusCode, c.body).toBe(200);
    expect([c.json().status, c.json().summary.created, c.json().summary.skipped]).toEqual([
      'committed',
      110,
      1,
    ]);
    // The commit's answer is the committed batch read back (each row's action as stored).
    expect((await officer.call('GET', `/api/imports/${p.id}`)).json()).toEqual(c.json());
    expect(c.json().rows.find((r: { row: number }) => r.row === 3).action).toBe('skipped');
    expect((await officer.call('POST', `/api/imports/${p.id}/commit`, {})).statusCode).toBe(409);
    const found = (await officer.call('GET', '/api/people?q=nguyen tan sau')).json().items;
    expect(found.map((x: { fullName: string }) => x.fullName)).toEqual(['Nguyễn Tấn Sáu']);

    const u = await officer.call('POST', `/api/imports/${p.id}/undo`, {});
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toEqual({ deleted: 110, restored: 0 });
    expect((await officer.call('GET', '/api/people?q=nguyen tan sau')).json().items).toHaveLength(0);
  });

  it('the officer picks the new commune of a split old commune once for all its rows', async () => {
    const officer = await t.userAs('commune_police', 'commune', '09676');
    const data = fs.readFileSync(`${S}xa-minh-quang-ba-vi-2024.xlsx`);
    const first = (await upload(officer, 'communeCode=09676', 'mq.xlsx', data)).json();
    expect(
      first.summary.unresolved.map((x: { oldCommuneCode: string; rows: number }) => [
        x.oldCommuneCode,
        x.rows,
      ]),
    ).toEqual([['09700', 62]]);
    const choices = encodeURIComponent(JSON.stringify({ '09700': '09676' }));
    const res = await upload(officer, `communeCode=09676&choices=${choices}`, 'mq.xlsx', data);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary.unresolved).toEqual([]);
    const { signature: _s, headerRow: _h, ...answered } = res.json();
    expect((await officer.call('GET', `/api/imports/${res.json().id}`)).json()).toEqual(answered);
    const c = await officer.call('POST', `/api/imports/${res.json().id}/commit`, {});
    expect((await officer.call('GET', `/api/imports/${res.json().id}`)).json()).toEqual(c.json());
    expect([c.json().summary.created, c.json().summary.merged, c.json().summary.errors.length]).toEqual([
      52, 5, 5,
    ]);
    // Picking the other commune puts the rows outside this officer's unit: errors, nothing created.
    const elsewhere = encodeURIComponent(JSON.stringify({ '09700': '09700' }));
    const r2 = (await upload(officer, `communeCode=09676&choices=${elsewhere}`, 'mq.xlsx', data)).json();
    expect(r2.summary.errors.filter((e: { rule: string }) => e.rule === 'outside_unit')).toHaveLength(62);
    expect([r2.summary.created, r2.summary.merged]).toEqual([0, 0]);

    // GET /api/imports: the officer's own three batches, the most recent first, paged.
    const list = await officer.call('GET', '/api/imports');
    expect(list.statusCode, list.body).toBe(200);
    type Item = { id: string; status: string; createdAt: string; rows: number; created: number };
    const items: Item[] = list.json().items;
    expect([list.json().total, list.json().page, list.json().pageSize]).toEqual([3, 1, 20]);
    expect(new Set(items.map((x) => x.id))).toEqual(new Set([first.id, res.json().id, r2.id]));
    const at = items.map((x) => x.createdAt);
    expect(at).toEqual([...at].sort().reverse());
    expect(items.find((x) => x.id === res.json().id)).toMatchObject({
      status: 'committed',
      fileName: 'mq.xlsx',
      target: { kind: 'commune', code: '09676' },
      rows: 62,
      created: 52,
    });
    expect(items.filter((x) => x.status === 'preview')).toHaveLength(2);
    const p1 = (await officer.call('GET', '/api/imports?page=1&pageSize=2')).json();
    const p2 = (await officer.call('GET', '/api/imports?page=2&pageSize=2')).json();
    expect([...p1.items, ...p2.items].map((x: Item) => x.id)).toEqual(items.map((x) => x.id));
    expect((await officer.call('GET', '/api/imports?pageSize=0')).statusCode).toBe(400);
    // Another user's batches are not listed.
    const other = await t.userAs('commune_officer', 'commune', '09676');
    expect((await other.call('GET', '/api/imports')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('the officer corrects the mapping, saves it, and the next file of the same shape uses it', async () => {
    const officer = await t.userAs('commune_officer', 'commune', '27154');
    const data = fs.readFileSync(`${S}phuong-csv-utf8.csv`);
    const p = (await upload(officer, 'communeCode=27154', 'a.csv', data)).json();
    expect(p.mapping[12]).toBe('note');
    // 'Ghi chú' not imported: the mapping is given back with that column set to null.
    const mapping = [...p.mapping];
    mapping[12] = null;
    const q = `communeCode=27154&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const corrected = (await upload(officer, q, 'a.csv', data)).json();
    expect(corrected.mapping[12]).toBeNull();
    const saved = await officer.call('POST', '/api/imports/mappings', {
      signature: p.signature,
      name: 'Mẫu phường 3',
      mapping,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const next = (await upload(officer, 'communeCode=27154', 'b.csv', data)).json();
    expect(next.mapping).toEqual(mapping);
    const bad = await upload(
      officer,
      `communeCode=27154&mapping=${encodeURIComponent('["nope"]')}`,
      'a.csv',
      data,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('takes an .xls; refuses another type of file (415), another unit (403), a volunteer (403), and a file without a header (422)', async () => {
    const mq = await t.userAs('commune_officer', 'commune', '09676');
    const choices = encodeURIComponent(JSON.stringify({ '09700': '09676' }));
    const fromXls = await upload(
      mq,
      `communeCode=09676&choices=${choices}`,
      'xa-minh-quang.xls',
      fs.readFileSync(`${import.meta.dirname}/fixtures/xa-minh-quang-ba-vi-2024.xls`),
    );
    expect(fromXls.statusCode, fromXls.body).toBe(201);
    const sx = fromXls.json().summary;
    // The people of this sample were committed by the test above: now the same rows match them.
    expect([sx.rows, sx.created + sx.merged, sx.errors.length]).toEqual([62, 57, 5]);
    const officer = await t.userAs('commune_officer', 'commune', '00008');
    const pdf = await upload(officer, 'communeCode=00008', 'danh-sach.pdf', Buffer.from('%PDF-1.4\n'));
    expect([pdf.statusCode, pdf.json().code]).toEqual([415, 'unsupported_file_type']);
    expect(pdf.body).toContain('.xls');
    expect((await upload(officer, 'communeCode=00004', 'a.csv', Buffer.from('a;b\n1;2\n'))).statusCode).toBe(
      403,
    );
    const vol = await t.userAs('volunteer', 'commune', '00008');
    expect((await upload(vol, 'communeCode=00008', 'a.csv', Buffer.from('a;b\n1;2\n'))).statusCode).toBe(403);
    const none = await upload(officer, 'communeCode=00008', 'a.csv', Buffer.from('a;b\n1;2\n'));
    expect([none.statusCode, none.json().code]).toEqual([422, 'no_header_row']);
  });
});
