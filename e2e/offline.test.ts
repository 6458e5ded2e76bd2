import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { deviceData, newPhoneContext, serviceWorkerReady } from './support/offline.ts';
import { startServer, type TestServer } from './support/server.ts';

// A volunteer without a connection (360 × 740): contacts logged offline wait on the phone ("chờ gửi"), survive a
// reload and the page being closed, and are sent exactly once when the connection returns; one the server can no
// longer accept (the person is no longer theirs) lands among the entries to review, beside the record as it is
// now, and is discarded only after a confirmation; logout leaves nothing of the user on the device.

const BA_DINH = '00004';
const vnIso = (days = 0) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('offline field work', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let personId = '';
  let assignment: { id: string; version: number } = { id: '', version: 0 };
  let officerPost: (path: string, data: unknown) => Promise<any>;
  const person = 'Lò Văn Ngoại Tuyến';

  const contactsOf = async (id: string) =>
    (
      await server.deps.database.db
        .selectFrom('community_contacts')
        .select(['note'])
        .where('person_id', '=', id)
        .execute()
    ).map((r) => r.note);

  beforeAll(async () => {
    server = await startServer();
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.offline');
    await server.addUser('volunteer', 'commune', BA_DINH, 'tnv.offline');
    browser = await launchBrowser();
    const api = await browser.newContext({ baseURL: server.baseUrl });
    const res = await api.request.post('/api/auth/login', { data: { username: 'canbo.offline', password } });
    const { csrfToken } = await res.json();
    officerPost = async (path, data) => {
      const r = await api.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
      const body = await r.text();
      expect(r.status(), `POST ${path}: ${body}`).toBeLessThan(300);
      return JSON.parse(body);
    };
    const team = await officerPost('/api/community/teams', {
      name: 'Đội tình nguyện Ba Đình',
      establishedOn: '2024-01-05',
    });
    const account = await server.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tnv.offline')
      .executeTakeFirstOrThrow();
    const volunteer = await officerPost('/api/community/volunteers', {
      teamId: team.id,
      fullName: 'Vi Thị Tình Nguyện',
      organisation: 'womens_union',
      joinedOn: '2024-01-05',
      userId: account.id,
    });
    personId = (
      await officerPost('/api/people', {
        fullName: person,
        sex: 'male',
        birthYear: 1987,
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 9, phố Đội Cấn' },
        confirmPossibleDuplicate: true,
      })
    ).id;
    assignment = await officerPost('/api/community/assignments', {
      volunteerId: volunteer.id,
      personId,
      startedOn: vnIso(-3),
    });
    context = await newPhoneContext(browser, server.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const waiting = () => page.getByTestId('outbox-waiting').textContent();

  async function logContact(note: string) {
    await field(page, 'Ghi chú ngắn (không bắt buộc)').fill(note);
    await page.getByRole('button', { name: 'Lưu liên hệ' }).click();
    await eventually(() => page.getByTestId('contact-saved').textContent()).toContain('Đã lưu trên máy');
  }

  it('keeps three contacts made offline through a reload and a closed page, and sends each once online', async () => {
    await login(page, 'tnv.offline', password);
    await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
    // The service worker takes the page over; the person's page is read once online so it is on the device.
    await serviceWorkerReady(page);
    await page.getByRole('link', { name: 'Ghi liên hệ' }).click();
    await page.getByTestId('my-person-name').waitFor();
    const personUrl = page.url();

    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    for (const n of [1, 2, 3]) await logContact(`Ghi khi mất mạng số ${n}`);
    await eventually(waiting).toBe('Chờ gửi: 3');
    expect(await seriousViolations(page, 'offline with entries waiting')).toEqual([]);

    // Reload without a connection: the page comes from the device and the entries are still there.
    await page.reload();
    await page.getByTestId('my-person-name').waitFor();
    await eventually(waiting).toBe('Chờ gửi: 3');
    // Close the page and open the app again, still offline.
    await page.close();
    page = await context.newPage();
    await page.goto(personUrl);
    await page.getByTestId('my-person-name').waitFor();
    await eventually(waiting).toBe('Chờ gửi: 3');
    expect(await contactsOf(personId)).toEqual([]);

    // The outbox page lists them, waiting.
    await page.getByTestId('outbox-waiting').click();
    await eventually(() => page.getByTestId('outbox-entry').count()).toBe(3);
    expect(await seriousViolations(page, 'outbox page, offline')).toEqual([]);

    // Back online: sent, once each, and the header is clear again.
    await context.setOffline(false);
    await eventually(() => page.getByTestId('outbox-indicator').count()).toBe(0);
    await eventually(() => page.getByTestId('outbox-empty').count()).toBe(1);
    const notes = (await contactsOf(personId)).sort();
    expect(notes).toEqual(['Ghi khi mất mạng số 1', 'Ghi khi mất mạng số 2', 'Ghi khi mất mạng số 3']);
  });

  it('puts an entry the server refuses among those to review, beside the record now, and discards it on confirmation', async () => {
    await page.goto(`/community/my-people/${personId}`);
    await page.getByTestId('my-person-name').waitFor();
    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    await logContact('Ghi sau khi hết phân công');
    // Meanwhile the officer ends the assignment: the person is no longer this volunteer's.
    await officerPost(`/api/community/assignments/${assignment.id}/end`, {
      version: assignment.version,
      endedOn: vnIso(0),
      reason: 'Chuyển người giúp đỡ khác',
    });
    await context.setOffline(false);
    await eventually(() => page.getByTestId('outbox-conflicts').textContent()).toBe('Cần xem lại: 1');
    await page.getByTestId('outbox-conflicts').click();
    const entry = page.getByTestId('outbox-entry');
    await eventually(() => entry.getByTestId('outbox-problem').count()).toBe(1);
    await eventually(() => entry.getByTestId('outbox-current').textContent()).toContain(
      'Bạn không còn xem được',
    );
    expect(await seriousViolations(page, 'outbox conflict')).toEqual([]);
    // Nothing was written, and the entry stays until the user decides.
    expect(await contactsOf(personId)).toHaveLength(3);
    await entry.getByRole('button', { name: 'Bỏ ghi chép này' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bỏ ghi chép?' });
    await dialog.getByRole('button', { name: 'Bỏ ghi chép này' }).click();
    await eventually(() => page.getByTestId('outbox-empty').count()).toBe(1);
    expect(await contactsOf(personId)).toHaveLength(3);
  });

  it('leaves nothing of the user on the device after logout', async () => {
    await page.goto('/community/my-people');
    await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
    const before = await deviceData(page);
    expect(before.databases).toContain('hoanhap-offline');
    expect(before.caches.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    const left = await deviceData(page);
    expect(left.databases).not.toContain('hoanhap-offline');
    expect(left.caches).toEqual([]);
  });
});
