import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusHistoryRepo } from '../apps/server/src/modules/episodes/status-history.repo.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// A figure's drill-down in the browser at more than one page: 1,250 people of Ba Đình (written in bulk into the
// database, not through the API) and 7 of Ngọc Hà that must never show. The officer pages through the list,
// sorts it by name both ways, changes the page size, and downloads the whole list as Excel and CSV.

const BA_DINH = '00004';
const NGOC_HA = '00008';
const N = 1250;
const name = (i: number) => `Người Thử ${String(i).padStart(4, '0')}`;

describe('a paged, sortable, exportable drill-down in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const url = `/indicators/people_total/records?unit=${BA_DINH}&from=2025-01-01&to=2025-12-31`;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('commune_officer', 'commune', BA_DINH, 'dd.badinh');
    const at = '2024-06-01T00:00:00.000Z';
    const rows = Array.from({ length: N + 7 }, (_, i) => {
      const here = i < N;
      return {
        id: randomUUID(),
        full_name: here ? name(i) : `Ngoài Phạm Vi ${i}`,
        name_search: (here ? name(i) : `ngoai pham vi ${i}`).toLowerCase(),
        other_names: null,
        other_names_search: null,
        sex: i % 2 ? 'female' : 'male',
        birth_date: null,
        birth_year: 1970 + (i % 30),
        citizen_id: null,
        ethnicity: null,
        phone: null,
        occupation: null,
        perm_commune_code: null,
        perm_detail: null,
        cur_commune_code: here ? BA_DINH : NGOC_HA,
        cur_detail: null,
        province_code: '01',
        family_contacts: null,
        status: 'drug_user_managed',
        current_facility_id: null,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
      };
    });
    const db = server.deps.database.db;
    for (let i = 0; i < rows.length; i += 400)
      await db
        .insertInto('people')
        .values(rows.slice(i, i + 400))
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
    await login(page, 'dd.badinh', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const firstNames = async () => page.getByTestId('drill-row').locator('td:first-child').allTextContents();
  const waitFirst = async (text: string) =>
    page.getByTestId('drill-row').first().locator('td:first-child', { hasText: text }).waitFor();

  it('shows the first page of 100 with the total, then the next page', async () => {
    await page.goto(url);
    await page.getByTestId('drill-table').waitFor();
    expect(await page.getByTestId('drill-total').textContent()).toBe('Tổng số bản ghi: 1.250');
    expect(await page.getByTestId('drill-shown').textContent()).toBe('Dòng 1–100 trong 1.250');
    expect(await page.getByTestId('drill-row').count()).toBe(100);
    await page.getByTestId('drill-sort-name').click();
    await waitFirst(name(0));
    expect(await firstNames()).toEqual(Array.from({ length: 100 }, (_, i) => name(i)));
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await waitFirst(name(100));
    expect(await page.getByTestId('drill-shown').textContent()).toBe('Dòng 101–200 trong 1.250');
    await page.getByRole('button', { name: 'Trang cuối' }).click();
    await waitFirst(name(1200));
    expect(await page.getByTestId('drill-row').count()).toBe(50);
    expect((await firstNames()).some((n) => n.startsWith('Ngoài'))).toBe(false);
    expect(await seriousViolations(page, 'paged drill-down')).toEqual([]);
  });

  it('sorts by name the other way, and keeps the order in the address', async () => {
    await page.goto(`${url}&sort=name`);
    await waitFirst(name(0));
    await page.getByTestId('drill-sort-name').click();
    await waitFirst(name(N - 1));
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
    expect(await page.getByTestId('drill-sort-name').getAttribute('aria-label')).toBe(
      'Sắp xếp theo Họ và tên (giảm dần)',
    );
    await page.reload();
    await waitFirst(name(N - 1));
  });

  it('downloads every record as Excel and as CSV, in the order shown', async () => {
    await page.goto(`${url}&sort=name&dir=desc`);
    await waitFirst(name(N - 1));
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('drill-export-xlsx').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const list = wb.getWorksheet('Danh sách')!;
    expect(list.rowCount).toBe(N + 1);
    expect(list.getRow(2).getCell(2).value).toBe(name(N - 1));
    expect(list.getRow(N + 1).getCell(2).value).toBe(name(0));
    expect(typeof list.getRow(2).getCell(4).value).toBe('number');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('drill-export-csv').click(),
    ]);
    const lines = fs
      .readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(N + 1);
    expect(lines[1]).toContain(name(N - 1));
  });
});
