import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The administrator of a new province imports its staff from a sheet: the preview names each wrong row and
// column; once corrected, the accounts are created and the one-time passwords file is downloaded.

const HEADER = 'Tên đăng nhập,Họ tên,Vai trò,Đơn vị,Điện thoại';

describe('importing users from a sheet', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('system_admin', 'nation', null, 'qt.imp');
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
    await login(page, 'qt.imp', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the wrong rows, then creates the accounts and downloads the passwords file', async () => {
    await page.goto('/users');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập người dùng từ tệp Excel' });
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'can-bo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\nimp.xa,Lê Văn Xã,Cán bộ UBND xã,00004,\nimp.x,Vai Lạ,Giám đốc,00004,\n`,
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('2 dòng: 1 hợp lệ, 1 lỗi').waitFor();
    await dialog.getByText('Vai trò: Vai trò không rõ: "Giám đốc"').waitFor();
    expect(await seriousViolations(page, 'users import preview')).toEqual([]);

    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'can-bo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\nimp.xa,Lê Văn Xã,Cán bộ UBND xã,00004,\nimp.tinh,Trần Tỉnh,Cán bộ tỉnh,01,\n`,
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('2 dòng: 2 hợp lệ, 0 lỗi').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Tạo 2 tài khoản' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mat-khau-mot-lan.csv');
    await dialog.getByText(/Đã tạo 2 tài khoản/).waitFor();
    const users = await server.deps.database.db
      .selectFrom('users')
      .select(['username', 'role'])
      .where('username', 'in', ['imp.xa', 'imp.tinh'])
      .orderBy('username')
      .execute();
    expect(users).toEqual([
      { username: 'imp.tinh', role: 'province_officer' },
      { username: 'imp.xa', role: 'commune_officer' },
    ]);
  });
});
