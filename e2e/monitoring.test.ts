import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// The person page's section of electronic monitoring (Law 120/2025/QH15 Art. 12), in the browser against the
// real server (SQLite, or PostgreSQL with DATABASE_URL): the commune police record a decision (the server's
// refusal before 01/07/2026 shown with its basis), see it listed dd/mm/yyyy, record a breach and, after
// confirming, the removal that ends it; the commune officer reads it without the buttons; axe throughout.

const BA_DINH = '00004';
const TITLE = 'Giám sát điện tử';

describe('electronic monitoring in the browser', () => {
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
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.giamsat');
    await server.addUser('commune_police', 'commune', BA_DINH, 'congan.giamsat');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    const res = await context.request.post('/api/auth/login', {
      data: { username: 'canbo.giamsat', password },
    });
    const { csrfToken } = await res.json();
    const created = await context.request.post('/api/people', {
      data: {
        fullName: 'Lê Văn Giám',
        sex: 'male',
        birthDate: '1988-03-02',
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 5' },
        confirmPossibleDuplicate: true,
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    personId = (await created.json()).id;
    await context.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
    await context.clearCookies();
    // Substitution therapy since 01/06/2026, written as the episodes module stores it (the section only reads).
    const at = new Date().toISOString();
    await server.deps.database.db
      .insertInto('episodes')
      .values({
        id: randomUUID(),
        person_id: personId,
        type: 'substitution_therapy',
        regime_id: 'two-tier-2025',
        authority: 'substitution_clinic',
        decision_number: null,
        decision_date: null,
        decision_signer: null,
        decision_body: null,
        document_number: null,
        start_date: '2026-06-01',
        term_start: null,
        term_months: null,
        planned_end: null,
        actual_end: null,
        outcome: null,
        outcome_reason: null,
        facility_id: null,
        responsible_unit_kind: 'commune',
        responsible_unit_code: BA_DINH,
        managers: '[]',
        details: '{"clinic":{"name":"Cơ sở methadone Ba Đình"},"interruptions":[]}',
        certificate_number: null,
        certificate_date: null,
        notes: null,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
      })
      .execute();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const section = () => page.getByRole('region', { name: TITLE });
  const dialog = (name: string) => page.getByRole('dialog', { name });

  it('lets the commune police record a decision; before 01/07/2026 the rule is cited', async () => {
    await login(page, 'congan.giamsat', password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`/people/${personId}`);
    await section().waitFor();
    await section().getByText('Người này chưa bị áp dụng biện pháp giám sát điện tử.').waitFor();
    expect(await seriousViolations(page, 'monitoring (empty)')).toEqual([]);

    await section().getByRole('button', { name: 'Ghi nhận quyết định giám sát' }).click();
    const form = dialog('Ghi nhận quyết định áp dụng giám sát điện tử');
    await form.waitFor();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Mục này là bắt buộc').first().waitFor();

    await field(form, 'Số quyết định').fill('07/QĐ-CAP');
    await field(form, 'Ngày quyết định').fill('30/06/2026');
    await field(form, 'Ngày bắt đầu giám sát').fill('01/07/2026');
    await field(form, 'Ngày kết thúc dự kiến').fill('31/12/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const problem = form.getByTestId('server-problem');
    await eventually(() => problem.textContent()).toContain('01/07/2026');
    await eventually(() => problem.textContent()).toContain('Điều 12 Luật 120/2025/QH15');
    expect(await seriousViolations(page, 'monitoring dialog (refused)')).toEqual([]);

    await field(form, 'Ngày quyết định').fill('15/07/2026');
    await field(form, 'Ngày bắt đầu giám sát').fill('15/07/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    await section().getByTestId('monitoring-saved').waitFor();
    const row = section().getByTestId('monitoring-row').first();
    await eventually(() => row.textContent()).toContain(
      'Số 07/QĐ-CAP ngày 15/07/2026, Trưởng Công an cấp xã',
    );
    await eventually(() => row.textContent()).toContain('15/07/2026 – 31/12/2026');
    await eventually(() => row.textContent()).toContain('Vòng đeo tay điện tử');
    await eventually(() => row.textContent()).toContain('Điều trị thay thế');
    await eventually(() => row.textContent()).toContain('Đang giám sát');
    expect(await seriousViolations(page, 'monitoring (one measure)')).toEqual([]);
  });

  it('records a breach, then the removal after confirmation', async () => {
    const label = 'Ghi diễn biến của quyết định số 07/QĐ-CAP';
    await section().getByRole('button', { name: label }).click();
    let form = dialog('Ghi diễn biến giám sát điện tử');
    await form.waitFor();
    await field(form, 'Ngày xảy ra').fill('20/11/2026');
    await field(form, 'Mô tả').fill('Ra khỏi địa bàn không báo');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    const row = section().getByTestId('monitoring-row').first();
    await eventually(() => row.textContent()).toContain('20/11/2026: Vi phạm — Ra khỏi địa bàn không báo');

    await section().getByRole('button', { name: label }).click();
    form = dialog('Ghi diễn biến giám sát điện tử');
    await form.waitFor();
    // A Mantine select: its input by label, then the option.
    await field(form, 'Diễn biến').and(form.locator('input')).click();
    await page.getByRole('option', { name: 'Gỡ bỏ thiết bị, chấm dứt giám sát' }).click();
    await field(form, 'Ngày xảy ra').fill('30/11/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const confirm = dialog('Chấm dứt giám sát điện tử?');
    await confirm.waitFor();
    await confirm.getByText('30/11/2026').waitFor();
    expect(await seriousViolations(page, 'monitoring removal confirmation')).toEqual([]);
    await confirm.getByRole('button', { name: 'Chấm dứt giám sát' }).click();
    await confirm.waitFor({ state: 'detached' });
    await eventually(() => row.textContent()).toContain('Đã kết thúc');
    await eventually(() => row.textContent()).toContain('kết thúc 30/11/2026');
    await eventually(() => section().getByRole('button', { name: label }).count()).toBe(0);
    // The person's timeline lists the decision and its events, dd/mm/yyyy.
    const decided = page.getByTestId('timeline-monitoring');
    await eventually(() => decided.textContent()).toContain('15/07/2026');
    await eventually(() => decided.textContent()).toContain(
      'Quyết định áp dụng giám sát điện tử số 07/QĐ-CAP',
    );
    await eventually(() => page.getByTestId('timeline-monitoring_event').count()).toBe(2);
  });

  it('shows the measure to the commune officer, without the buttons', async () => {
    await logout(page);
    await login(page, 'canbo.giamsat', password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`/people/${personId}`);
    await section().waitFor();
    await eventually(() => section().getByTestId('monitoring-row').count()).toBe(1);
    await eventually(() =>
      section().getByRole('button', { name: 'Ghi nhận quyết định giám sát' }).count(),
    ).toBe(0);
    expect(await seriousViolations(page, 'monitoring (reader)')).toEqual([]);
  });
});

describe('electronic monitoring whose ground ended first, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let password = '';
  let personId = '';

  beforeAll(async () => {
    server = await startServer();
    server.deps.now = () => new Date('2026-12-01T03:00:00.000Z');
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_police', 'commune', BA_DINH, 'congan.hetcancu');
    browser = await launchBrowser();
    const context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'congan.hetcancu', password },
    });
    const headers = { 'x-csrf-token': (await login.json()).csrfToken };
    const created = await context.request.post('/api/people', {
      data: {
        fullName: 'Đỗ Văn Căn',
        sex: 'male',
        birthDate: '1985-01-20',
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 7' },
        confirmPossibleDuplicate: true,
      },
      headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    personId = (await created.json()).id;
    // Post-rehab management from 01/08/2026, written as the episodes module stores it.
    const episodeId = randomUUID();
    const at = new Date().toISOString();
    await server.deps.database.db
      .insertInto('episodes')
      .values({
        id: episodeId,
        person_id: personId,
        type: 'post_rehab',
        regime_id: 'law120-2026',
        authority: 'commune_chairman',
        decision_number: '11/QĐ-UBND',
        decision_date: '2026-08-01',
        decision_signer: null,
        decision_body: null,
        document_number: null,
        start_date: '2026-08-01',
        term_start: '2026-08-01',
        term_months: 12,
        planned_end: '2027-07-31',
        actual_end: null,
        outcome: null,
        outcome_reason: null,
        facility_id: null,
        responsible_unit_kind: 'commune',
        responsible_unit_code: BA_DINH,
        managers: '[]',
        details: '{}',
        certificate_number: null,
        certificate_date: null,
        notes: null,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
      })
      .execute();
    const measure = await context.request.post(`/api/people/${personId}/monitoring`, {
      data: {
        decisionNumber: '09/QĐ-CAP',
        decisionDate: '2026-08-01',
        startDate: '2026-08-01',
        plannedEnd: '2027-01-31',
        means: 'phone_app',
      },
      headers,
    });
    expect(measure.status(), await measure.text()).toBe(201);
    // The person relapsed on 20/11/2026: post-rehab management ended there.
    await server.deps.database.db
      .updateTable('episodes')
      .set({ actual_end: '2026-11-20', outcome: 'relapsed' })
      .where('id', '=', episodeId)
      .execute();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the measure as due to end, with the day its ground ended', async () => {
    await page.goto(`/people/${personId}`);
    const section = page.getByRole('region', { name: TITLE });
    await section.waitFor();
    const row = section.getByTestId('monitoring-row').first();
    await eventually(() => row.textContent()).toContain('Ứng dụng trên điện thoại');
    await eventually(() => row.getByTestId('monitoring-basis-ended').textContent()).toContain(
      'căn cứ áp dụng chấm dứt ngày 20/11/2026',
    );
    await eventually(() => row.getByTestId('monitoring-status').textContent()).toContain('Cần kết thúc');
    expect(await seriousViolations(page, 'monitoring (ground ended)')).toEqual([]);
  });
});
