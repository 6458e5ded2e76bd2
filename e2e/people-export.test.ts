import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusHistoryRepo } from '../apps/server/src/modules/episodes/status-history.repo.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The way out in the browser (issue 14): the people list exports what it shows (its filters) as Excel and CSV
// with the import's columns, never another commune's people; the person page prints the A4 summary (PDF).

const BA_DINH = '00004';
const NGOC_HA = '00008';

describe('people list export and person summary in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids = { hoa: randomUUID(), lan: randomUUID(), khac: randomUUID() };

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('commune_officer', 'commune', BA_DINH, 'xuat.badinh');
    const at = '2025-06-01T00:00:00.000Z';
    const person = (id: string, fullName: string, commune: string, sex: string, birth: string) => ({
      id,
      full_name: fullName,
      name_search: fullName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase(),
      other_names: null,
      other_names_search: null,
      sex,
      birth_date: birth,
      birth_year: Number(birth.slice(0, 4)),
      citizen_id: null,
      ethnicity: null,
      phone: null,
      occupation: null,
      perm_commune_code: null,
      perm_detail: null,
      cur_commune_code: commune,
      cur_detail: 'Tổ 1',
      province_code: '01',
      family_contacts: null,
      status: 'registered',
      current_facility_id: null,
      version: 1,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
    });
    const db = server.deps.database.db;
    await db
      .insertInto('people')
      .values([
        person(ids.hoa, 'Nguyễn Văn Hoà', BA_DINH, 'male', '1990-05-12'),
        person(ids.lan, 'Trần Thị Lan', BA_DINH, 'female', '1985-03-02'),
        person(ids.khac, 'Lê Văn Khác', NGOC_HA, 'male', '1980-01-01'),
      ])
      .execute();
    await statusHistoryRepo.startUnrecorded(db);
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await login(page, 'xuat.badinh', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('exports the filtered list as Excel with the import columns (search without diacritics)', async () => {
    await page.goto('/people?q=tran%20thi%20lan');
    await page.getByTestId('people-table').waitFor();
    expect(await seriousViolations(page, 'people list with export buttons')).toEqual([]);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const list = wb.getWorksheet('Danh sách')!;
    expect(list.getRow(1).getCell(3).value).toBe('Họ và tên');
    expect(list.getRow(1).getCell(7).value).toBe('Số CCCD/CMND');
    expect(list.rowCount).toBe(2);
    expect(list.getRow(2).getCell(3).value).toBe('Trần Thị Lan');
  });

  it('exports the whole unit as CSV: both people of Ba Đình, none of Ngọc Hà', async () => {
    await page.goto('/people');
    await page.getByTestId('people-table').waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất CSV' }).click(),
    ]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(text).toContain('Nguyễn Văn Hoà');
    expect(text).toContain('12/05/1990');
    expect(text).not.toContain('Lê Văn Khác');
  });

  it('prints the person summary as an A4 PDF from the person page', async () => {
    await page.goto(`/people/${ids.hoa}`);
    await page.getByTestId('person-name').waitFor();
    expect(await seriousViolations(page, 'person page with print summary')).toEqual([]);
    const link = page.getByRole('link', { name: 'In phiếu tóm tắt (PDF)' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/api/people/${ids.hoa}/summary`);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    const other = await page.request.get(`/api/people/${ids.khac}/summary`);
    expect(other.status()).toBe(404);
  });
});
