import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, newContext } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// Several volunteer teams in one commune (issue 13), in the browser on SQLite or PostgreSQL (DATABASE_URL): a
// commune officer creates the team, then another one only with the reason (old communes merged in 2025 each
// kept their team); both are listed, the second with its reason. Checked with axe.

describe('several volunteer teams in a commune, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('commune_officer', 'commune', '00004', 'dt.badinh');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    await login(page, 'dt.badinh', password);
    await page.getByTestId('current-user').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('creates a second team only with the reason', async () => {
    await page.goto('/community/team');
    await page.getByTestId('team-none').waitFor();
    await page.getByRole('button', { name: 'Thành lập đội' }).click();
    await page.getByTestId('team').first().waitFor();
    const another = page.getByTestId('team-another');
    await another.waitFor();
    expect(await seriousViolations(page, 'team page with the form for another team')).toEqual([]);

    await field(another, 'Tên đội').fill('Đội CTXH phường Quán Thánh cũ');
    await another.getByRole('button', { name: 'Thành lập thêm đội' }).click();
    // Without the reason: refused next to the field, nothing created.
    await expect.poll(() => another.getByText('Mục này là bắt buộc').count()).toBeGreaterThan(0);
    expect((await server.deps.database.db.selectFrom('community_teams').select('id').execute()).length).toBe(
      1,
    );
    const reason = 'Phường Quán Thánh cũ sáp nhập năm 2025, giữ đội của mình';
    await field(another, 'Lý do có thêm đội').fill(reason);
    await another.getByRole('button', { name: 'Thành lập thêm đội' }).click();
    await expect.poll(() => page.getByTestId('team').count()).toBe(2);
    await page.getByText(`Lý do có nhiều đội: ${reason}`).waitFor();
    const rows = await server.deps.database.db
      .selectFrom('community_teams')
      .select(['name', 'several_reason'])
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => r.several_reason)).toEqual([null, reason]);
    expect(await seriousViolations(page, 'team page with two teams')).toEqual([]);
  });

  it('records an activity for the second team', async () => {
    await page.goto('/community/activities');
    await page.getByTestId('activities-empty').waitFor();
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
    const d = page.getByRole('dialog', { name: 'Ghi hoạt động' });
    const team = d.getByRole('combobox', { name: 'Đội thực hiện' });
    await team.click();
    await page.getByRole('option', { name: 'Đội CTXH phường Quán Thánh cũ', exact: true }).click();
    expect(await seriousViolations(page, 'activity form with the team choice')).toEqual([]);
    await field(d, 'Địa điểm').fill('Nhà văn hoá tổ 5');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByTestId('activity').first().waitFor();
    const rows = await server.deps.database.db
      .selectFrom('community_activities as a')
      .innerJoin('community_teams as t', 't.id', 'a.team_id')
      .select(['t.name'])
      .execute();
    expect(rows).toEqual([{ name: 'Đội CTXH phường Quán Thánh cũ' }]);
  });
});
