import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { e2eTotp } from './totp.ts';

/** Debian's Chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    // Dialogs open without a fade (the theme respects reduced motion), so checks never read them half-drawn.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The input labelled exactly `label` (a required field's label ends with " *"). */
export const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${escapeRe(label)}( \\*)?$`));

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await field(page, 'Tên đăng nhập').fill(username);
  await field(page, 'Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await typeSecondFactor(page, username);
}

/** For a user the fixtures enrolled (e2e/support/totp.ts): the code step after the password. */
export async function typeSecondFactor(page: Page, username: string) {
  if (!e2eTotp.has(username)) return;
  const heading = page.getByRole('heading', { name: 'Xác thực hai bước' });
  // A refused password shows an alert on the login page instead.
  await heading.or(page.getByRole('alert')).first().waitFor();
  if (!(await heading.isVisible())) return;
  await field(page, 'Mã xác thực').fill(await e2eTotp.code(username));
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await heading.waitFor({ state: 'detached' });
}

/** The forced first-password screen: replaces the given password with a new one. */
export async function changeFirstPassword(page: Page, current: string, next: string) {
  await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
  await field(page, 'Mật khẩu hiện tại').fill(current);
  await field(page, 'Mật khẩu mới').fill(next);
  await field(page, 'Nhập lại mật khẩu mới').fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  // The blank page CI once showed here instead of the login page was the signed-in shell throwing when the
  // session ended under it (useSession, apps/web/src/api/session.ts; e2e/logout.test.ts): fixed, so one click.
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 30_000 });
}

/** Picks an option of a Mantine (searchable) select by typing into it. */
export async function pick(page: Page, scope: Page | Locator, label: string, typed: string, option: string) {
  const input = field(scope, label);
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}
