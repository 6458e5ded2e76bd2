import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusHistoryRepo } from '../apps/server/src/modules/episodes/status-history.repo.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// Units over time in the browser: a person who lived in Ngọc Hà in 2025 and moved to Ba Đình in January 2026.
// The province officer opens Ngọc Hà's 2025 dashboard: by today's units (the default) the person is not there; by
// the units of the period they are, the choice stays in the address and follows the figure into its records.

const BA_DINH = '00004';
const NGOC_HA = '00008';

describe('grouping a past period by today’s units or by the units of the period', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const url = `/dashboard?unit=${NGOC_HA}&kind=year&year=2025&index=1&cutoff=1`;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('province_officer', 'province', '01', 'pc04.hanoi');
    const db = server.deps.database.db;
    const at = '2024-06-01T00:00:00.000Z';
    const id = randomUUID();
    await db
      .insertInto('people')
      .values({
        id,
        full_name: 'Người Đã Chuyển Nhà',
        name_search: 'nguoi da chuyen nha',
        other_names: null,
        other_names_search: null,
        sex: 'male',
        birth_date: null,
        birth_year: 1988,
        citizen_id: null,
        ethnicity: null,
        phone: null,
        occupation: null,
        perm_commune_code: null,
        perm_detail: null,
        cur_commune_code: BA_DINH,
        cur_detail: null,
        province_code: '01',
        family_contacts: null,
        status: 'drug_user_managed',
        current_facility_id: null,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
      })
      .execute();
    // What moving house records (episodes/transfers.service.ts): Ngọc Hà until the move, Ba Đình from it.
    await db
      .insertInto('person_units')
      .values([
        {
          id: randomUUID(),
          person_id: id,
          commune_code: NGOC_HA,
          province_code: '01',
          valid_from: '0001-01-01',
          valid_to: '2026-01-10',
          cause: 'record',
          source_id: null,
        },
        {
          id: randomUUID(),
          person_id: id,
          commune_code: BA_DINH,
          province_code: '01',
          valid_from: '2026-01-10',
          valid_to: null,
          cause: 'move',
          source_id: null,
        },
      ])
      .execute();
    await statusHistoryRepo.startUnrecorded(db);
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await login(page, 'pc04.hanoi', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const total = () => page.getByTestId('figure-value-people_total');

  it('counts the person in Ngọc Hà for 2025 only by the units of the period, and opens them', async () => {
    await page.goto(url);
    await total().waitFor();
    expect(await total().textContent()).toBe('0');
    const select = page.getByRole('combobox', { name: 'Nhóm số liệu' });
    expect(await select.inputValue()).toBe('Theo đơn vị hiện nay');
    expect(await seriousViolations(page, 'dashboard by today’s units')).toEqual([]);
    await select.click();
    await page.getByRole('option', { name: 'Theo đơn vị của kỳ báo cáo' }).click();
    await page.waitForURL(/grouping=period/);
    await page.getByTestId('figure-value-people_total').filter({ hasText: '1' }).waitFor();
    expect(await seriousViolations(page, 'dashboard by the units of the period')).toEqual([]);
    await total().click();
    await page.getByTestId('drill-table').waitFor();
    expect(new URL(page.url()).searchParams.get('grouping')).toBe('period');
    expect(await page.getByTestId('drill-grouping').textContent()).toBe('Theo đơn vị của kỳ báo cáo');
    expect(await page.getByTestId('drill-row').count()).toBe(1);
    expect(await page.getByTestId('drill-row').first().textContent()).toContain('Người Đã Chuyển Nhà');
    expect(await seriousViolations(page, 'drill-down by the units of the period')).toEqual([]);
  });
});
