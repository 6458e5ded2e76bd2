import { randomUUID } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { field, launchBrowser, login, logout, newContext } from './browser.ts';
import { startServer } from './server.ts';

// Shared by the facility browser tests (e2e/facility*.test.ts): the real server with a movable clock, one
// browser page, the Ba Đình commune officer, facilities and API clients for the steps seeded through the API.

export const BA_DINH = '00004';
export type FacilityBrowser = Awaited<ReturnType<typeof facilityBrowser>>;

export async function facilityBrowser() {
  const server = await startServer();
  let clock = new Date();
  server.deps.now = () => new Date(clock);
  (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
  const password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.badinh');
  const browser = await launchBrowser();
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  let current: string | null = null;
  const contexts: { close: () => Promise<void> }[] = [];

  return {
    server,
    browser,
    page,
    password,
    /** Moves the server's clock to 10:00 (Vietnam) on a date. */
    setToday: (date: string) => {
      clock = new Date(`${date}T03:00:00.000Z`);
    },
    /** A public facility of Hà Nội. */
    addFacility: async (name: string) => {
      const id = randomUUID();
      const at = new Date().toISOString();
      await server.deps.database.db
        .insertInto('facilities')
        .values({
          id,
          name,
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
      return id;
    },
    /** Logs the page in as a user (logging out whoever was in). */
    as: async (username: string) => {
      if (current === username) return;
      if (current) await logout(page);
      await login(page, username, password);
      await page.getByTestId('current-user').waitFor();
      current = username;
    },
    /** An API client logged in as a user, for the steps seeded through the API. */
    apiAs: async (username: string) => {
      const ctx = await browser.newContext({ baseURL: server.baseUrl });
      contexts.push(ctx);
      const res = await ctx.request.post('/api/auth/login', { data: { username, password } });
      expect(res.status(), await res.text()).toBe(200);
      const { csrfToken } = await res.json();
      return {
        post: async (path: string, data: unknown) => {
          const r = await ctx.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
          const body = await r.text();
          expect(r.status(), `POST ${path}: ${body}`).toBeLessThan(300);
          return JSON.parse(body);
        },
        put: async (path: string, data: unknown) => {
          const r = await ctx.request.put(path, { data, headers: { 'x-csrf-token': csrfToken } });
          const body = await r.text();
          expect(r.status(), `PUT ${path}: ${body}`).toBeLessThan(300);
          return JSON.parse(body);
        },
      };
    },
    dialog: (name: string) => page.getByRole('dialog', { name }),
    nav: (name: string) =>
      page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name }),
    fillDate: (scope: Locator, label: string, dmy: string) => field(scope, label).fill(dmy),
    /** A full-page screenshot of a failed test, to look at afterwards. */
    screenshotOnFailure: async (task: { id: string; result?: { state?: string } }) => {
      if (task.result?.state === 'fail')
        await page.screenshot({ path: `/tmp/hn-pw-facility-failed-${task.id}.png`, fullPage: true });
    },
    close: async () => {
      // Leave the app first, so that no request is still running on the server when its database goes.
      await page.goto('about:blank').catch(() => {});
      for (const c of contexts) await c.close();
      await browser.close();
      await server.close();
    },
  };
}
