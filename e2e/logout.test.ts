import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// A logout that does not land (the connection dropped, the server did not answer) leaves the session open on
// the server: the shell says so instead of staying silent, keeps the user signed in, and logs out when the
// button is pressed again. Both shells: the officers' (Mantine) and the volunteers' light one on phones.
describe('a logout that does not land', () => {
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

  for (const [role, username] of [
    ['commune_officer', 'xa.dangxuat'],
    ['volunteer', 'tnv.dangxuat'],
  ] as const) {
    it(`says so and stays signed in, then logs out when pressed again (${role})`, async () => {
      const password = await server.addUser(role, 'commune', '00004', username);
      await login(page, username, password);
      const button = page.getByRole('button', { name: 'Đăng xuất' });
      await button.waitFor();
      await page.route('**/api/auth/logout', (route) => route.abort('internetdisconnected'));
      await button.click();
      await eventually(() => page.getByTestId('logout-failed').textContent()).toContain(
        'Chưa đăng xuất được: phiên làm việc vẫn mở',
      );
      // Still signed in, on the server too: the session answers.
      expect(await page.getByRole('heading', { name: 'Đăng nhập' }).isVisible()).toBe(false);
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(200);
      await page.unroute('**/api/auth/logout');
      await logout(page);
      const after = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(after).toBe(401);
    });
  }
});
