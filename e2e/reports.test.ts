import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, pick } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// Dashboards and periodic reports in the browser, against the real server (SQLite, or PostgreSQL with
// DATABASE_URL): a commune officer opens the dashboard, a figure's drill-down lists exactly its records
// (not the neighbouring commune's); writes the narrative and submits the month's report; the province returns
// it with a comment, the commune resubmits, the province approves; a record added afterwards leaves the
// approved report unchanged and shows as a difference; the Excel export is downloaded and its cells read.

const BA_DINH = '00004';
const NGOC_HA = '00008';

describe('dashboards and periodic reports in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let current: string | null = null;
  let reportUrl = '';
  const seeders: BrowserContext[] = [];

  async function apiAs(username: string) {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    seeders.push(ctx);
    const res = await ctx.request.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    const { csrfToken } = await res.json();
    return {
      post: async (path: string, data: unknown) => {
        const r = await ctx.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
        const body = await r.text();
        expect(r.status(), `POST ${path}: ${body}`).toBeLessThan(300);
        return JSON.parse(body);
      },
    };
  }

  const person = (fullName: string, communeCode: string, birthDate: string, sex = 'male') => ({
    fullName,
    sex,
    birthDate,
    currentAddress: { communeCode, detail: 'Số 1' },
    confirmPossibleDuplicate: true,
  });

  async function as(username: string) {
    if (current === username) return;
    if (current) await logout(page);
    await login(page, username, password);
    await page.getByTestId('current-user').waitFor();
    current = username;
  }

  const confirm = async (title: string, button: string) => {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    server = await startServer();
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'bc.badinh');
    await server.addUser('commune_officer', 'commune', NGOC_HA, 'bc.ngocha');
    await server.addUser('province_officer', 'province', '01', 'bc.hanoi');
    await server.addUser('national_officer', 'nation', null, 'bc.quocgia');
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
    const baDinh = await apiAs('bc.badinh');
    await baDinh.post('/api/people', person('Nguyễn Văn Bình', BA_DINH, '1990-05-12'));
    await baDinh.post('/api/people', person('Trần Thị Cúc', BA_DINH, '1985-03-02', 'female'));
    const ngocHa = await apiAs('bc.ngocha');
    await ngocHa.post('/api/people', person('Lê Văn Dũng', NGOC_HA, '1992-08-08'));
  }, 120_000);

  afterAll(async () => {
    for (const c of seeders) await c.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the commune dashboard; a figure opens exactly the records behind it', async () => {
    await as('bc.badinh');
    await page.getByRole('link', { name: 'Bảng số liệu' }).click();
    await page.getByRole('heading', { name: 'Bảng số liệu', level: 1 }).waitFor();
    const total = page.getByTestId('figure-value-people_total');
    expect(await total.textContent()).toBe('2');
    // A ratio whose denominator is empty reads "—", never NaN.
    expect(await page.getByTestId('figure-value-addicts_counselled_share').textContent()).toBe('—');
    await page.getByTestId('chart-trend').waitFor();
    // The chosen indicator broken down by sex, with its numbers in the table beside the chart.
    const breakdown = page.getByTestId('chart-breakdown');
    await breakdown.locator('summary').click();
    const rows = await breakdown.locator('tbody tr').allTextContents();
    expect(rows.sort()).toEqual(['Nam1', 'Nữ1']);
    expect(await seriousViolations(page, 'commune dashboard')).toEqual([]);

    await total.click();
    await page.getByRole('heading', { name: 'Bản ghi tạo nên số liệu' }).waitFor();
    await page.getByTestId('drill-table').waitFor();
    const names = await page.getByTestId('drill-row').locator('td:first-child').allTextContents();
    expect(names.sort()).toEqual(['Nguyễn Văn Bình', 'Trần Thị Cúc']);
    expect(await page.getByTestId('drill-total').textContent()).toBe('Tổng số bản ghi: 2');
    expect(await seriousViolations(page, 'drill-down')).toEqual([]);
  });

  it('lets the commune write the narrative and submit the month report', async () => {
    await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await page.getByTestId('reports-empty').waitFor();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập báo cáo mới' });
    await dialog.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByTestId('report-title').waitFor();
    reportUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('report-status').textContent()).toBe('Đang soạn');
    expect(await page.getByTestId('report-value-people_total').textContent()).toBe('2');
    await field(page, 'Khó khăn, vướng mắc').fill('Thiếu cán bộ chuyên trách.');
    await field(page, 'Phương hướng, nhiệm vụ kỳ tới').fill('Tăng cường tư vấn tại gia đình.');
    await page.getByRole('button', { name: 'Lưu thuyết minh' }).click();
    await page.getByText('Đã lưu phần thuyết minh').waitFor();
    expect(await seriousViolations(page, 'report draft')).toEqual([]);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await confirm('Gửi báo cáo lên cấp trên?', 'Gửi báo cáo');
    await page.getByText('Đã gửi, chờ duyệt').waitFor();
    expect(await page.getByTestId('narrative-difficulties').textContent()).toBe('Thiếu cán bộ chuyên trách.');
  });

  it('lets the province see who has reported and return the report with a comment', async () => {
    await as('bc.hanoi');
    await page.getByRole('link', { name: 'Bảng số liệu' }).click();
    await page.getByRole('heading', { name: 'Bảng số liệu', level: 1 }).waitFor();
    expect(await page.getByTestId('figure-value-people_total').textContent()).toBe('3');
    await page.getByTestId('chart-units').waitFor();
    expect(await seriousViolations(page, 'province dashboard')).toEqual([]);
    await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    const row = page.getByTestId(`submission-${BA_DINH}`);
    await row.getByText('Đã gửi, chờ duyệt').waitFor();
    expect(await page.getByTestId(`submission-${NGOC_HA}`).getByTestId('report-status').textContent()).toBe(
      'Chưa lập',
    );
    expect(await seriousViolations(page, 'reports list')).toEqual([]);
    await row.getByRole('link').click();
    await page.getByTestId('report-title').waitFor();
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại báo cáo kèm ý kiến?' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Hãy ghi ý kiến để đơn vị biết cần sửa gì.').waitFor();
    await field(dialog, 'Ý kiến').fill('Bổ sung kết quả tư vấn trong tháng.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Bị trả lại').waitFor();
  });

  it('lets the commune read the comment and resubmit; the province approves', async () => {
    await as('bc.badinh');
    await page.goto(reportUrl);
    expect(await page.getByTestId('review-comment').textContent()).toContain(
      'Bổ sung kết quả tư vấn trong tháng.',
    );
    await field(page, 'Tình hình, kết quả').fill('Đã tư vấn cho 2 người.');
    await page.getByRole('button', { name: 'Lưu thuyết minh' }).click();
    await page.getByText('Đã lưu phần thuyết minh').waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await confirm('Gửi báo cáo lên cấp trên?', 'Gửi báo cáo');
    await page.getByText('Đã gửi, chờ duyệt').waitFor();

    await as('bc.hanoi');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await confirm('Duyệt báo cáo?', 'Duyệt');
    await page.getByText('Đã duyệt').waitFor();
    await page.getByText('Số liệu hiện tại khớp với số liệu đã chốt.').waitFor();
    expect(await seriousViolations(page, 'approved report')).toEqual([]);
  });

  it('keeps the approved report unchanged after a record changes, and shows the difference', async () => {
    const baDinh = await apiAs('bc.badinh');
    await baDinh.post('/api/people', person('Phạm Văn Em', BA_DINH, '1995-01-20'));
    await page.goto(reportUrl);
    await page.getByTestId('report-differences').waitFor();
    expect(await page.getByTestId('report-value-people_total').textContent()).toBe('2');
    const diff = page.getByTestId('diff-people_total');
    expect(await diff.locator('td').allTextContents()).toEqual(['Tổng số người có hồ sơ quản lý', '2', '3']);
  });

  it('downloads the Excel export with the frozen figures as numbers', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as never);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Chỉ tiêu');
    let total: unknown;
    let share: unknown = 'absent';
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'people_total') total = row.getCell(7).value;
      if (row.getCell(2).value === 'addicts_counselled_share') share = row.getCell(7).value;
    });
    expect(total).toBe(2);
    expect(share).toBeNull(); // a ratio without a denominator: an empty cell, not the text '—'
    const narrative: unknown[] = [];
    wb.getWorksheet('Thuyết minh')!.eachRow((row) => {
      narrative.push(row.getCell(2).value);
    });
    expect(narrative).toContain('Thiếu cán bộ chuyên trách.');
    const diff: unknown[][] = [];
    wb.getWorksheet('Chênh lệch')!.eachRow((row) => {
      diff.push((row.values as unknown[]).slice(1));
    });
    expect(diff).toContainEqual(['people_total', 'Tổng số người có hồ sơ quản lý', 2, 3]);
  });

  it('lets the province record a commune as drug-free; the dashboard share follows', async () => {
    await as('bc.hanoi');
    await page.getByRole('link', { name: 'Xã, phường không ma túy', exact: true }).click();
    await page.getByTestId('drug-free-empty').waitFor();
    await page.getByRole('button', { name: 'Ghi nhận quyết định công nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận quyết định công nhận' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Mục này là bắt buộc').first().waitFor();
    await pick(page, dialog, 'Xã, phường', 'ba dinh', 'Phường Ba Đình');
    await field(dialog, 'Số quyết định').fill('120/QĐ-UBND');
    await field(dialog, 'Ngày công nhận').fill('01/03/2025');
    await field(dialog, 'Người ký / cơ quan quyết định').fill('Chủ tịch UBND thành phố Hà Nội');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId(`drug-free-${BA_DINH}`);
    await row.getByText('Còn hiệu lực').waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('01/03/2025');
    expect(await seriousViolations(page, 'drug-free communes')).toEqual([]);
    await page.goto(`/dashboard?unit=${BA_DINH}`);
    expect(await page.getByTestId('figure-value-drug_free_communes_share').textContent()).toBe('100 %');
  });

  it('lets a national officer add an indicator from the building blocks, without code', async () => {
    await as('bc.quocgia');
    await page.getByRole('link', { name: 'Danh mục chỉ tiêu', exact: true }).click();
    await page.getByTestId('indicator-people_total').waitFor();
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu từ các khối dữ liệu' });
    await field(dialog, 'Mã').fill('Sai mã');
    await field(dialog, 'Tên tiếng Việt').fill('Tổng số người có hồ sơ (thêm)');
    await field(dialog, 'Tên tiếng Anh').fill('People with a record (added)');
    await pick(page, dialog, 'Khối dữ liệu tử số', 'tình trạng', 'Số người theo tình trạng tại cuối kỳ');
    // Parameters are offered in words; the first is chosen.
    expect(await field(dialog, 'Tham số: status').inputValue()).toBe('Tất cả');
    await field(dialog, 'Nguồn (tiếng Việt)').fill('Cục C04');
    await field(dialog, 'Nguồn (tiếng Anh)').fill('C04');
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    // The server names the field it refuses.
    await dialog.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await field(dialog, 'Mã').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page, 'add indicator')).toEqual([]);
    await field(dialog, 'Mã').fill('people_total_added');
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('indicator-people_total_added').getByText('Do quản trị viên thêm').waitFor();
    expect(await seriousViolations(page, 'catalogue')).toEqual([]);
    await page.getByRole('link', { name: 'Bảng số liệu', exact: true }).click();
    expect(await page.getByTestId('figure-value-people_total_added').textContent()).toBe('4');
    expect(await page.getByTestId('figure-value-people_total').textContent()).toBe('4');
    // The map of provinces: all 4 people are in Hà Nội; a click opens the province's dashboard.
    await page.getByTestId('province-map').getByRole('button', { name: 'Hà Nội: 4' }).click();
    await page.waitForURL(/unit=01/);
    await page.getByTestId('figure-value-people_total').filter({ hasText: /^4$/ }).waitFor();
    expect(await seriousViolations(page, 'national dashboard, Hà Nội')).toEqual([]);
    await page.goto('/dashboard');
    await page.getByTestId('province-map').waitFor();
    expect(await seriousViolations(page, 'national dashboard')).toEqual([]);
  });

  it('reads in English too, numbers and dates unchanged in their formats', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Periodic reports', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Progress against target' }).waitFor();
    expect(await page.getByTestId('dashboard-range').textContent()).toMatch(
      /^From \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}$/,
    );
    expect(await page.getByTestId('dashboard-computed-at').textContent()).toMatch(
      /^Figures computed at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    await page.getByRole('link', { name: 'Drug-free communes', exact: true }).click();
    await page.getByRole('heading', { name: 'Drug-free communes', level: 1 }).waitFor();
    await page.getByTestId(`drug-free-${BA_DINH}`).getByText('In force').waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
  });
});
