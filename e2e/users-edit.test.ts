import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, newContext, pick } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The administrator edits a commune officer's name and role (to the commune police, same kind of unit): the
// change carries the account's version and the role counts from today (account_periods).

describe('editing an account', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('system_admin', 'nation', null, 'qt.edit');
    await server.addUser('commune_officer', 'commune', '00004', 'cb.edit');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await login(page, 'qt.edit', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('refuses no change, then saves a new name and role; the list shows them', async () => {
    await page.goto('/users');
    const row = page.getByRole('group', { name: /cb\.edit/ });
    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tài khoản cb.edit' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Chưa có thay đổi nào').waitFor();
    expect(await seriousViolations(page, 'edit account dialog')).toEqual([]);

    await field(dialog, 'Họ tên').fill('Phạm Thị Công An');
    await pick(page, dialog, 'Vai trò', '', 'Công an xã');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const listRow = page.getByRole('row', { name: /cb\.edit/ });
    await listRow.getByText('Phạm Thị Công An').waitFor();
    await listRow.getByText('Công an xã').waitFor();

    const user = await server.deps.database.db
      .selectFrom('users')
      .select(['id', 'role', 'version'])
      .where('username', '=', 'cb.edit')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'commune_police', version: 2 });
    const periods = await server.deps.database.db
      .selectFrom('account_periods')
      .select(['role', 'active_to'])
      .where('user_id', '=', user.id)
      .execute();
    expect(periods.filter((p) => p.active_to === null).map((p) => p.role)).toEqual(['commune_police']);
  });

  it('edits the phone number: a wrong one is named next to the field, a right one is stored in national form', async () => {
    const row = page.getByRole('group', { name: /cb\.edit/ });
    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tài khoản cb.edit' });
    await dialog.waitFor();
    await field(dialog, 'Điện thoại').fill('0912 345');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText(/^Số điện thoại không đúng dạng Việt Nam/).waitFor();
    expect(await seriousViolations(page, 'edit account: wrong phone')).toEqual([]);
    await field(dialog, 'Điện thoại').fill('+84 912 345 678');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const user = await server.deps.database.db
      .selectFrom('users')
      .select(['phone', 'version'])
      .where('username', '=', 'cb.edit')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ phone: '0912345678', version: 3 });
    // Opened again, the dialog shows it.
    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    await dialog.waitFor();
    expect(await field(dialog, 'Điện thoại').inputValue()).toBe('0912345678');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
