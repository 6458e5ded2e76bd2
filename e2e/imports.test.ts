import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The import wizard in the browser against the real server (SQLite, or PostgreSQL with DATABASE_URL), with the
// real sample of old Xã Minh Quang (Ba Vì) from /work/shared/data/import-samples (its README gives every figure:
// 62 data rows, 5 in-file duplicates, 5 rows in error, 52 people; the old commune was split between Xã Bất Bạt
// 09676 and Xã Ba Vì 09700). An officer of Xã Bất Bạt uploads it, corrects the mapping, picks the split
// commune, reads the errors and downloads their Excel, skips one duplicate, writes the list after a
// confirmation with the progress bar, finds an imported person by a search without diacritics and undoes the
// import behind a confirmation. Axe on each step.

const SAMPLE = '/work/shared/data/import-samples/xa-minh-quang-ba-vi-2024.xlsx';
// The same list saved as .xls (Excel 97–2003, written by SheetJS from the sample): the first upload uses it.
const SAMPLE_XLS = `${import.meta.dirname}/../apps/server/src/modules/imports/fixtures/xa-minh-quang-ba-vi-2024.xls`;
const BAT_BAT = '09676';
// Each re-check uploads the file again: wait for the answer, however long the shared machine takes.
const POLL = { timeout: 30_000, interval: 200 };

describe('import wizard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let batchUrl = '';

  const count = (id: string) => page.getByTestId(`count-${id}`).locator('p').last().textContent();
  const peopleOfCommune = async () =>
    Number(
      (
        await server.deps.database.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cur_commune_code', '=', BAT_BAT)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startServer();
    password = await server.addUser('commune_officer', 'commune', BAT_BAT, 'nhap.batbat');
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('uploads the sample and corrects the proposed mapping, then saves it', async () => {
    await login(page, 'nhap.batbat', password);
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Nhập danh sách từ Excel' }).click();
    await page.getByRole('heading', { name: 'Nhập danh sách từ Excel', level: 1 }).waitFor();
    await page.getByTestId('import-empty').waitFor();
    expect(await page.getByText('tối đa 20 MB').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page, 'import: empty')).toEqual([]);

    // Nothing chosen: the error stands next to the file field.
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.getByText('Chọn một tệp danh sách').waitFor();

    // A file of another kind is refused next to the field, before any upload.
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('STT;Họ và tên\n') });
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.getByText('Chỉ nhận tệp .xlsx, .xls hoặc .csv').waitFor();
    // A CSV without the header words of a list is refused by the server, its reason next to the field too.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'khong-phai-danh-sach.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a;b\n1;2\n'),
    });
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.getByText(/^Không tìm thấy dòng tiêu đề cột/).waitFor();
    expect(await seriousViolations(page, 'import: file refused')).toEqual([]);

    await page.locator('input[type="file"]').setInputFiles(SAMPLE_XLS);
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.getByTestId('import-mapping').waitFor();
    await page.waitForURL(/\?batch=/);
    expect(await page.getByTestId('import-file-name').textContent()).toContain('dòng tiêu đề: 8');
    expect(await count('rows')).toBe('62');
    expect(await count('error')).toBe('5');
    // The whole list waits for the split commune (error rows aside).
    expect(await count('pending')).toBe('57');
    expect(await seriousViolations(page, 'import: preview with the proposed mapping')).toEqual([]);

    // The period column is taken out: its impossible date (row 61) is no longer read, so one error fewer.
    const period = page.getByRole('combobox', { name: 'Trường của cột "Thời gian (từ … đến …)"' });
    expect(await period.inputValue()).toBe('Thời gian');
    await period.click();
    await page.getByRole('option', { name: '— Không nhập —', exact: true }).click();
    await page.getByRole('button', { name: 'Áp dụng cách ghép cột' }).click();
    await expect.poll(() => count('error'), POLL).toBe('4');
    expect(await page.getByTestId('import-errors').textContent()).not.toContain('Dòng 61');

    // Corrected back: the period is read again and row 61 is in error again.
    await period.click();
    await page.getByRole('option', { name: 'Thời gian', exact: true }).click();
    await page.getByRole('button', { name: 'Áp dụng cách ghép cột' }).click();
    await expect.poll(() => count('error'), POLL).toBe('5');
    expect(await period.inputValue()).toBe('Thời gian');

    await field(page, 'Tên cách ghép cột').fill('Mẫu công an xã');
    await page.getByRole('button', { name: 'Lưu cách ghép cột' }).click();
    await page.getByTestId('mapping-saved').waitFor();
    const saved = await server.deps.database.db.selectFrom('import_mappings').selectAll().execute();
    expect(saved.map((m) => m.name)).toEqual(['Mẫu công an xã']);
    expect(JSON.parse(saved[0].mapping as string)).toContain('period');
  });

  it('picks the new commune of the split old commune once for all its rows', async () => {
    const pickLabel = 'Xã, phường mới cho Xã Minh Quang, Huyện Ba Vì, Thành phố Hà Nội';
    // Applying without a choice names the missing field.
    await page.getByRole('button', { name: 'Áp dụng lựa chọn' }).click();
    await page.getByText('Chọn xã, phường mới', { exact: true }).first().waitFor();
    const select = page.getByRole('combobox', { name: pickLabel });
    await select.click();
    await page.getByRole('option', { name: 'Xã Bất Bạt (09676)', exact: true }).click();
    await page.getByRole('button', { name: 'Áp dụng lựa chọn' }).click();
    await page.getByTestId('split-none').waitFor();
    expect(await count('pending')).toBe('0');
    expect(await count('new')).toBe('52');
    expect(await count('duplicate_in_file')).toBe('5');
    expect(await seriousViolations(page, 'import: split commune picked')).toEqual([]);
  });

  it('lists the errors by row, column and rule, and downloads them as Excel', async () => {
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('Dòng 15, cột "Năm sinh / Nam": Ngày không có thật (invalid_date)');
    expect(errors).toContain('Dòng 26, cột "Số CCCD/CMND"');
    expect(errors).toContain('(invalid_cccd_province)');
    expect(errors).toContain('Dòng 61, cột "Thời gian (từ … đến …)"');
    expect(errors).toContain('(invalid_cccd_birth_year)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải Excel các dòng lỗi' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header[1]).toBe('Họ và tên');
    expect(header.at(-1)).toBe('Lỗi / Error');
    expect(ws.actualRowCount).toBe(6);
    const errorCol = header.length;
    const texts: string[] = [];
    for (let i = 2; i <= 6; i++) texts.push(String(ws.getRow(i).getCell(errorCol).value));
    expect(texts.filter((x) => x.includes('Ngày không có thật'))).toHaveLength(3);
  });

  it('shows the in-file duplicates side by side; skipping one, then commit with the progress bar', async () => {
    const dup = page.getByTestId('dup-35');
    expect(await dup.textContent()).toContain('Dòng 34 trong tệp');
    expect(await dup.textContent()).toContain('Phạm Văn Trung');
    await dup.getByText('Bỏ qua', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('commit-plan').textContent(), POLL)
      .toContain('Sẽ tạo 52 hồ sơ, gộp 4, bỏ qua 1; 5 dòng lỗi');
    expect(await seriousViolations(page, 'import: duplicates and commit plan')).toEqual([]);
    expect(await peopleOfCommune()).toBe(0);

    // The commit request is held until the progress bar has been seen (no timing assumption).
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/api/imports/*/commit', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Ghi vào hồ sơ', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi danh sách vào hồ sơ?' });
    expect(await dialog.textContent()).toContain('tạo 52 hồ sơ, gộp 4, bỏ qua 1');
    expect(await seriousViolations(page, 'import: commit confirmation')).toEqual([]);
    await dialog.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await page.getByTestId('commit-progress').waitFor();
    expect(await seriousViolations(page, 'import: commit progress')).toEqual([]);
    release();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    await page.unroute('**/api/imports/*/commit');
    expect(await done.textContent()).toMatch(
      /^Ngày \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: đã tạo 52 hồ sơ, gộp 4, bỏ qua 1, 5 dòng lỗi\.$/,
    );
    expect(await peopleOfCommune()).toBe(52);
    expect(await seriousViolations(page, 'import: result')).toEqual([]);
    batchUrl = page.url();
  });

  it('finds an imported person by a search without diacritics', async () => {
    await page.getByRole('link', { name: 'Xem danh sách người' }).click();
    await field(page, 'Tìm theo họ tên, tên gọi khác hoặc số CCCD').fill('dinh manh hieu');
    await page.waitForURL(/q=dinh/);
    await page.getByRole('link', { name: 'Đinh Mạnh Hiếu' }).first().waitFor();
  });

  it('uploading the same list again shows each person beside the existing record', async () => {
    await page.getByRole('link', { name: 'Nhập danh sách từ Excel' }).click();
    await page.getByTestId('import-empty').waitFor();
    await page.locator('input[type="file"]').setInputFiles(SAMPLE);
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.waitForURL(/\?batch=/);
    await page.getByRole('combobox', { name: /^Xã, phường mới cho Xã Minh Quang/ }).click();
    await page.getByRole('option', { name: 'Xã Bất Bạt (09676)', exact: true }).click();
    await page.getByRole('button', { name: 'Áp dụng lựa chọn' }).click();
    await page.getByTestId('split-none').waitFor();
    // Every person written by the first import is found again: by CCCD, or by name + birth year + commune.
    expect(await count('new')).toBe('0');
    expect(Number(await count('existing')) + Number(await count('possible_duplicate'))).toBe(52);
    const dup = page.getByTestId('dup-36');
    expect(await dup.textContent()).toContain('Hồ sơ đã có');
    await dup.getByRole('link', { name: 'Mở hồ sơ Đinh Mạnh Hiếu' }).waitFor();
    await expect.poll(() => dup.textContent(), POLL).toContain('Năm sinh: 1973');
    await expect
      .poll(() => page.getByTestId('commit-plan').textContent(), POLL)
      .toContain('Sẽ tạo 0 hồ sơ, gộp 57, bỏ qua 0');
    expect(await seriousViolations(page, 'import: second upload beside the records')).toEqual([]);
  });

  it('undoes the whole import behind a confirmation', async () => {
    // Back on the import page, the batch is among the officer's recent imports and reopens.
    await page.getByRole('link', { name: 'Nhập danh sách từ Excel' }).click();
    // The list comes from the server (GET /api/imports): every upload and re-check, the most recent first,
    // each with its state; the one batch written is among them.
    const recent = page.getByTestId('import-recent');
    await recent.waitFor();
    const items = recent.getByRole('link', {
      name: /^xa-minh-quang-ba-vi-2024\.xlsx? — tải lên \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — /,
    });
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    const written = recent.getByRole('link', { name: / — đã ghi$/ });
    expect(await written.count()).toBe(1);
    await written.click();
    await page.getByTestId('import-done').waitFor();
    expect(page.url()).toBe(batchUrl);
    await page.getByRole('button', { name: 'Hủy lô nhập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hủy lô nhập?' });
    expect(await dialog.textContent()).toContain('Xóa 52 hồ sơ đã tạo');
    expect(await seriousViolations(page, 'import: undo confirmation')).toEqual([]);
    await dialog.getByRole('button', { name: 'Hủy lô nhập' }).click();
    await page.getByTestId('import-undone').waitFor();
    expect(await peopleOfCommune()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Hủy lô nhập' }).count(), POLL).toBe(0);
    expect(await seriousViolations(page, 'import: undone')).toEqual([]);
  });
});
