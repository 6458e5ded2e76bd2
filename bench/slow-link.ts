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

type Wire = { total: number; js: number };
function countWire(cdp: CDPSession, ctx: BrowserContext): { take: () => Wire } {
  const types = new Map<string, string>();
  let wire: Wire = { total: 0, js: 0 };
  const urls = new Map<string, string>();
  // What the service worker fetches itself (the page then sees 0 bytes for it): counted from its own requests,
  // body as received (compressed) and headers; a script is a `.js` file.
  ctx.on('requestfinished', (req) => {
    if (!req.serviceWorker()) return;
    void req.sizes().then((s) => {
      const bytes = s.responseBodySize + s.responseHeadersSize;
      if (process.env.SLOW_LINK_DEBUG)
        console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KB (sw) ${req.url()}`);
      wire.total += bytes;
      if (/\.js(\?|$)/.test(new URL(req.url()).pathname)) wire.js += bytes;
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    urls.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (process.env.SLOW_LINK_DEBUG && e.encodedDataLength > 0)
      console.log(`  ${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KB ${urls.get(e.requestId)}`);
    wire.total += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') wire.js += e.encodedDataLength;
  });
  return {
    take: () => {
      const w = wire;
      wire = { total: 0, js: 0 };
      return w;
    },
  };
}

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
  const bytesPerSecond = (LINK.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  const wire = countWire(cdp, ctx);
  page.setDefaultTimeout(120_000);

  let t0 = performance.now();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  const firstVisitMs = performance.now() - t0;
  const firstVisit = wire.take();

  await page.getByLabel(/^Tên đăng nhập/).fill('tnv.bench');
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.waitForTimeout(typingMs);
  const typedJs = wire.take().js; // downloaded while typing: still the volunteer's JavaScript (below)
  t0 = performance.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
  await page.getByText('Trần Văn An').first().waitFor();
  const loginToMyPeopleMs = performance.now() - t0;
  const afterLogin = wire.take();
  afterLogin.js += typedJs;

  t0 = performance.now();
  await page.reload();
  await page.getByRole('heading', { name: 'Người tôi giúp đỡ' }).waitFor();
  await page.getByText('Trần Văn An').first().waitFor();
  const repeatVisitMs = performance.now() - t0;
  const repeat = wire.take();
  await ctx.close();
  return {
    firstVisitMs,
    firstVisitKB: firstVisit.total / 1024,
    loginToMyPeopleMs,
    volunteerFirstScreenJsKB: (firstVisit.js + afterLogin.js) / 1024,
    repeatVisitMs,
    repeatVisitKB: repeat.total / 1024,
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
