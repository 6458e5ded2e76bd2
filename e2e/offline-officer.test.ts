import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { deviceData, newPhoneContext, serviceWorkerReady } from './support/offline.ts';
import { startServer, type TestServer } from './support/server.ts';
import { e2eTotp } from './support/totp.ts';

// The commune police without a connection (Chromium, 360 × 740), against the real server (SQLite, or PostgreSQL
// with DATABASE_URL): the work list and a person opened online read offline; three management contacts and a drug
// test recorded offline wait on the phone through a reload and a closed page, and are sent exactly once each when
// the connection returns; what needs the server says so; an entry whose person a colleague edited meanwhile lands
// in the conflict inbox beside the record as it is now, is applied anyway, and the audit log says so; logout
// leaves neither IndexedDB databases nor caches.

const BA_DINH = '00004';
const vnIso = (days = 0) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const PERSON = 'Hà Văn Vùng Sâu';

describe('offline work of the commune police', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let personId = '';
  let episodeId = '';
  let officer: APIRequestContext;
  let officerCsrf = '';

  const db = () => server.deps.database.db;
  const contactsNow = async () =>
    (
      await db()
        .selectFrom('episode_contacts')
        .select('summary')
        .where('episode_id', '=', episodeId)
        .execute()
    )
      .map((r) => r.summary)
      .sort();
  const testsNow = async () =>
    (await db().selectFrom('drug_tests').select('id').where('person_id', '=', personId).execute()).length;

  async function apiLogin(username: string) {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    const res = await ctx.request.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    let body = await res.json();
    if (body.secondFactor === 'code') {
      const v = await ctx.request.post('/api/auth/totp/verify', {
        data: { code: await e2eTotp.code(username) },
        headers: { 'x-csrf-token': body.csrfToken },
      });
      expect(v.status(), await v.text()).toBe(200);
      body = await v.json();
    }
    return { request: ctx.request, csrf: body.csrfToken as string };
  }

  beforeAll(async () => {
    server = await startServer();
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_police', 'commune', BA_DINH, 'congan.ngoaituyen');
    await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.ngoaituyen');
    await server.addUser('auditor', 'nation', null, 'kiemtra.ngoaituyen');
    browser = await launchBrowser();
    ({ request: officer, csrf: officerCsrf } = await apiLogin('canbo.ngoaituyen'));
    const created = await officer.post('/api/people', {
      data: {
        fullName: PERSON,
        sex: 'male',
        birthDate: '1986-04-09',
        currentAddress: { communeCode: BA_DINH, detail: 'Bản Na, tổ 4' },
        confirmPossibleDuplicate: true,
      },
      headers: { 'x-csrf-token': officerCsrf },
    });
    expect(created.status(), await created.text()).toBe(201);
    personId = (await created.json()).id;
    // Under management, decided by the head of commune police (Law 120/2025) ten days ago.
    const police = await apiLogin('congan.ngoaituyen');
    const episode = await police.request.post(`/api/people/${personId}/episodes`, {
      data: {
        type: 'user_management',
        startDate: vnIso(-10),
        decision: { number: '12/QĐ-CAP', date: vnIso(-10), signer: 'Trưởng Công an phường' },
      },
      headers: { 'x-csrf-token': police.csrf },
    });
    expect(episode.status(), await episode.text()).toBe(201);
    episodeId = (await episode.json()).id;

    context = await newPhoneContext(browser, server.baseUrl);
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const waiting = () => page.getByTestId('outbox-waiting').textContent();
  const dialog = (name: string) => page.getByRole('dialog', { name });
  const episodeCard = () => page.getByTestId('episode-user_management').first();
  const openPerson = async () => {
    await page.goto(`/people/${personId}`);
    await eventually(() => page.getByTestId('person-name').textContent()).toBe(PERSON);
    await episodeCard().waitFor();
  };

  async function recordContact(summary: string) {
    await episodeCard().getByRole('button', { name: 'Ghi buổi gặp quản lý' }).click();
    const d = dialog('Ghi buổi gặp quản lý (hồ sơ pháp lý)');
    await d.getByTestId('kept-offline').waitFor();
    await field(d, 'Nội dung').fill(summary);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('flash-kept').textContent()).toContain('Đã lưu trên máy');
  }

  it('keeps three contacts and a drug test made offline through a reload and a closed page, and sends each once', async () => {
    await login(page, 'congan.ngoaituyen', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await serviceWorkerReady(page);
    // Read once online: the work list and the person's page are kept on the device.
    await page.goto('/tasks');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await openPerson();
    const personUrl = page.url();

    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    for (const n of [1, 2, 3]) await recordContact(`Gặp khi mất mạng số ${n}`);
    await page.getByRole('button', { name: 'Ghi nhận xét nghiệm' }).click();
    const d = dialog('Ghi nhận xét nghiệm chất ma túy');
    await field(d, 'Người thực hiện').fill('Thiếu úy Lò Văn Test');
    await field(d, 'Kết quả: Methamphetamin (ma túy đá)').selectOption({ label: 'Âm tính' });
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.waitFor({ state: 'detached' });
    await eventually(waiting).toBe('Chờ gửi: 4');

    // What needs the server says so instead of spinning: a decision's dialog, the documents, the summary.
    await page.getByRole('button', { name: 'Mở giai đoạn / ra quyết định' }).click();
    const open = dialog('Mở giai đoạn');
    await open.getByTestId('needs-connection').waitFor();
    expect(await open.getByRole('button', { name: 'Lưu' }).isDisabled()).toBe(true);
    await open.getByRole('button', { name: 'Hủy' }).click();
    await episodeCard().getByTestId('documents-need-connection').waitFor();
    expect(await page.getByTestId('person-summary-pdf').isDisabled()).toBe(true);
    expect(await seriousViolations(page, 'officer offline, entries waiting')).toEqual([]);

    // Reload without a connection: the page and the person come from the device, the entries are still there.
    await page.reload();
    await eventually(() => page.getByTestId('person-name').textContent()).toBe(PERSON);
    await eventually(waiting).toBe('Chờ gửi: 4');
    // Close the page and open the app again, still offline; the work list reads too, without the banner.
    await page.close();
    page = await context.newPage();
    await page.goto(personUrl);
    await eventually(() => page.getByTestId('person-name').textContent()).toBe(PERSON);
    await eventually(waiting).toBe('Chờ gửi: 4');
    await page.goto('/tasks');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByTestId('needs-connection').count()).toBe(0);
    // A page that needs the server says so.
    await page.goto('/reports');
    await page.getByTestId('needs-connection').waitFor();
    expect(await contactsNow()).toEqual([]);
    expect(await testsNow()).toBe(0);

    await page.getByTestId('outbox-waiting').click();
    await eventually(() => page.getByTestId('outbox-entry').count()).toBe(4);

    // Back online: each sent once, and the header is clear again.
    await context.setOffline(false);
    await eventually(() => page.getByTestId('outbox-indicator').count()).toBe(0);
    await eventually(() => page.getByTestId('outbox-empty').count()).toBe(1);
    expect(await contactsNow()).toEqual([
      'Gặp khi mất mạng số 1',
      'Gặp khi mất mạng số 2',
      'Gặp khi mất mạng số 3',
    ]);
    expect(await testsNow()).toBe(1);
  });

  it('puts an entry whose person was edited meanwhile in the conflict inbox, applies it anyway, and audits it', async () => {
    await openPerson();
    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    await recordContact('Gặp sau khi hồ sơ được sửa');
    // Meanwhile a colleague edits the person (a new version).
    const current = await (await officer.get(`/api/people/${personId}`)).json();
    const edited = await officer.put(`/api/people/${personId}`, {
      data: {
        fullName: PERSON,
        sex: 'male',
        birthDate: '1986-04-09',
        currentAddress: { communeCode: BA_DINH, detail: 'Bản Na, tổ 4' },
        occupation: 'Làm nương',
        version: current.version,
      },
      headers: { 'x-csrf-token': officerCsrf },
    });
    expect(edited.status(), await edited.text()).toBe(200);
    const newVersion = (await edited.json()).version;

    await context.setOffline(false);
    await eventually(() => page.getByTestId('outbox-conflicts').textContent()).toBe('Cần xem lại: 1');
    expect(await contactsNow()).toHaveLength(3);
    await page.getByTestId('outbox-conflicts').click();
    const entry = page.getByTestId('outbox-entry');
    await eventually(() => entry.getByTestId('outbox-problem').textContent()).toContain(
      'đã được người khác sửa',
    );
    await eventually(() => entry.getByTestId('outbox-current').textContent()).toContain(
      `Phiên bản ${newVersion}`,
    );
    await eventually(() => entry.getByTestId('outbox-current').textContent()).toContain('Làm nương');
    expect(await entry.getByTestId('outbox-versions').textContent()).toContain(
      `phiên bản ${current.version}, hồ sơ nay là phiên bản ${newVersion}`,
    );
    expect(await seriousViolations(page, 'officer conflict inbox')).toEqual([]);

    await entry.getByRole('button', { name: 'Vẫn ghi vào hồ sơ hiện nay' }).click();
    await eventually(() => page.getByTestId('outbox-empty').count()).toBe(1);
    expect((await contactsNow()).filter((s) => s === 'Gặp sau khi hồ sơ được sửa')).toHaveLength(1);

    // The audit log (read through its API by an auditor) says the contact was applied over a change.
    const auditor = await apiLogin('kiemtra.ngoaituyen');
    const log = await auditor.request.get(`/api/audit?entityId=${episodeId}&action=episode.contact`);
    expect(log.status(), await log.text()).toBe(200);
    const items = (await log.json()).items as { details: { offline?: Record<string, unknown> } | null }[];
    expect(items).toHaveLength(4);
    const anyway = items.filter((i) => i.details?.offline?.appliedAnyway === true);
    expect(anyway).toHaveLength(1);
    expect(anyway[0]!.details!.offline).toEqual({
      basedOn: { kind: 'person', id: personId, version: newVersion },
      appliedAnyway: true,
      conflictedVersion: current.version,
    });
  });

  it('leaves no IndexedDB database and no cache after logout', async () => {
    await openPerson();
    const before = await deviceData(page);
    expect(before.databases).toContain('hoanhap-offline');
    expect(before.caches).toContain('hn-data-v1');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    const left = await deviceData(page);
    expect(left.databases).toEqual([]);
    expect(left.caches).toEqual([]);
  });
});
