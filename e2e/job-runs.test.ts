import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Issue 17 in the browser: a national officer reads the runs of the background jobs (each run once across all
// servers; here the start-up runs of the one test server), with dates as dd/mm/yyyy hh:mm, in Vietnamese and
// English; a commune officer has no such page.
describe('background job runs', () => {
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

  it('lists each run with its job, times and outcome', async () => {
    const password = await server.addUser('national_officer', 'nation', null, 'tw.congviec');
    await login(page, 'tw.congviec', password);
    await page.getByRole('link', { name: 'Công việc nền' }).click();
    await page.getByRole('heading', { name: 'Các lần chạy công việc nền' }).waitFor();
    const table = page.getByTestId('job-runs');
    await eventually(() => table.getByText('Cập nhật trạng thái người cai nghiện').count()).toBe(1);
    const row = table.locator('tbody tr', { hasText: 'status-refresh' });
    await eventually(() => row.getByText('Thành công').count()).toBe(1);
    expect(await row.locator('td').nth(1).innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await seriousViolations(page, 'job runs')).toEqual([]);

    await page.evaluate(() => localStorage.setItem('hoanhap.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Background job runs' }).waitFor();
    await eventually(() => page.getByText("Refresh of people's statuses").count()).toBe(1);
  });

  it('is not offered to a commune officer', async () => {
    const other = await newContext(browser, server.baseUrl);
    const p = await other.newPage();
    const password = await server.addUser('commune_officer', 'commune', '00004', 'cb.congviec');
    await login(p, 'cb.congviec', password);
    await p.goto('/admin/job-runs');
    await eventually(() => p.getByRole('link', { name: 'Công việc nền' }).count()).toBe(0);
    expect(await p.getByRole('heading', { name: 'Các lần chạy công việc nền' }).count()).toBe(0);
    await other.close();
  });
});
