import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Issue 16 in the browser: the app works under the strict Content-Security-Policy (no violation reported
// while logging in, using pages and dialogs); a user sees their sessions and ends another device's; an
// administrator lifts a failed-login lock and ends all sessions of a user from the user edit dialog.
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

describe('security in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspReports: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    // Listen to the page's own CSP reports from the first script on, and to Chromium's console messages.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on('console', (m) => {
      const text = m.text();
      if (/Content Security Policy|CSP violation/i.test(text)) cspReports.push(text);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends the strict policy with the page', async () => {
    const res = await page.goto('/login');
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('lets a user see their sessions and end another device', async () => {
    const password = await server.addUser('commune_officer', 'commune', '00004', 'cb.phien');
    const phone = await browser.newContext({ baseURL: server.baseUrl, userAgent: PHONE_UA });
    const phoneLogin = await phone.request.post('/api/auth/login', {
      data: { username: 'cb.phien', password },
    });
    expect(phoneLogin.status()).toBe(200);

    await login(page, 'cb.phien', password);
    await page.getByRole('link', { name: 'Phiên đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Các phiên đăng nhập của tôi' }).waitFor();
    const table = page.getByTestId('sessions-table');
    await eventually(() => table.locator('tbody tr').count()).toBe(2);
    await expect(page.getByTestId('session-current').textContent()).resolves.toContain('Phiên này');
    const other = page.getByTestId('session-other');
    await expect(other.textContent()).resolves.toContain('Chrome trên Android');
    expect(await seriousViolations(page, 'sessions')).toEqual([]);

    await other.getByRole('button', { name: /Kết thúc phiên/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Kết thúc phiên đăng nhập?' });
    await confirm.getByText('Chrome trên Android').waitFor();
    await confirm.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await eventually(() => table.locator('tbody tr').count()).toBe(1);
    expect((await phone.request.get('/api/auth/me')).status()).toBe(401);
    await phone.close();
    await logout(page);
  });

  it('lets an administrator unlock a locked account and end all its sessions', async () => {
    const password = await server.addUser('commune_police', 'commune', '00004', 'ca.khoa');
    const other = await browser.newContext({ baseURL: server.baseUrl });
    expect(
      (await other.request.post('/api/auth/login', { data: { username: 'ca.khoa', password } })).status(),
    ).toBe(200);
    await server.deps.database.db
      .updateTable('users')
      .set({ login_locked_at: new Date().toISOString(), failed_logins: 10 })
      .where('username', '=', 'ca.khoa')
      .execute();

    const adminPassword = await server.addUser('system_admin', 'nation', null, 'qt.baomat');
    await login(page, 'qt.baomat', adminPassword);
    const row = page.getByTestId('user-row-ca.khoa');
    await eventually(() => row.textContent()).toContain('Bị khoá đăng nhập');
    await row.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa tài khoản ca.khoa' });
    await dialog.getByText('chỉ quản trị viên mở khoá được').waitFor();
    expect(await seriousViolations(page, 'user edit dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Mở khoá đăng nhập' }).click();
    await dialog.getByText('Tài khoản không bị khoá đăng nhập.').waitFor();
    await eventually(() => row.textContent()).not.toContain('Bị khoá đăng nhập');

    await dialog.getByRole('button', { name: 'Kết thúc mọi phiên đăng nhập' }).click();
    await dialog.getByText('Mọi thiết bị đang đăng nhập bằng tài khoản ca.khoa sẽ bị đăng xuất').waitFor();
    await dialog.getByRole('button', { name: 'Đăng xuất mọi thiết bị' }).click();
    await page.getByText('Đã kết thúc 1 phiên đăng nhập của ca.khoa').waitFor();
    expect((await other.request.get('/api/auth/me')).status()).toBe(401);
    await other.close();

    // The unlocked user logs in again.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await logout(page);
    await field(page, 'Tên đăng nhập').fill('ca.khoa');
    await field(page, 'Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
  });

  it('reported no CSP violation on any of these pages', () => {
    expect(cspReports).toEqual([]);
  });

  it('would have seen one: an inline script is refused and reported', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await eventually(() => cspReports.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
  });
});
