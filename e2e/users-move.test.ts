import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext, pick } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The administrator moves a commune officer's account from Phường Ba Đình to Phường Ngọc Hà: the move is dated
// today (account_periods), so past periods' staff figures still count the officer in Ba Đình.

describe('moving an account to another unit', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('system_admin', 'nation', null, 'qt.move');
    await server.addUser('commune_officer', 'commune', '00004', 'cb.move');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await login(page, 'qt.move', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('refuses the same unit, then moves the account; the list shows the new unit', async () => {
    await page.goto('/users');
    const row = page.getByRole('group', { name: /cb\.move/ });
    await row.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển tài khoản cb.move sang đơn vị khác' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('move-current-unit').textContent()).toBe(
      'Đơn vị hiện tại: Phường Ba Đình',
    );
    await pick(page, dialog, 'Tỉnh/Thành phố', 'Hà Nội', 'Thành phố Hà Nội');
    await pick(page, dialog, 'Xã/Phường', 'ba dinh', 'Phường Ba Đình');
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await dialog.getByText('Chọn một đơn vị khác đơn vị hiện tại').waitFor();
    expect(await seriousViolations(page, 'move account dialog')).toEqual([]);

    await pick(page, dialog, 'Xã/Phường', 'ngoc ha', 'Phường Ngọc Hà');
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /cb\.move/ })
      .getByText('Phường Ngọc Hà')
      .waitFor();

    const user = await server.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'cb.move')
      .executeTakeFirstOrThrow();
    const periods = await server.deps.database.db
      .selectFrom('account_periods')
      .select(['scope_code', 'active_to'])
      .where('user_id', '=', user.id)
      .execute();
    // Created and moved the same day: its only period of activity is in Ngọc Hà, from today.
    expect(periods.filter((p) => p.active_to === null).map((p) => p.scope_code)).toEqual(['00008']);
  });
});
