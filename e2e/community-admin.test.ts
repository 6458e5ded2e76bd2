import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, pick } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// A commune officer keeps the community records right on a phone (360 × 740): corrects a volunteer (and meets
// someone else's newer change: 409 with the current values shown), a partner and a club (closing it after a
// confirmation), reads the commune's contact log by volunteer and kind and opens the person; a national officer
// sees the volunteer model by province. Axe and no sideways scroll on every page.

const BA_DINH = '00004';
const PHONE = { width: 360, height: 740 };
const vnIso = (days = 0) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('community records kept right, on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let password = '';
  const contexts: BrowserContext[] = [];
  const helped = 'Lê Văn Được Thăm';
  const other = 'Vũ Thị Cán Bộ Gọi';
  const ids: Record<string, string> = {};
  let officerApi: Awaited<ReturnType<typeof apiAs>>;

  async function phonePage(): Promise<Page> {
    const ctx = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    return page;
  }

  async function apiAs(username: string) {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    contexts.push(ctx);
    const res = await ctx.request.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    const { csrfToken } = await res.json();
    return async (method: 'POST' | 'PATCH' | 'GET', path: string, data?: unknown) => {
      const r = await ctx.request.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
      const body = await r.text();
      expect(r.status(), `${method} ${path}: ${body}`).toBeLessThan(300);
      return JSON.parse(body);
    };
  }

  const sideScroll = (page: Page) =>
    page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);

  beforeAll(async () => {
    server = await startServer();
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.sua');
    await server.addUser('volunteer', 'commune', BA_DINH, 'tnv.lan');
    await server.addUser('national_officer', 'nation', null, 'canbo.trunguong');
    browser = await launchBrowser();
    officerApi = await apiAs('canbo.sua');
    const post = (path: string, data: unknown) => officerApi('POST', path, data);
    const person = async (fullName: string, n: number) =>
      (
        await post('/api/people', {
          fullName,
          sex: 'male',
          birthYear: 1980 + n,
          phone: `091234567${n}`,
          currentAddress: { communeCode: BA_DINH, detail: `Tổ ${n}` },
          confirmPossibleDuplicate: true,
        })
      ).id as string;
    const team = await post('/api/community/teams', {
      name: 'Đội tình nguyện Ba Đình',
      establishedOn: '2024-01-05',
    });
    const account = await server.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tnv.lan')
      .executeTakeFirstOrThrow();
    ids.lan = (
      await post('/api/community/volunteers', {
        teamId: team.id,
        fullName: 'Đỗ Thị Lan',
        organisation: 'womens_union',
        joinedOn: '2024-01-05',
        userId: account.id,
      })
    ).id;
    ids.fix = (
      await post('/api/community/volunteers', {
        teamId: team.id,
        fullName: 'Trần Văn Sai Tên',
        organisation: 'youth_union',
        joinedOn: '2024-02-01',
        phone: '0987000111',
      })
    ).id;
    ids.helped = await person(helped, 1);
    ids.other = await person(other, 2);
    await post('/api/community/assignments', {
      volunteerId: ids.lan,
      personId: ids.helped,
      startedOn: vnIso(-10),
    });
    const lan = await apiAs('tnv.lan');
    await lan('POST', '/api/community/contacts', {
      personId: ids.helped,
      contactDate: vnIso(-2),
      kind: 'call',
      outcome: 'met',
    });
    await post('/api/community/contacts', {
      personId: ids.other,
      contactDate: vnIso(-1),
      kind: 'visit',
      outcome: 'not_reached',
    });
    ids.partner = (
      await post('/api/community/partners', {
        kind: 'employer',
        name: 'Công ty May Hồng Hà',
        services: 'Việc may',
      })
    ).id;
    ids.club = (await post('/api/community/clubs', { name: 'CLB Bạn giúp bạn', foundedOn: '2024-03-01' })).id;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('an officer corrects a volunteer, meets a newer change (409, current values shown) and saves again', async () => {
    const page = await phonePage();
    await login(page, 'canbo.sua', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/team');
    const card = page.getByTestId('volunteer-card').filter({ hasText: 'Trần Văn Sai Tên' });
    await card.getByTestId('edit-volunteer').click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Họ và tên').waitFor();
    expect(await seriousViolations(page, 'edit volunteer')).toEqual([]);
    // Meanwhile someone else changes the phone number.
    const cur = await officerApi('GET', `/api/community/volunteers/${ids.fix}`);
    await officerApi('PATCH', `/api/community/volunteers/${ids.fix}`, {
      version: cur.version,
      phone: '0911000222',
    });
    await field(dialog, 'Họ và tên').fill('Trần Văn Đúng Tên');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const stale = page.getByTestId('stale-notice');
    await eventually(() => stale.textContent()).toContain('0911000222');
    await expect(stale.textContent()).resolves.toContain('Trần Văn Sai Tên');
    expect(await seriousViolations(page, 'stale notice')).toEqual([]);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: '/tmp/hn-community-stale.png', fullPage: true });
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    await page.getByTestId('stale-load').click();
    await expect(field(dialog, 'Số điện thoại').inputValue()).resolves.toBe('0911000222');
    await field(dialog, 'Họ và tên').fill('Trần Văn Đúng Tên');
    await field(dialog, 'Chi hội, tổ, đơn vị').fill('Chi đoàn tổ dân phố 3');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    const fixed = page.getByTestId('volunteer-card').filter({ hasText: 'Trần Văn Đúng Tên' });
    await eventually(() => fixed.textContent()).toContain('Chi đoàn tổ dân phố 3');
    await expect(fixed.textContent()).resolves.toContain('0911000222');
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'team after edit')).toEqual([]);
    // Audited.
    const audits = await server.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ids.fix)
      .where('action', '=', 'community.volunteer.update')
      .execute();
    expect(audits.length).toBe(2);
  });

  it('an officer corrects a partner and closes a club after confirming', async () => {
    const page = await phonePage();
    await login(page, 'canbo.sua', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/partners');
    const partner = page.getByTestId('partner').filter({ hasText: 'Công ty May Hồng Hà' });
    await partner.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Có thể hỗ trợ gì').fill('Việc may, nhận 5 người sau cai');
    await field(dialog, 'Số điện thoại').fill('0243123456');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => partner.textContent()).toContain('nhận 5 người sau cai');
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'partners after edit')).toEqual([]);

    await page.goto(`/community/clubs/${ids.club}`);
    await page.getByTestId('edit-club').click();
    await field(page.getByRole('dialog'), 'Tên CLB').fill('CLB Bạn giúp bạn phường Ba Đình');
    await page.getByRole('checkbox', { name: 'Đang sinh hoạt' }).uncheck();
    await page.getByRole('button', { name: 'Lưu' }).click();
    // Closing is destructive: a confirmation first; cancelling keeps the dialog open, confirming saves.
    await page.getByText('Đánh dấu CLB CLB Bạn giúp bạn là ngừng hoạt động?', { exact: false }).waitFor();
    expect(await seriousViolations(page, 'close club confirm')).toEqual([]);
    await page.getByRole('button', { name: 'Ngừng' }).click();
    await page.getByRole('heading', { name: 'CLB Bạn giúp bạn phường Ba Đình' }).waitFor();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await eventually(() => page.getByText('Đã nghỉ').count()).toBe(1);
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'club after edit')).toEqual([]);
  });

  it("an officer reads the commune's contact log by volunteer and kind, and opens the person", async () => {
    const page = await phonePage();
    await login(page, 'canbo.sua', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/contacts');
    await page.getByRole('heading', { name: 'Nhật ký liên hệ' }).waitFor();
    await eventually(() => page.getByTestId('contact-row').count()).toBe(2);
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'contact log')).toEqual([]);
    if (process.env.E2E_SHOTS)
      await page.screenshot({ path: '/tmp/hn-community-contacts.png', fullPage: true });
    await page.getByTestId('clog-volunteer').selectOption({ label: 'Đỗ Thị Lan' });
    await eventually(() => page.getByTestId('contact-row').count()).toBe(1);
    await expect(page.getByTestId('contact-row').textContent()).resolves.toContain(helped);
    await page.getByTestId('clog-kind').selectOption({ label: 'Thăm hỏi tại nhà' });
    await page.getByTestId('clog-empty').waitFor();
    await expect(page.getByTestId('clog-empty').textContent()).resolves.toContain('Mọi hình thức');
    await page.getByTestId('clog-kind').selectOption({ value: '' });
    await page.getByRole('link', { name: helped }).click();
    await eventually(() => page.getByTestId('person-name').textContent()).toContain(helped);
  });

  it('an officer names the people persuaded into rehab at an activity; the count follows the names', async () => {
    const page = await phonePage();
    await login(page, 'canbo.sua', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/activities');
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Địa điểm').fill('Nhà văn hoá tổ 5');
    await pick(page, dialog, 'Tên những người được vận động đi cai', 'Lê Văn', `${helped} (1981)`);
    await eventually(() => page.getByTestId('persuaded-list').textContent()).toContain(helped);
    await expect(field(dialog, 'Số người được vận động đi cai nghiện').inputValue()).resolves.toBe('1');
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'activity with persuaded names')).toEqual([]);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    const list = await officerApi('GET', '/api/community/activities');
    expect(list.items[0]).toMatchObject({ persuadedIntoRehab: 1, persuadedPersonIds: [ids.helped] });
    // Correcting it shows the name again; removing it lowers the count with it.
    await page.getByTestId('activity').getByRole('button', { name: 'Sửa' }).click();
    await eventually(() => page.getByTestId('persuaded-list').textContent()).toContain(helped);
    await page.getByRole('button', { name: `Bỏ ${helped}` }).click();
    await expect(
      field(page.getByRole('dialog'), 'Số người được vận động đi cai nghiện').inputValue(),
    ).resolves.toBe('');
  });

  it('a national officer sees the volunteer model by province', async () => {
    const page = await phonePage();
    await login(page, 'canbo.trunguong', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/team');
    const model = page.getByTestId('national-model');
    await eventually(() => model.textContent()).toContain('Tiêu chí: ít nhất 1 tình nguyện viên');
    const hanoi = model.getByTestId('province-row').filter({ hasText: 'Hà Nội' });
    await eventually(() => hanoi.textContent()).toMatch(/1\/\d+ xã đạt · 1 đội/);
    expect(await page.getByTestId('team').count()).toBe(0);
    expect(await sideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'national model')).toEqual([]);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: '/tmp/hn-community-national.png' });
  });
});
