// The field on a slow mobile link: Chromium (Debian's) at 360×740 with its network emulation at 400 kbit/s down
// and up and 400 ms round trip, against the real server over loopback, serving the built web app
// (`npm run build:web` first). Prints, for a volunteer:
//   - first visit to the login page (empty cache) until the login form is usable, and the bytes it took;
//   - login → "Người tôi giúp đỡ" shown, and the JavaScript downloaded up to there (compressed bytes on the wire);
//   - a repeat visit (the same browser, reload of that page) until the page is shown again.
// npx tsx bench/slow-link.ts [--runs N] [--typing-ms MS]   (DATABASE_URL picks PostgreSQL, as in the tests)
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { startServer } from '../e2e/support/server.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const runs = Number(arg('--runs')) || 3;
// A person types a username and a password on a phone in well over 6 s; the app uses that time to fetch the
// signed-in part. `--typing-ms 0` measures a login submitted the instant the form appears.
const typingMs = Number(arg('--typing-ms') ?? 6000);
const LINK = { latencyMs: 400, kbitPerSecond: 400 };
const BA_DINH = '00004';

const server = await startServer();
const password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.bench');
await server.addUser('volunteer', 'commune', BA_DINH, 'tnv.bench');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const bytesPerSecond = (LINK.kbitPerSecond * 1000) / 8;
const SLOW = {
  offline: false,
  latency: LINK.latencyMs,
  downloadThroughput: bytesPerSecond,
  uploadThroughput: bytesPerSecond,
};

// The page's network emulation does not cover what its service worker fetches (the app's worker fetches the
// pages' code and the volunteer's data): every service worker gets the same slow link, through the browser's
// own CDP connection (attached as soon as the worker appears; its very first fetch may be missed).
{
  const root = await browser.newBrowserCDPSession();
  let id = 0;
  const sendTo = (sessionId: string, method: string, params: object) =>
    root.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: ++id, method, params }),
    });
  root.on('Target.targetCreated', async ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker') return;
    try {
      const { sessionId } = await root.send('Target.attachToTarget', {
        targetId: targetInfo.targetId,
        flatten: false,
      });
      await sendTo(sessionId, 'Network.enable', {});
      await sendTo(sessionId, 'Network.emulateNetworkConditions', SLOW);
    } catch (e) {
      console.warn('service worker not throttled:', (e as Error).message);
    }
  });
  await root.send('Target.setDiscoverTargets', { discover: true });
}

// The volunteer's world: a team, the volunteer's account linked, two people assigned.
{
  const ctx = await browser.newContext({ baseURL: server.baseUrl });
  const login = await ctx.request.post('/api/auth/login', { data: { username: 'canbo.bench', password } });
  const { csrfToken } = await login.json();
  const post = async (url: string, data: unknown) => {
    const r = await ctx.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
    if (r.status() >= 300) throw new Error(`${url}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const team = await post('/api/community/teams', {
    name: 'Đội tình nguyện phường Ba Đình',
    establishedOn: '2024-01-05',
  });
  const account = await server.deps.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'tnv.bench')
    .executeTakeFirstOrThrow();
  const volunteer = await post('/api/community/volunteers', {
    teamId: team.id,
    fullName: 'Nguyễn Thị Hoa',
    organisation: 'womens_union',
    joinedOn: '2024-01-05',
    userId: account.id,
  });
  for (const [i, fullName] of ['Trần Văn An', 'Lê Văn Bình'].entries()) {
    const person = await post('/api/people', {
      fullName,
      sex: 'male',
      birthYear: 1985 + i,
      currentAddress: { communeCode: BA_DINH, detail: `Tổ ${i + 1}, phố Đội Cấn` },
      confirmPossibleDuplicate: true,
    });
    await post('/api/community/assignments', {
      volunteerId: volunteer.id,
      personId: person.id,
      startedOn: '2026-11-01',
    });
  }
  await ctx.close();
}

// Every response on the wire: when its request started (epoch ms), its bytes (compressed body and headers, from
// Chromium's own accounting) and whether it is a script. The figures below sum them by when they were asked for:
// what a screen needed was asked for before that screen showed; what the app fetches in the background after
// it (the full app kept for offline use) belongs to the next step.
type Entry = { start: number; bytes: number; js: boolean; url: string };
function recordWire(cdp: CDPSession, ctx: BrowserContext) {
  const entries: Entry[] = [];
  const pending: Promise<unknown>[] = [];
  const started = new Map<string, number>();
  const types = new Map<string, string>();
  const urls = new Map<string, string>();
  // What the service worker fetches itself (the page then sees 0 bytes for it): from the worker's own requests;
  // a script is a `.js` file.
  ctx.on('requestfinished', (req) => {
    if (!req.serviceWorker()) return;
    pending.push(
      req
        .sizes()
        .then((s) => {
          const url = req.url();
          entries.push({
            start: req.timing().startTime,
            bytes: s.responseBodySize + s.responseHeadersSize,
            js: /\.js$/.test(new URL(url).pathname),
            url: `(sw) ${url}`,
          });
        })
        .catch(() => undefined),
    );
  });
  cdp.on('Network.requestWillBeSent', (e) => {
    started.set(e.requestId, e.wallTime * 1000);
    urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    entries.push({
      start: started.get(e.requestId) ?? Date.now(),
      bytes: e.encodedDataLength,
      js: types.get(e.requestId) === 'Script',
      url: urls.get(e.requestId) ?? '',
    });
  });
  return {
    // A worker's request whose worker has gone may never answer its sizes: wait a little, not forever.
    settle: () => Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, 3000))]),
    sum: (from: number, to: number, jsOnly = false) => {
      let n = 0;
      for (const e of entries) {
        if (e.start < from || e.start >= to || (jsOnly && !e.js)) continue;
        n += e.bytes;
        if (process.env.SLOW_LINK_DEBUG && e.bytes > 0)
          console.log(`  ${(e.bytes / 1024).toFixed(1).padStart(6)} KB ${e.url}`);
      }
      return n;
    },
  };
}

/** The moment (page clock, epoch ms) the volunteer's list shows its first person, seen from inside the page. */
// (A string: the bench runs through tsx, whose helpers do not exist in the page.)
const watchMyPeople = (page: Page) =>
  page.evaluate(`(() => {
    window.__shown = 0;
    const check = () => {
      if (window.__shown) return;
      const h1 = [...document.querySelectorAll('h1')].some((h) => h.textContent === 'Người tôi giúp đỡ');
      if (h1 && document.body.textContent.includes('Trần Văn An')) window.__shown = Date.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
const shownAt = (page: Page) => page.evaluate<number>('window.__shown');

async function oneRun() {
  const ctx = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page: Page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  const wire = recordWire(cdp, ctx);
  page.setDefaultTimeout(120_000);

  const visitAt = Date.now();
  let t0 = performance.now();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  const firstVisitMs = performance.now() - t0;
  const loginShownAt = Date.now();

  await page.getByLabel(/^Tên đăng nhập/).fill('tnv.bench');
  await page.getByLabel(/^Mật khẩu/).fill(password);
  // Downloaded while typing: still the volunteer's JavaScript (below).
  await page.waitForTimeout(typingMs);
  await watchMyPeople(page);
  t0 = performance.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
  await page.getByText('Trần Văn An').first().waitFor();
  const loginToMyPeopleMs = performance.now() - t0;
  const myPeopleShownAt = (await shownAt(page)) || Date.now();

  const reloadAt = Date.now();
  t0 = performance.now();
  await page.reload();
  await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
  await page.getByText('Trần Văn An').first().waitFor();
  const repeatVisitMs = performance.now() - t0;
  await page.waitForTimeout(500);
  await wire.settle();
  await ctx.close();
  const kb = (n: number) => n / 1024;
  if (process.env.SLOW_LINK_DEBUG) console.log('--- first visit');
  const firstVisitKB = kb(wire.sum(visitAt, loginShownAt));
  if (process.env.SLOW_LINK_DEBUG) console.log('--- volunteer JS up to my people');
  const volunteerFirstScreenJsKB = kb(wire.sum(visitAt, myPeopleShownAt, true));
  if (process.env.SLOW_LINK_DEBUG) console.log('--- repeat visit');
  const repeatVisitKB = kb(wire.sum(reloadAt, Number.POSITIVE_INFINITY));
  return {
    firstVisitMs,
    firstVisitKB,
    loginToMyPeopleMs,
    volunteerFirstScreenJsKB,
    repeatVisitMs,
    repeatVisitKB,
  };
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await oneRun());
await browser.close();
await server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const keys = Object.keys(results[0]!) as (keyof (typeof results)[0])[];
const budget: Partial<Record<(typeof keys)[number], number>> = {
  firstVisitMs: 5000,
  loginToMyPeopleMs: 3000,
  repeatVisitMs: 1000,
  volunteerFirstScreenJsKB: 120,
};
console.log(
  `slow link ${LINK.kbitPerSecond} kbit/s, ${LINK.latencyMs} ms RTT, ${runs} runs, typing ${typingMs} ms, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
);
for (const k of keys) {
  const m = median(results.map((r) => r[k]));
  const b = budget[k];
  console.log(
    `${k.padEnd(26)} median ${m.toFixed(k.endsWith('KB') ? 1 : 0).padStart(8)}  runs ${results
      .map((r) => r[k].toFixed(0))
      .join(' / ')}${b === undefined ? '' : `  budget ${b} ${m <= b ? '✓' : '✗'}`}`,
  );
}
