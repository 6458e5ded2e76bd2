import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Community work on a phone (360 × 740): a volunteer sees only their people, logs a contact in a few taps and
// finds the next contact on their task list; a commune officer assigns a person to a volunteer and sees the
// gap list shrink. Axe on the volunteer pages; no page scrolls sideways at 360 px.

const BA_DINH = '00004';
const PHONE = { width: 360, height: 740 };

const pad = (n: number) => String(n).padStart(2, '0');
/** A date n days ahead in Vietnam, dd/mm/yyyy (the browser runs in Asia/Ho_Chi_Minh). */
const vnDmy = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};
const vnIso = (days = 0) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe('community work on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let password = '';
  const contexts: BrowserContext[] = [];
  const mine = 'Phạm Văn Được Giúp';
  const notMine = 'Hoàng Thị Người Khác';
  const toAssign = 'Đinh Văn Chờ Phân Công';
  const helper = 'Trần Văn Tình Nguyện';

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

  /** Seeds through the API as a user (steps the journeys do not test). */
  async function apiAs(username: string) {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    contexts.push(ctx);
    const res = await ctx.request.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    const { csrfToken } = await res.json();
    return async (path: string, data: unknown) => {
      const r = await ctx.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
      const body = await r.text();
      expect(r.status(), `POST ${path}: ${body}`).toBeLessThan(300);
      return JSON.parse(body);
    };
  }

  const noSideScroll = (page: Page) =>
    page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);

  beforeAll(async () => {
    server = await startServer();
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.congdong');
    await server.addUser('volunteer', 'commune', BA_DINH, 'tnv.hoa');
    await server.addUser('volunteer', 'commune', BA_DINH, 'tnv.binh');
    await server.addUser('province_officer', 'province', '01', 'canbo.tinh');
    browser = await launchBrowser();
    const post = await apiAs('canbo.congdong');
    const person = async (fullName: string, n: number) =>
      (
        await post('/api/people', {
          fullName,
          sex: 'male',
          birthYear: 1980 + n,
          phone: `091234567${n}`,
          currentAddress: { communeCode: BA_DINH, detail: `Tổ ${n}, phố Đội Cấn` },
          confirmPossibleDuplicate: true,
        })
      ).id as string;
    const team = await post('/api/community/teams', {
      name: 'Đội công tác xã hội tình nguyện phường Ba Đình',
      establishedOn: '2024-01-05',
    });
    const account = await server.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tnv.hoa')
      .executeTakeFirstOrThrow();
    const hoa = await post('/api/community/volunteers', {
      teamId: team.id,
      fullName: 'Nguyễn Thị Hoa',
      organisation: 'womens_union',
      joinedOn: '2024-01-05',
      userId: account.id,
    });
    await post('/api/community/volunteers', {
      teamId: team.id,
      fullName: helper,
      organisation: 'youth_union',
      joinedOn: '2024-02-01',
    });
    const mineId = await person(mine, 1);
    await person(notMine, 2);
    await person(toAssign, 3);
    await post('/api/community/assignments', { volunteerId: hoa.id, personId: mineId, startedOn: vnIso(-3) });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('a volunteer sees only their people, logs a contact, and finds the next contact on their tasks', async () => {
    const page = await phonePage();
    await login(page, 'tnv.hoa', password);
    // Lands on "my people": exactly their one person.
    await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
    await eventually(() => page.getByTestId('my-person-card').count()).toBe(1);
    await expect(page.getByTestId('my-people').textContent()).resolves.toContain(mine);
    await expect(page.content()).resolves.not.toContain(notMine);
    await expect(page.getByTestId('my-people').textContent()).resolves.toContain('Chưa hẹn liên hệ tiếp');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'my people')).toEqual([]);
    if (process.env.E2E_SHOTS)
      await page.screenshot({ path: '/tmp/hn-community-my-people.png', fullPage: true });

    // The person card: log a contact in a few taps (kind, outcome, a note; the dates are preset).
    const started = Date.now();
    await page.getByRole('link', { name: 'Ghi liên hệ' }).click();
    await page.getByTestId('my-person-name').waitFor();
    await page.getByRole('radio', { name: 'Gọi điện' }).click();
    await page.getByRole('radio', { name: 'Đã gặp, trao đổi được' }).click();
    await field(page, 'Ghi chú ngắn (không bắt buộc)').fill('Gọi hỏi thăm, ổn định, đang đi làm');
    await expect(field(page, 'Hẹn liên hệ tiếp theo').inputValue()).resolves.toBe(vnDmy(7));
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'person card')).toEqual([]);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: '/tmp/hn-community-card.png', fullPage: true });
    await page.getByRole('button', { name: 'Lưu liên hệ' }).click();
    await expect(page.getByTestId('contact-saved').textContent()).resolves.toContain(vnDmy(7));
    console.info(`contact logged in ${((Date.now() - started) / 1000).toFixed(1)} s of scripted taps`);
    await eventually(() => page.getByTestId('my-notes').textContent()).toContain('Gọi hỏi thăm');
    await eventually(() => page.getByTestId('my-next-contact').textContent()).toContain(vnDmy(7));

    // A wrong date: the server's message shows next to the field it names.
    await field(page, 'Hẹn liên hệ tiếp theo').fill(vnDmy(-1));
    await page.getByRole('button', { name: 'Lưu liên hệ' }).click();
    await eventually(() =>
      page.getByText('Ngày liên hệ tiếp theo phải sau ngày liên hệ và không ở quá khứ').count(),
    ).toBe(1);

    // My tasks: the next contact, upcoming, with the person's name and date.
    await page.getByRole('button', { name: /menu|điều hướng/i }).click();
    await page.getByRole('link', { name: 'Việc của tôi' }).click();
    await page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    const upcoming = page.getByTestId('my-tasks-upcoming');
    await expect(upcoming.textContent()).resolves.toContain(mine);
    await expect(upcoming.textContent()).resolves.toContain(vnDmy(7));
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'my tasks')).toEqual([]);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: '/tmp/hn-community-tasks.png', fullPage: true });

    // In English too: the page and the menu switch language.
    await page.getByRole('button', { name: /menu/i }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByRole('link', { name: 'My people' }).click();
    await page.getByRole('heading', { name: 'My people' }).waitFor();
    await eventually(() => page.getByTestId('my-people').textContent()).toContain(
      `Next contact: ${vnDmy(7)}`,
    );

    // The registry is closed to volunteers.
    await page.goto('/people');
    await page.getByText('You may not view this page.').waitFor();
  });

  it('a commune officer assigns a person to a volunteer and sees the gap list update', async () => {
    const page = await phonePage();
    await login(page, 'canbo.congdong', password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/assignments');
    await page.getByRole('heading', { name: 'Phân công giúp đỡ', level: 1 }).waitFor();
    const gapPeople = page.getByTestId('gap-people');
    const gapVolunteers = page.getByTestId('gap-volunteers');
    await eventually(() => gapPeople.textContent()).toContain(toAssign);
    await expect(gapPeople.textContent()).resolves.toContain(notMine);
    await expect(gapPeople.textContent()).resolves.not.toContain(mine);
    await expect(gapVolunteers.textContent()).resolves.toContain(helper);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: `Phân công người này: ${toAssign}` }).click();
    await page.getByRole('combobox', { name: 'Tình nguyện viên' }).click();
    await page.getByRole('option', { name: new RegExp(helper) }).click();
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await expect(page.getByTestId('assigned').textContent()).resolves.toContain(`${helper} → ${toAssign}`);

    await eventually(() => gapPeople.textContent()).not.toContain(toAssign);
    await expect(gapPeople.textContent()).resolves.toContain(notMine);
    await eventually(() => gapVolunteers.textContent()).not.toContain(helper);
    await expect(gapVolunteers.textContent()).resolves.toContain('Tình nguyện viên nào cũng đang giúp đỡ');

    // Ending it asks first; afterwards the volunteer is back on the gap list.
    const card = page.getByTestId('assignment').filter({ hasText: toAssign });
    await card.getByRole('button', { name: 'Kết thúc' }).click();
    const confirm = page.getByRole('dialog', { name: 'Kết thúc phân công' });
    await confirm.getByRole('button', { name: 'Kết thúc' }).click();
    await eventually(() => gapVolunteers.textContent()).toContain(helper);
    await eventually(() => gapPeople.textContent()).toContain(toAssign);

    // The team page lists leader and members at phone width too.
    await page.goto('/community/team');
    await page.getByTestId('team').waitFor();
    await eventually(() => page.getByTestId('volunteer-card').count()).toBe(2);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
  });
  it('a commune officer records team work, clubs, referrals and training; the person page shows the support', async () => {
    const page = await phonePage();
    await login(page, 'canbo.congdong', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    const dialog = (name: string) => page.getByRole('dialog', { name });
    // A Mantine select: its input by label, then the option.
    const choose = async (scope: Locator, label: string, option: string) => {
      await field(scope, label).and(scope.locator('input')).click();
      await page.getByRole('option', { name: option }).click();
    };
    const shot = async (name: string) => {
      expect(await noSideScroll(page), name).toBeLessThanOrEqual(360);
      expect(await seriousViolations(page, name)).toEqual([]);
      if (process.env.E2E_SHOTS)
        await page.screenshot({ path: `/tmp/hn-community-${name}.png`, fullPage: true });
    };

    // A briefing and an outreach event with people reached.
    await page.goto('/community/activities');
    await page.getByTestId('activities-empty').waitFor();
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
    let d = dialog('Ghi hoạt động');
    await field(d, 'Địa điểm').fill('Nhà văn hoá tổ 5');
    await field(d, 'Số người tham gia').fill('9');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
    d = dialog('Ghi hoạt động');
    await choose(d, 'Loại hoạt động', 'Tuyên truyền, tiếp cận');
    await field(d, 'Địa điểm').fill('Chợ Ngọc Hà');
    await field(d, 'Số người được tuyên truyền, tiếp cận').fill('120');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('activity').count()).toBe(2);
    await expect(
      page.getByText('Số người được tuyên truyền, tiếp cận: 120').first().isVisible(),
    ).resolves.toBe(true);
    // The team report for the year so far counts them.
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    const figures = page.getByTestId('team-report-figures');
    await eventually(() => figures.textContent()).toContain('Số buổi giao ban1');
    await expect(figures.textContent()).resolves.toContain('Số lượt người được tuyên truyền120');
    // A correction: the outreach reached 150.
    await page
      .getByTestId('activity')
      .filter({ hasText: 'Chợ Ngọc Hà' })
      .getByRole('button', { name: 'Sửa' })
      .click();
    d = dialog('Sửa hoạt động');
    await field(d, 'Số người được tuyên truyền, tiếp cận').fill('150');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await eventually(() =>
      page.getByTestId('activity').filter({ hasText: 'Chợ Ngọc Hà' }).textContent(),
    ).toContain('Số người được tuyên truyền, tiếp cận: 150');
    await shot('activities');

    // A club with a member and a meeting.
    await page.goto('/community/clubs');
    await page.getByTestId('clubs-empty').waitFor();
    await page.getByRole('button', { name: 'Thành lập CLB' }).click();
    d = dialog('Thành lập CLB');
    await field(d, 'Tên CLB').fill('CLB Hướng tới tương lai');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('link', { name: 'CLB Hướng tới tương lai' }).click();
    await page.getByRole('heading', { name: 'CLB Hướng tới tương lai' }).waitFor();
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    d = dialog('Thêm thành viên');
    await d.getByRole('combobox', { name: 'Người được giúp đỡ' }).fill('Phạm Văn');
    await page.getByRole('option', { name: mine }).click();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Ghi buổi sinh hoạt' }).click();
    d = dialog('Ghi buổi sinh hoạt');
    await field(d, 'Chủ đề').fill('Kỹ năng phòng, chống tái nghiện');
    await d.getByRole('checkbox', { name: mine }).check();
    await field(d, 'Khách mời').fill('2');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByText('3 người tham dự').waitFor();
    await shot('club');

    // A partner, a referral to a job, moved to started with the employer and start date.
    await page.goto('/community/partners');
    await page.getByRole('button', { name: 'Thêm đối tác' }).click();
    d = dialog('Thêm đối tác');
    await field(d, 'Tên đối tác').fill('Hợp tác xã May Ba Đình');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Giới thiệu một người' }).click();
    d = dialog('Giới thiệu một người');
    await d.getByRole('combobox', { name: 'Người được giới thiệu' }).fill('Phạm Văn');
    await page.getByRole('option', { name: mine }).click();
    await choose(d, 'Đối tác', 'Hợp tác xã May Ba Đình');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    const referral = page.getByTestId('referral').filter({ hasText: mine });
    await referral.getByRole('button', { name: 'Cập nhật' }).click();
    d = page.getByRole('dialog', { name: /^Cập nhật trạng thái, kết quả/ });
    await choose(d, 'Trạng thái mới', 'Được nhận');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => referral.textContent()).toContain('Được nhận');
    await referral.getByRole('button', { name: 'Cập nhật' }).click();
    d = page.getByRole('dialog', { name: /^Cập nhật trạng thái, kết quả/ });
    await field(d, 'Nơi làm việc').fill('Xưởng may Đội Cấn');
    await field(d, 'Ngày bắt đầu làm').fill(vnDmy(0));
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => referral.textContent()).toContain('Xưởng may Đội Cấn');
    await shot('partners');

    // A training attended by a volunteer.
    await page.goto('/community/training');
    await page.getByRole('button', { name: 'Ghi lớp tập huấn' }).click();
    d = dialog('Ghi lớp tập huấn');
    await field(d, 'Tên lớp, nội dung').fill('Kỹ năng tư vấn cho tình nguyện viên');
    await d.getByRole('checkbox', { name: 'Nguyễn Thị Hoa' }).check();
    await d.getByRole('checkbox', { name: 'Người thử canbo.congdong' }).check();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByText('2 người tham gia').waitFor();
    await eventually(() => page.getByText(/Cán bộ: 1\/1/).count()).toBe(1);
    await shot('training');

    // The person page: everything the person received.
    await page.goto('/people');
    await page.getByRole('link', { name: mine }).click();
    const support = page.getByTestId('person-support');
    await eventually(() => support.textContent()).toContain('Nguyễn Thị Hoa');
    await expect(support.textContent()).resolves.toContain('CLB Hướng tới tương lai');
    await expect(support.textContent()).resolves.toContain('Hợp tác xã May Ba Đình');
    await expect(support.textContent()).resolves.toContain('· 1 việc làm ·');
    await shot('person-support');
    // Officers log a contact from the person page too.
    await support.getByRole('button', { name: 'Ghi liên hệ' }).click();
    await support.getByRole('button', { name: 'Lưu liên hệ' }).click();
    await support.getByTestId('contact-saved').waitFor();
    await eventually(() => support.textContent()).toContain('Thăm hỏi tại nhà · Đã gặp, trao đổi được');
    // The team: link the second volunteer to their account (so it sees their people).
    await page.goto('/community/team');
    await page.getByTestId('team').waitFor();
    const card = page.getByTestId('volunteer-card').filter({ hasText: helper });
    await card.getByRole('button', { name: helper }).click();
    await card.getByText(/Tập huấn đã tham gia/).waitFor();
    await field(card, 'Tài khoản tình nguyện viên (để xem người mình giúp đỡ)').selectOption({
      label: 'Người thử tnv.binh (tnv.binh)',
    });
    await eventually(
      async () =>
        (
          await server.deps.database.db
            .selectFrom('community_volunteers')
            .select('user_id')
            .where('full_name', '=', helper)
            .executeTakeFirstOrThrow()
        ).user_id,
    ).not.toBeNull();
    // The leader, chosen among the active members.
    await choose(page.getByTestId('team'), 'Đội trưởng', 'Nguyễn Thị Hoa');
    await eventually(() =>
      page.getByTestId('volunteer-card').filter({ hasText: 'Nguyễn Thị Hoa' }).textContent(),
    ).toContain('Đội trưởng');
    await shot('team');
    await page.goto('/community/assignments');
    await page.getByTestId('gap-people').waitFor();
    await shot('assignments');
  });

  it('a province officer sees which communes have the volunteer model', async () => {
    const page = await phonePage();
    await login(page, 'canbo.tinh', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto('/community/team');
    const model = page.getByTestId('province-model');
    await eventually(() => model.textContent()).toMatch(/1\/\d+ xã, phường có mô hình tình nguyện viên/);
    await page.getByTestId('team').waitFor();
    expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page, 'province team')).toEqual([]);
  });
});
