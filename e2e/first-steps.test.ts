import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// A new administrator's first steps: each step done or not from real counts, and the next one named.

describe('first steps of a new administrator', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('system_admin', 'nation', null, 'qt.first');
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await login(page, 'qt.first', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the steps from real counts and links to each', async () => {
    await page.getByRole('link', { name: 'Bước đầu' }).click();
    await page.getByRole('heading', { name: 'Các bước đầu khi bắt đầu dùng' }).waitFor();
    const api = await page.request.get('/api/setup/first-steps');
    const data = (await api.json()) as {
      steps: { key: string; done: boolean; count: number }[];
      next: string;
    };
    for (const s of data.steps) {
      const card = page.getByTestId(`first-step-${s.key}`);
      await card.getByText(`Hiện có: ${s.count}`).waitFor();
      await card.getByText(s.done ? 'Đã xong' : 'Chưa làm').waitFor();
    }
    expect(await page.getByTestId('first-steps-next').textContent()).toMatch(
      /^Bước tiếp theo: |^Đã xong tất cả/,
    );
    expect(await seriousViolations(page, 'first steps')).toEqual([]);
    await page.getByRole('link', { name: 'Mở trang: Nhập người dùng (cán bộ tỉnh, xã, cơ sở)' }).click();
    await page.waitForURL('**/users');
  });

  it('a province officer sees the steps counted in their province; the administrator’s steps have no link', async () => {
    const password = await server.addUser('province_officer', 'province', '01', 'pc04.hanoi');
    await server.addUser('commune_officer', 'commune', '00004', 'xa.badinh');
    const ctx = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const p = await ctx.newPage();
      await login(p, 'pc04.hanoi', password);
      await p.getByTestId('current-user').waitFor();
      await p.getByRole('link', { name: 'Bước đầu' }).click();
      await p.getByRole('heading', { name: 'Các bước đầu khi bắt đầu dùng' }).waitFor();
      await p
        .getByTestId('first-steps-scope')
        .getByText(/^Số liệu của .*Hà Nội/)
        .waitFor();
      const data = (await (await p.request.get('/api/setup/first-steps')).json()) as {
        scope: { kind: string; code: string };
        steps: { key: string; done: boolean; count: number; canAct: boolean }[];
      };
      expect(data.scope).toEqual({ kind: 'province', code: '01' });
      // The province officer and the commune officer of Ba Đình; not the nation's administrator.
      expect(data.steps.find((s) => s.key === 'users')?.count).toBe(2);
      for (const s of data.steps) {
        const card = p.getByTestId(`first-step-${s.key}`);
        await card.getByText(`Hiện có: ${s.count}`).waitFor();
        expect(await card.getByRole('link').count()).toBe(s.canAct ? 1 : 0);
        if (!s.canAct) await card.getByText('Do quản trị viên hệ thống hoặc cán bộ xã thực hiện').waitFor();
      }
      expect(await seriousViolations(p, 'first steps: province officer')).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
