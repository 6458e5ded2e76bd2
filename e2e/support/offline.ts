import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A phone (360 × 740, touch) in Vietnamese, Vietnam's time zone, without animations: the field tests' device. */
export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Waits until the service worker controls the page (from then on it keeps what the page reads). */
export const serviceWorkerReady = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

/** What the app left on the device: the names of its IndexedDB databases and of its caches. */
export const deviceData = (page: Page) =>
  page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
