import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The dashboard at facility level and its work-list panel, and the national cut-off setting, in the browser
// against the real server (SQLite, or PostgreSQL with DATABASE_URL): a province officer lands on the dashboard,
// sees their overdue / due-today / upcoming task counts and chooses a facility; the facility's staff see their
// own facility's figures and an empty work list; a national officer changes the cut-off day from the first of
// this month (behind a confirmation) and the dashboard's period picker follows it.

const BA_DINH = '00004';
const FACILITY = 'Cơ sở cai nghiện ma túy số 3 Hà Nội';
const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('facility dashboard, work-list panel and the cut-off setting in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let current: string | null = null;
  let facilityId = '';
  const seeders: BrowserContext[] = [];
  // Today in Vietnam, as the server and the browser (Asia/Ho_Chi_Minh) see it.
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const shift = (days: number) =>
    new Date(new Date(`${today}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

  async function as(username: string) {
    if (current === username) return;
    if (current) await logout(page);
    await login(page, username, password);
    await page.getByTestId('current-user').waitFor();
    current = username;
  }

  beforeAll(async () => {
    server = await startServer();
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'cd.badinh');
    await server.addUser('province_officer', 'province', '01', 'cd.hanoi');
    await server.addUser('national_officer', 'nation', null, 'cd.quocgia');
    const db = server.deps.database.db;
    const at = new Date().toISOString();
    facilityId = randomUUID();
    await db
      .insertInto('facilities')
      .values({
        id: facilityId,
        name: FACILITY,
        kind: 'rehab_public',
        province_code: '01',
        commune_code: null,
        address: null,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await server.addUser('facility_staff', 'facility', facilityId, 'cd.coso');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));

    // A person of Ba Đình and four open tasks of the province (one overdue, one today, two upcoming).
    const api = await browser.newContext({ baseURL: server.baseUrl });
    seeders.push(api);
    const res = await api.request.post('/api/auth/login', { data: { username: 'cd.badinh', password } });
    const { csrfToken } = await res.json();
    const created = await api.request.post('/api/people', {
      data: {
        fullName: 'Phạm Văn Hải',
        sex: 'male',
        birthDate: '1991-04-04',
        currentAddress: { communeCode: BA_DINH, detail: 'Số 3' },
        confirmPossibleDuplicate: true,
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    const personId = (await created.json()).id as string;
    for (const due of [shift(-3), today, shift(5), shift(20)])
      await db
        .insertInto('tasks')
        .values({
          id: randomUUID(),
          kind: 'post_rehab_certificate',
          person_id: personId,
          episode_id: null,
          responsible_role: 'province_officer',
          unit_kind: 'province',
          unit_code: '01',
          assignee_user_id: null,
          due_date: due,
          due_at: null,
          rule_key: null,
          regime_id: null,
          status: 'open',
          source_type: 'test',
          source_id: null,
          closed_by_type: null,
          closed_by_id: null,
          closed_at: null,
          closed_by_user: null,
          details: null,
          created_at: at,
        })
        .execute();
    // And 120 more, later: the work list shows 100 and loads the rest on demand.
    await db
      .insertInto('tasks')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          id: randomUUID(),
          kind: 'post_rehab_certificate',
          person_id: personId,
          episode_id: null,
          responsible_role: 'province_officer',
          unit_kind: 'province',
          unit_code: '01',
          assignee_user_id: null,
          due_date: shift(30 + (i % 40)),
          due_at: null,
          rule_key: null,
          regime_id: null,
          status: 'open',
          source_type: 'test',
          source_id: null,
          closed_by_type: null,
          closed_by_id: null,
          closed_at: null,
          closed_by_user: null,
          details: null,
          created_at: at,
        })),
      )
      .execute();
  }, 120_000);

  afterAll(async () => {
    for (const c of seeders) await c.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lands the province officer on the dashboard with the work-list counts, then shows a facility', async () => {
    await as('cd.hanoi');
    await page.getByRole('heading', { name: 'Bảng số liệu', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const panel = page.getByTestId('tasks-panel');
    await panel.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await page.getByTestId('tasks-count-overdue').waitFor();
    expect(await page.getByTestId('tasks-count-overdue').getAttribute('aria-label')).toBe('Quá hạn: 1 việc');
    expect(await page.getByTestId('tasks-count-today').getAttribute('aria-label')).toBe(
      'Đến hạn hôm nay: 1 việc',
    );
    expect(await page.getByTestId('tasks-count-upcoming').getAttribute('aria-label')).toBe(
      'Sắp đến hạn: 122 việc',
    );
    expect(await panel.getByRole('link', { name: 'Mở danh sách công việc' }).getAttribute('href')).toBe(
      '/tasks',
    );
    await page.getByTestId('figure-people_total').waitFor();
    expect(await seriousViolations(page, 'province dashboard with the work-list panel')).toEqual([]);

    const unit = page.getByRole('combobox', { name: 'Đơn vị' });
    await unit.click();
    await unit.fill('số 3');
    await page.getByRole('option', { name: FACILITY, exact: true }).click();
    await page.waitForURL(new RegExp(`unit=${facilityId}`));
    // A facility has no commune figures: the province's cards give way to the facility's.
    await page.getByTestId('figure-people_total').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Cơ sở cai nghiện', exact: true, level: 2 }).waitFor();
    await page.getByTestId('figure-facility_received').waitFor();
    expect(await page.getByTestId('figure-value-facility_received').textContent()).toBe('0');
    expect(await seriousViolations(page, 'facility dashboard (province)')).toEqual([]);
  });

  it('shows the work list 100 tasks at a time, with every count, and loads the rest on demand', async () => {
    await as('cd.hanoi');
    await page.goto('/tasks');
    await page.getByRole('heading', { name: 'Sắp đến hạn (122)' }).waitFor();
    await page.getByRole('heading', { name: 'Quá hạn (1)' }).waitFor();
    const rows = page.getByTestId('task-post_rehab_certificate');
    expect(await rows.count()).toBe(100);
    const more = page.getByTestId('tasks-more');
    expect(await more.textContent()).toBe('Xem thêm việc (đang hiện 100/124)');
    expect(await seriousViolations(page, 'work list with more to load')).toEqual([]);
    await more.click();
    await page.getByTestId('tasks-more').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(124);
    // Due order across the pages: the last row is due last.
    expect(await rows.last().textContent()).toContain(dmy(shift(69)));
  });
  it('shows the facility staff their own facility and an empty work list', async () => {
    await as('cd.coso');
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Bảng số liệu', level: 1 }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Đơn vị' }).inputValue()).toBe(FACILITY);
    await page.getByTestId('figure-facility_received').waitFor();
    await page.getByTestId('tasks-panel-empty').waitFor();
    expect(await page.getByTestId('tasks-panel-empty').textContent()).toContain(
      'Không có việc nào đang chờ bạn',
    );
    expect(await seriousViolations(page, 'facility dashboard (staff)')).toEqual([]);
  });

  it('lets a national officer change the cut-off day from a date after confirming; the picker follows', async () => {
    await as('cd.quocgia');
    await page.getByRole('link', { name: 'Ngày chốt số liệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Ngày chốt số liệu báo cáo', level: 1 }).waitFor();
    await page.getByTestId('cutoff-history-empty').waitFor();
    expect(await page.getByTestId('cutoff-current').textContent()).toContain(
      `Đang áp dụng hôm nay (${dmy(today)}): ngày 15`,
    );
    // Missing fields are named next to them.
    await field(page, 'Ngày chốt').fill('');
    await page.getByRole('button', { name: 'Thay đổi ngày chốt' }).click();
    await page.getByText('Mục này là bắt buộc').first().waitFor();
    expect(await page.getByText('Mục này là bắt buộc').count()).toBe(2);
    expect(await seriousViolations(page, 'cut-off setting with errors')).toEqual([]);

    const first = `${today.slice(0, 8)}01`;
    await field(page, 'Ngày chốt').fill('1');
    await field(page, 'Áp dụng từ ngày').fill(dmy(first));
    await field(page, 'Lý do, căn cứ').fill('Công văn số 12/BCA: chốt theo tháng dương lịch');
    await page.getByRole('button', { name: 'Thay đổi ngày chốt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thay đổi ngày chốt số liệu toàn quốc?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `Từ ${dmy(first)}, các kỳ báo cáo mới sẽ chốt số liệu vào ngày 1`,
    );
    expect(await seriousViolations(page, 'cut-off confirmation')).toEqual([]);
    await dialog.getByRole('button', { name: 'Ghi thay đổi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('cutoff-saved').waitFor();
    const rows = await page.getByTestId('cutoff-history').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(dmy(first));
    expect(rows[0]).toContain('Công văn số 12/BCA');
    expect(rows[0]).toContain('Người thử cd.quocgia');
    expect(await page.getByTestId('cutoff-current').textContent()).toContain(`ngày 1 từ ${dmy(first)}`);
    expect(await seriousViolations(page, 'cut-off setting saved')).toEqual([]);

    // The dashboard's period picker now cuts the current month at the 1st: a calendar month.
    await page.getByRole('link', { name: 'Bảng số liệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Bảng số liệu', level: 1 }).waitFor();
    expect(await field(page, 'Ngày chốt số liệu').inputValue()).toBe('1');
    await page.getByText('Theo cài đặt quốc gia').waitFor();
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    await page
      .getByTestId('dashboard-range')
      .filter({ hasText: `Từ 01/${pad(m)}/${y} đến ${last}/${pad(m)}/${y}` })
      .waitFor();
    // A day of one's own is kept in the link and can be undone.
    await field(page, 'Ngày chốt số liệu').fill('15');
    await page.waitForURL(/cutoff=15/);
    await page.getByTestId('dashboard-range').filter({ hasText: 'Từ 15/' }).waitFor();
    await page.getByRole('button', { name: 'Dùng ngày chốt quốc gia (1)' }).click();
    await page.waitForURL((u) => !u.searchParams.has('cutoff'));
    await page
      .getByTestId('dashboard-range')
      .filter({ hasText: `Từ 01/${pad(m)}/${y} đến ${last}/${pad(m)}/${y}` })
      .waitFor();
  });
});
