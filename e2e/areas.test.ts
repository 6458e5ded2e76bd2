import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The Areas page in the browser against the real server (SQLite, or PostgreSQL with DATABASE_URL): a province
// officer creates "Huyện Ba Vì cũ" in one click from the old district (its communes preselected), opens its
// dashboard through the unit picker, edits it behind a confirmation, and deletes another area behind a
// confirmation; a national officer sees the areas read-only. Checked with axe.

describe('areas page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';

  beforeAll(async () => {
    server = await startServer();
    password = await server.addUser('province_officer', 'province', '01', 'kv.hanoi');
    await server.addUser('national_officer', 'nation', null, 'kv.quocgia');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('creates an area from the old district of Ba Vì in one click, and reads its dashboard', async () => {
    await login(page, 'kv.hanoi', password);
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Khu vực báo cáo' }).click();
    await page.getByRole('heading', { name: 'Khu vực báo cáo', level: 1 }).waitFor();
    await page.getByTestId('areas-empty').waitFor();
    expect(await seriousViolations(page, 'areas page (empty)')).toEqual([]);

    const district = page.getByRole('combobox', { name: /^Tạo từ huyện cũ/ });
    await district.click();
    await district.fill('Ba Vì');
    await page.getByRole('option', { name: /^Huyện Ba Vì \(.*Hà Nội\)$/ }).click();
    await expect.poll(() => field(page, 'Tên khu vực').inputValue()).toBe('Huyện Ba Vì cũ');
    // The communes of the old district are preselected (Xã Ba Vì among them).
    const form = page.locator('section[aria-labelledby="area-form"]');
    await expect.poll(() => form.getByText('Xã Ba Vì', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Tạo khu vực' }).last().click();
    await page.getByTestId('areas-done').getByText('Đã tạo khu vực "Huyện Ba Vì cũ"').waitFor();
    const table = page.getByTestId('areas-table');
    await table.getByText('Huyện Ba Vì cũ').waitFor();
    expect(await seriousViolations(page, 'areas page with an area')).toEqual([]);

    const area = (await server.deps.database.db
      .selectFrom('areas')
      .selectAll()
      .executeTakeFirstOrThrow()) as {
      id: string;
    };
    await page.getByRole('link', { name: 'Xem số liệu: Huyện Ba Vì cũ' }).click();
    await page.waitForURL(new RegExp(`unit=area%3A${area.id}|unit=area:${area.id}`));
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Đơn vị' }).inputValue())
      .toBe('Khu vực: Huyện Ba Vì cũ');
    expect(await seriousViolations(page, 'area dashboard')).toEqual([]);

    // Its periodic report: the province officer chooses the area in the new-report form.
    await page.goto('/reports');
    await page.getByRole('button', { name: 'Lập báo cáo' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Lập báo cáo mới' });
    await dialog.waitFor();
    const unit = dialog.getByRole('combobox', { name: 'Đơn vị' });
    await unit.click();
    await page.getByRole('option', { name: 'Khu vực: Huyện Ba Vì cũ', exact: true }).click();
    expect(await seriousViolations(page, 'new report form with an area')).toEqual([]);
    await dialog.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const report = await server.deps.database.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(report.unit_kind).toBe('area');
    expect(report.unit_code).toBe(`area:${area.id}`);
    await page.getByText('Huyện Ba Vì cũ').first().waitFor();
  });

  it('edits the area behind a confirmation, and deletes another behind a confirmation', async () => {
    await page.goto('/areas');
    await page.getByRole('button', { name: 'Sửa: Huyện Ba Vì cũ' }).click();
    const name = field(page, 'Tên khu vực');
    await name.fill('Huyện Ba Vì cũ (đã sửa)');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Lưu thay đổi khu vực?' });
    await dialog.waitFor();
    expect(await seriousViolations(page, 'confirm area edit')).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByTestId('areas-done').getByText('Đã lưu khu vực "Huyện Ba Vì cũ (đã sửa)"').waitFor();
    const row = await server.deps.database.db.selectFrom('areas').selectAll().executeTakeFirstOrThrow();
    expect(row.name).toBe('Huyện Ba Vì cũ (đã sửa)');
    expect(row.version).toBe(2);

    // A second area, chosen commune by commune, then deleted.
    await name.waitFor({ state: 'visible' });
    await field(page, 'Tên khu vực').fill('Cụm phường trung tâm');
    const communes = page.getByTestId('area-communes');
    await communes.click();
    await communes.fill('Ba Đình');
    await page.getByRole('option', { name: 'Phường Ba Đình', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tạo khu vực' }).last().click();
    await page.getByTestId('areas-table').getByText('Cụm phường trung tâm').waitFor();
    await page.getByRole('button', { name: 'Xoá: Cụm phường trung tâm' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xoá khu vực?' });
    await confirm.waitFor();
    expect(await seriousViolations(page, 'confirm area delete')).toEqual([]);
    await confirm.getByRole('button', { name: 'Xoá' }).click();
    await page.getByTestId('areas-done').getByText('Đã xoá khu vực "Cụm phường trung tâm"').waitFor();
    await expect
      .poll(() => page.getByTestId('areas-table').getByText('Cụm phường trung tâm').count())
      .toBe(0);
    const actions = (
      await server.deps.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'area')
        .execute()
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['areas.create', 'areas.create', 'areas.delete', 'areas.update']);
  });

  it('a national officer reads the areas without managing them', async () => {
    await logout(page);
    await login(page, 'kv.quocgia', password);
    await page.getByTestId('current-user').waitFor();
    await page.goto('/areas');
    await page.getByTestId('areas-table').getByText('Huyện Ba Vì cũ (đã sửa)').waitFor();
    await page.getByText('Bạn chỉ xem được các khu vực').waitFor();
    expect(await page.getByRole('button', { name: /^Sửa:/ }).count()).toBe(0);
    expect(await seriousViolations(page, 'areas page (national, read-only)')).toEqual([]);
  });
});
