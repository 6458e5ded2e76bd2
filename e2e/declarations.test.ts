import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// The person page's section of declarations of substances used and their source (Law 120/2025/QH15), in the
// browser against the real server (SQLite, or PostgreSQL with DATABASE_URL): the commune police record one
// (client and server checks shown next to their field), see it listed dd/mm/yyyy with its basis, correct it;
// the commune officer reads it without the record button; axe on the section and the dialog.

const BA_DINH = '00004';
const TITLE = 'Khai báo chất ma túy đã sử dụng và nguồn gốc';

describe('declarations of substances in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let personId = '';

  beforeAll(async () => {
    server = await startServer();
    server.deps.now = () => new Date('2026-12-01T03:00:00.000Z');
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.khaibao');
    await server.addUser('commune_police', 'commune', BA_DINH, 'congan.khaibao');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    // The person, created through the API by the commune officer.
    const res = await context.request.post('/api/auth/login', {
      data: { username: 'canbo.khaibao', password },
    });
    const { csrfToken } = await res.json();
    const created = await context.request.post('/api/people', {
      data: {
        fullName: 'Trần Văn Khai',
        sex: 'male',
        birthDate: '1990-05-12',
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 3' },
        confirmPossibleDuplicate: true,
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    personId = (await created.json()).id;
    await context.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
    await context.clearCookies();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const section = () => page.getByRole('region', { name: TITLE });
  const dialog = (name: string) => page.getByRole('dialog', { name });

  it('lets the commune police record a declaration and lists it with its basis', async () => {
    await login(page, 'congan.khaibao', password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`/people/${personId}`);
    await section().waitFor();
    await section().getByText('Chưa có khai báo nào.').waitFor();
    expect(await seriousViolations(page, 'declarations (empty)')).toEqual([]);

    await section().getByRole('button', { name: 'Ghi nhận khai báo' }).click();
    const form = dialog('Ghi nhận khai báo chất ma túy và nguồn gốc');
    await form.waitFor();
    // Client checks: no substance, no source.
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Chọn ít nhất một chất ma túy đã sử dụng').waitFor();
    await form.getByText('Ghi nguồn gốc chất ma túy (mua, nhận ở đâu, từ ai)').waitFor();

    await form.getByRole('checkbox', { name: 'Heroin' }).check();
    await form.getByRole('checkbox', { name: 'Chất khác' }).check();
    await field(form, 'Tên chất khác').fill('Cỏ Mỹ');
    await field(form, 'Nguồn gốc (mua, nhận ở đâu, từ ai)').fill('Mua của người tên Tâm ở chợ Long Biên');
    // The server's check shown under its field: a date after the server's today (01/12/2026).
    await field(form, 'Ngày khai báo').fill('25/12/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Ngày khai báo không được ở tương lai').waitFor();
    expect(await seriousViolations(page, 'declaration dialog')).toEqual([]);

    await field(form, 'Ngày khai báo').fill('20/11/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    await section().getByTestId('declaration-saved').waitFor();
    const row = section().getByTestId('declaration-row').first();
    await eventually(() => row.textContent()).toContain('20/11/2026');
    await eventually(() => row.textContent()).toContain('Heroin, Cỏ Mỹ');
    await eventually(() => row.textContent()).toContain('Mua của người tên Tâm ở chợ Long Biên');
    await eventually(() => row.textContent()).toContain('Luật 120/2025/QH15');
    await eventually(() => row.textContent()).toContain('Người thử congan.khaibao');
    expect(await seriousViolations(page, 'declarations (one row)')).toEqual([]);
  });

  it('corrects it (the version read is sent) and keeps an older one without a basis', async () => {
    await section().getByRole('button', { name: 'Sửa khai báo ngày 20/11/2026' }).click();
    const form = dialog('Sửa khai báo');
    await form.waitFor();
    expect(await field(form, 'Ngày khai báo').inputValue()).toBe('20/11/2026');
    await form.getByRole('checkbox', { name: 'Ketamin' }).check();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    await eventually(() => section().getByTestId('declaration-row').first().textContent()).toContain(
      'Heroin, Cỏ Mỹ, Ketamin',
    );

    await section().getByRole('button', { name: 'Ghi nhận khai báo' }).click();
    const older = dialog('Ghi nhận khai báo chất ma túy và nguồn gốc');
    await field(older, 'Ngày khai báo').fill('15/06/2026');
    await older.getByRole('checkbox', { name: 'Cần sa' }).check();
    await field(older, 'Nguồn gốc (mua, nhận ở đâu, từ ai)').fill('Bạn cho');
    await older.getByRole('button', { name: 'Lưu' }).click();
    await older.waitFor({ state: 'detached' });
    const rows = section().getByTestId('declaration-row');
    await eventually(() => rows.count()).toBe(2);
    await eventually(() => rows.nth(1).textContent()).toContain('15/06/2026');
    await eventually(() => rows.nth(1).textContent()).toContain('Trước khi quy định có hiệu lực');
  });

  it('shows the list to the commune officer, without the record button', async () => {
    await logout(page);
    await login(page, 'canbo.khaibao', password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`/people/${personId}`);
    await section().waitFor();
    await eventually(() => section().getByTestId('declaration-row').count()).toBe(2);
    await eventually(() => section().getByRole('button', { name: 'Ghi nhận khai báo' }).count()).toBe(0);
    expect(await seriousViolations(page, 'declarations (reader)')).toEqual([]);
  });
});
