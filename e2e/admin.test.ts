import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Administrators reset passwords and deactivate accounts (each after a confirmation);
// auditors filter the audit log by user, record and dates.
describe('user administration and the audit log', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('resets a password after confirmation and shows the new one once', async () => {
    const officerPassword = await server.addUser('commune_police', 'commune', '00004', 'congan.01');
    const adminPassword = await server.addUser('system_admin', 'nation', null, 'quantri.02');
    await login(page, 'quantri.02', adminPassword);
    const row = page.getByTestId('user-row-congan.01');
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const confirm = page.getByRole('dialog', { name: 'Đặt lại mật khẩu?' });
    await confirm.getByText('Mật khẩu hiện tại của congan.01 sẽ hết hiệu lực').waitFor();
    await confirm.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const reveal = page.getByRole('dialog', { name: 'Mật khẩu ban đầu của congan.01' });
    const next = ((await reveal.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(next).toMatch(/^\S{16}$/);
    expect(next).not.toBe(officerPassword);
    await reveal.getByRole('button', { name: 'Đóng' }).last().click();
    await eventually(() => row.textContent()).toContain('Chưa đổi mật khẩu lần đầu');
  });

  it('deactivates an account after confirmation; the user can no longer log in', async () => {
    const row = page.getByTestId('user-row-congan.01');
    await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
    const confirm = page.getByRole('dialog', { name: 'Khóa tài khoản?' });
    await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await eventually(() => row.textContent()).toContain('Đã khóa');
    await page.screenshot({ path: '/tmp/hn-users.png' });
    await logout(page);

    const password = await server.addUser('commune_officer', 'commune', '00008', 'canbo.02');
    await login(page, 'canbo.02', password);
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    await logout(page);
    await login(page, 'congan.01', 'whatever-password-1');
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
  });

  it('lets an auditor filter the log by username, record and dates (dd/mm/yyyy)', async () => {
    const password = await server.addUser('auditor', 'nation', null, 'kiemtra.01');
    await login(page, 'kiemtra.01', password);
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await field(page, 'Tên đăng nhập').fill('quantri.02');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await eventually(async () => [
      ...new Set(await table.locator('tbody tr td:nth-child(2) p:first-child').allTextContents()),
    ]).toEqual(['quantri.02']);
    expect(await table.textContent()).toContain('Đặt lại mật khẩu');

    const users = await server.deps.database.db
      .selectFrom('users')
      .select(['id'])
      .where('username', '=', 'congan.01')
      .execute();
    await field(page, 'Tên đăng nhập').fill('');
    await field(page, 'Mã bản ghi').fill(users[0].id);
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await eventually(() => table.locator('tbody tr').count()).toBe(3); // created, password reset, deactivated
    const today = new Date();
    const dmy = (d: Date) =>
      `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    await field(page, 'Từ ngày').fill('31/02/2025');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy').waitFor();
    const tomorrow = new Date(today.getTime() + 2 * 86_400_000);
    await field(page, 'Từ ngày').fill(dmy(tomorrow));
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('Không có mục nhật ký nào khớp bộ lọc.').waitFor();
    await field(page, 'Từ ngày').fill(dmy(new Date(today.getTime() - 2 * 86_400_000)));
    await field(page, 'Đến ngày').fill(dmy(tomorrow));
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await eventually(() => table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody tr td:first-child').first().textContent()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/,
    );
    await page.screenshot({ path: '/tmp/hn-audit-filtered.png' });
  });
});
