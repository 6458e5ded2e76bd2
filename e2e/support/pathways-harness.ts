import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { field, launchBrowser, login, logout, newContext } from './browser.ts';
import { eventually } from './eventually.ts';
import { startServer, type TestServer } from './server.ts';

// Shared by the legal-pathway browser tests (pathways-*.test.ts): a real server (SQLite, or PostgreSQL with
// DATABASE_URL) whose clock the test moves, a public rehab facility, the Ba Đình commune officer and police
// and the facility's staff, one browser page, and the helpers the journeys use.

export const BA_DINH = '00004';
export const FACILITY_NAME = 'Cơ sở cai nghiện ma túy số 2 Hà Nội';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type PathwaysHarness = ReturnType<typeof pathwaysHarness>;
export type ApiClient = Awaited<ReturnType<PathwaysHarness['apiAs']>>;

/**
 * Call once at the top of a describe block: registers the beforeAll/afterAll that start and stop the server
 * and the browser. `page` and `facilityId` are set once beforeAll has run (read them inside tests).
 */
export function pathwaysHarness() {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clock = new Date();
  let facilityId = '';
  let password = '';
  let current: string | null = null;
  const seeders: BrowserContext[] = [];

  /** Moves the server's clock to 10:00 (Vietnam) on a date. */
  const setToday = (date: string) => {
    clock = new Date(`${date}T03:00:00.000Z`);
  };

  /** An API client logged in as a user (for the steps seeded through the API). */
  async function apiAs(username: string) {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    seeders.push(ctx);
    const req: APIRequestContext = ctx.request;
    const res = await req.post('/api/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    const { csrfToken } = await res.json();
    const call = async (method: 'POST' | 'PUT', path: string, data: unknown) => {
      const r = await req.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
      const body = await r.text();
      expect(r.status(), `${method} ${path}: ${body}`).toBeLessThan(300);
      return JSON.parse(body);
    };
    const upload = async (path: string) => {
      const r = await req.post(path, {
        multipart: { file: { name: 'tai-lieu.pdf', mimeType: 'application/pdf', buffer: PDF } },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(r.status(), await r.text()).toBe(201);
    };
    return { post: (path: string, data: unknown) => call('POST', path, data), upload };
  }

  async function as(username: string) {
    if (current === username) return;
    if (current) await logout(page);
    try {
      await login(page, username, password);
    } catch (e) {
      await page.screenshot({ path: '/tmp/hn-pw-login-fail.png', fullPage: true });
      console.log(await page.content());
      throw e;
    }
    await page.getByTestId('current-user').waitFor();
    current = username;
  }

  async function openPerson(id: string) {
    await page.goto(`/people/${id}`);
    await page.getByTestId('person-name').waitFor();
    await page.getByTestId('derived-status').waitFor();
  }

  const dialog = (name: string) => page.getByRole('dialog', { name });
  const flash = (testId: string) => page.getByTestId(testId);
  const statusText = () => page.getByTestId('derived-status').textContent();
  const episodeCard = (type: string) => page.getByTestId(`episode-${type}`).first();
  const fillDate = (scope: Locator, label: string, dmy: string) => field(scope, label).fill(dmy);

  /** Uploads a small PDF for a checklist item of the only person of the open dossier. */
  async function uploadDoc(kind: string) {
    const before = await page.getByRole('link', { name: /^Tải xuống/ }).count();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: new RegExp(`^Tải lên: ${escapeRe(kind)} — `) }).click(),
    ]);
    await chooser.setFiles({ name: 'tai-lieu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually(() => page.getByRole('link', { name: /^Tải xuống/ }).count()).toBe(before + 1);
  }

  async function openEpisodeDialog() {
    await page.getByRole('button', { name: 'Mở giai đoạn / ra quyết định' }).click();
    const d = dialog('Mở giai đoạn');
    await d.waitFor();
    return d;
  }

  beforeAll(async () => {
    server = await startServer();
    server.deps.now = () => new Date(clock);
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    facilityId = randomUUID();
    const at = new Date().toISOString();
    await server.deps.database.db
      .insertInto('facilities')
      .values({
        id: facilityId,
        name: FACILITY_NAME,
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
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.badinh');
    await server.addUser('commune_police', 'commune', BA_DINH, 'congan.badinh');
    await server.addUser('facility_staff', 'facility', facilityId, 'canbo.coso2');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
  });
  afterAll(async () => {
    for (const c of seeders) await c.close();
    await browser?.close();
    await server?.close();
  });

  return {
    get page() {
      return page;
    },
    get facilityId() {
      return facilityId;
    },
    setToday,
    apiAs,
    as,
    openPerson,
    dialog,
    flash,
    statusText,
    episodeCard,
    fillDate,
    uploadDoc,
    openEpisodeDialog,
  };
}
