import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, launchBrowser, login, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('login messages, lockout and language', () => {
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

  it('locks the account after repeated wrong passwords and says so (429)', async () => {
    const password = await server.addUser('commune_police', 'commune', '00004', 'congan.badinh');
    const maxFailures = server.deps.config.loginMaxFailures;
    for (let i = 0; i < maxFailures; i++) {
      await login(page, 'congan.badinh', `wrong-password-${i}`);
      await eventually(() => page.getByRole('alert').textContent()).toContain(
        'Tên đăng nhập hoặc mật khẩu không đúng',
      );
    }
    const locked = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await login(page, 'congan.badinh', password);
    expect((await locked).status()).toBe(429);
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'Tài khoản tạm khoá do đăng nhập sai nhiều lần',
    );
    await page.screenshot({ path: '/tmp/hn-locked.png' });
  });

  it('switches to English, keeps the choice after a reload, and gets server messages in English', async () => {
    await page.goto('/login');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await field(page, 'Username').fill('nobody');
    await field(page, 'Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Wrong username or password');

    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('shows dates as dd/mm/yyyy in English too', async () => {
    const password = await server.addUser('commune_officer', 'commune', '00004', 'canbo.en');
    await page.getByText('English', { exact: true }).click();
    await field(page, 'Username').fill('canbo.en');
    await field(page, 'Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Officers land on their work list.
    await page.getByRole('heading', { name: 'Work list', level: 1 }).waitFor();
    const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
    const res = await page.request.post('/api/people', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        fullName: 'Phạm Văn Tú',
        sex: 'male',
        birthDate: '1988-12-01',
        currentAddress: { communeCode: '00004' },
      },
    });
    expect(res.status()).toBe(201);
    await page.goto(`/people/${(await res.json()).id}`);
    expect(await page.getByTestId('person-birth').textContent()).toBe('01/12/1988');
    expect(await page.getByTestId('person-status').textContent()).toBe('Registered');
    await page.getByText('Tiếng Việt', { exact: true }).click();
  });
});
