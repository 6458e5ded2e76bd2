import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Accessibility: no serious or critical axe findings on the main screens, in Vietnamese.
describe('accessibility (axe)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let personId = '';

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

  it('login page', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await seriousViolations(page, 'login')).toEqual([]);
    // With the error message shown.
    await login(page, 'nobody', 'wrong-password-1');
    await page.getByRole('alert').waitFor();
    expect(await seriousViolations(page, 'login error')).toEqual([]);
  });

  it('people list (empty, then with a record)', async () => {
    const password = await server.addUser('commune_officer', 'commune', '00004', 'a11y.officer');
    await login(page, 'a11y.officer', password);
    // Officers land on their work list; then the records.
    await page.getByTestId('tasks-empty').waitFor();
    expect(await seriousViolations(page, 'work list empty')).toEqual([]);
    await page.goto('/people');
    await page.getByTestId('people-empty').waitFor();
    expect(await seriousViolations(page, 'people empty')).toEqual([]);

    const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
    const res = await page.request.post('/api/people', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        fullName: 'Lê Thị Mai',
        otherNames: ['Mai Lê'],
        sex: 'female',
        birthDate: '1995-07-20',
        citizenId: '001195000321',
        phone: '0901234567',
        ethnicity: 'Kinh',
        occupation: 'Buôn bán',
        currentAddress: { communeCode: '00004', detail: 'Ngõ 12 Liễu Giai' },
        permanentAddress: { communeCode: '00008' },
        familyContacts: [{ name: 'Lê Văn Nam', relation: 'Bố', phone: '0911222333' }],
      },
    });
    expect(res.status()).toBe(201);
    personId = (await res.json()).id;
    await page.reload();
    await page.getByTestId('people-table').waitFor();
    expect(await seriousViolations(page, 'people list')).toEqual([]);
  });

  it('person page', async () => {
    await page.goto(`/people/${personId}`);
    await page.getByTestId('person-name').waitFor();
    await page.getByText('Phường Ngọc Hà').waitFor();
    expect(await seriousViolations(page, 'person page')).toEqual([]);
  });

  it('person form, blank and with errors', async () => {
    await page.goto('/people/new');
    await page.getByRole('heading', { name: 'Lập hồ sơ mới' }).waitFor();
    expect(await seriousViolations(page, 'person form')).toEqual([]);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => field(page, 'Họ và tên').getAttribute('aria-invalid')).toBe('true');
    // The cross-field rule of the shared schema shows together with the per-field ones.
    await page.getByText('Cần ngày sinh hoặc năm sinh').waitFor();
    expect(await seriousViolations(page, 'person form errors')).toEqual([]);
    await page.screenshot({ path: '/tmp/hn-form-errors.png' });
  });

  it('person edit form', async () => {
    await page.goto(`/people/${personId}/edit`);
    await page.getByRole('heading', { name: 'Sửa hồ sơ: Lê Thị Mai' }).waitFor();
    await eventually(() =>
      page
        .getByTestId('permanent-address')
        .getByLabel(/^Tỉnh\/Thành phố/)
        .inputValue(),
    ).toBe('Thành phố Hà Nội');
    expect(await seriousViolations(page, 'person edit form')).toEqual([]);
    await logout(page);
  });

  it('users page and the create dialog', async () => {
    const password = await server.addUser('system_admin', 'nation', null, 'a11y.admin');
    await login(page, 'a11y.admin', password);
    await page.getByTestId('users-table').waitFor();
    expect(await seriousViolations(page, 'users')).toEqual([]);
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByRole('dialog', { name: 'Thêm người dùng' }).waitFor();
    expect(await seriousViolations(page, 'user create dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await logout(page);
  });

  it('audit log page', async () => {
    const password = await server.addUser('auditor', 'nation', null, 'a11y.auditor');
    await login(page, 'a11y.auditor', password);
    await page.getByTestId('audit-table').waitFor();
    expect(await seriousViolations(page, 'audit')).toEqual([]);
    await page.screenshot({ path: '/tmp/hn-audit.png' });
  });
});
