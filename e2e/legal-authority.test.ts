import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// The national officer changes WHO decides (and signs) a rule from a date — the deciding authority is data,
// overridable like a value (issue 12) — and reads the Government's 2026 holiday swaps on the calendar. Browser
// against the real server, SQLite or PostgreSQL (DATABASE_URL), with axe.

describe('legal settings: the deciding authority and the official calendar', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    server.deps.now = () => new Date('2026-12-01T03:00:00.000Z');
    const password = await server.addUser('national_officer', 'nation', null, 'quantri.luat');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    await login(page, 'quantri.luat', password);
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets the official who decides user management from 01/01/2027, keeping the 12-month value', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Quy định, lịch làm việc' })
      .click();
    await page.getByRole('heading', { name: 'Quy định pháp lý và lịch làm việc', level: 1 }).waitFor();
    const row = page.getByTestId('rule-userManagementMonths');
    await eventually(() => row.getByTestId('rule-authority').textContent()).toBe(
      'Người quyết định, ký: Trưởng Công an cấp xã',
    );
    expect(await row.textContent()).toContain('Luật 120/2025/QH15');
    expect(await row.textContent()).not.toContain('73/2021');

    await row.getByRole('button', { name: /^Điều chỉnh/ }).click();
    const d = page.getByRole('dialog', { name: /^Điều chỉnh quy định/ });
    await field(d, 'Thay đổi').selectOption({ label: 'Người quyết định, ký (giữ nguyên giá trị)' });
    expect(await d.getByLabel(/^Giá trị mới/).count()).toBe(0);
    expect(await seriousViolations(page, 'authority override dialog')).toEqual([]);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.getByText('Mục này là bắt buộc').first().waitFor();
    await field(d, 'Người quyết định, ký mới').selectOption({ label: 'Chủ tịch Ủy ban nhân dân cấp xã' });
    await field(d, 'Áp dụng từ ngày').fill('01/01/2027');
    await field(d, 'Lý do').fill('Nghị định hướng dẫn giao Chủ tịch UBND cấp xã ký quyết định');
    await field(d, 'Văn bản làm căn cứ').fill('Nghị định 999/2026/NĐ-CP');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('rules-flash').textContent()).toBe('Đã ghi nhận điều chỉnh');
    const o = page.getByTestId('override-row');
    await eventually(() => o.textContent()).toContain('giữ nguyên giá trị');
    expect(await o.textContent()).toContain('Người quyết định, ký: Chủ tịch Ủy ban nhân dân cấp xã');

    // Before its date nothing changes; from it, the rule names the new official and keeps 12 months.
    expect(await row.getByTestId('rule-authority').textContent()).toContain('Trưởng Công an cấp xã');
    await field(page, 'Quy định áp dụng vào ngày').fill('02/01/2027');
    await eventually(() => row.getByTestId('rule-authority').textContent()).toBe(
      'Người quyết định, ký: Chủ tịch Ủy ban nhân dân cấp xã',
    );
    expect(await row.textContent()).toContain('12 tháng');
    expect(await seriousViolations(page, 'rules page with an authority override')).toEqual([]);
  });

  it('shows the Government’s 2026 swaps: 31/08 off, Saturday 22/08 worked', async () => {
    await page.getByRole('tab', { name: 'Lịch nghỉ, ngày làm bù' }).click();
    await field(page, 'Năm').selectOption('2026');
    await eventually(() => page.getByTestId('holiday-2026-08-31').textContent()).toContain(
      'Nghỉ hoán đổi theo lịch của Chính phủ',
    );
    expect(await page.getByTestId('holiday-2026-08-31').getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('working-2026-08-22').textContent()).toContain(
      'Làm bù cho ngày 31/08/2026',
    );
    expect(await seriousViolations(page, 'calendar 2026')).toEqual([]);
  });
});
