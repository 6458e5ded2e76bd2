import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, logout, newContext } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// Compulsory-rehab dossiers beyond the main walk of pathways.test.ts, and the rules administration, in the
// browser against the real server (SQLite, or PostgreSQL with DATABASE_URL): one dossier for several
// people (one removed after a confirmation, management while pending recorded from the dossier, a
// rejection and an exemption, the page in English); a national officer's rules in force with their
// "(verify)" flags, a dated override and its revocation, and the working-day calendar.

const BA_DINH = '00004';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const todayDmy = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

describe('dossiers and legal settings in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clock = new Date();
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
    const post = async (path: string, data: unknown) => {
      const r = await req.fetch(path, { method: 'POST', data, headers: { 'x-csrf-token': csrfToken } });
      const body = await r.text();
      expect(r.status(), `POST ${path}: ${body}`).toBeLessThan(300);
      return JSON.parse(body);
    };
    const upload = async (path: string) => {
      const r = await req.post(path, {
        multipart: { file: { name: 'tai-lieu.pdf', mimeType: 'application/pdf', buffer: PDF } },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(r.status(), await r.text()).toBe(201);
    };
    return { post, upload };
  }

  async function as(username: string) {
    if (current === username) return;
    if (current) await logout(page);
    await login(page, username, password);
    await page.getByTestId('current-user').waitFor();
    current = username;
  }

  const dialog = (name: string) => page.getByRole('dialog', { name });
  const episodeCard = (type: string) => page.getByTestId(`episode-${type}`).first();
  const fillDate = (scope: Locator, label: string, dmy: string) => field(scope, label).fill(dmy);

  beforeAll(async () => {
    server = await startServer();
    server.deps.now = () => new Date(clock);
    (server.deps.config as { sessionIdleMinutes: number }).sessionIdleMinutes = 100_000_000;
    password = await server.addUser('commune_officer', 'commune', BA_DINH, 'canbo.badinh');
    await server.addUser('commune_police', 'commune', BA_DINH, 'congan.badinh');
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

  describe('a dossier for several people, decided differently', () => {
    it('opens one dossier for three people, removes one after a confirmation, and records a rejection and an exemption', async () => {
      setToday('2025-09-01');
      const officerApi = await apiAs('canbo.badinh');
      const policeApi = await apiAs('congan.badinh');
      const people: string[] = [];
      for (const [fullName, birthDate] of [
        ['Đỗ Văn Khải', '1992-04-04'],
        ['Đỗ Văn Lâm', '1993-05-05'],
        ['Đỗ Văn Minh', '1994-06-06'],
      ])
        people.push(
          (
            await officerApi.post('/api/people', {
              fullName,
              sex: 'male',
              birthDate,
              currentAddress: { communeCode: BA_DINH, detail: 'Tổ 9' },
              confirmPossibleDuplicate: true,
            })
          ).id,
        );

      for (const id of people)
        await policeApi.post(`/api/people/${id}/addiction-determinations`, {
          assessedOn: '2025-09-01',
          observations: ['craving', 'loss_of_control', 'withdrawal'].map((criterion) => ({
            criterion,
            from: '2025-07-20',
          })),
          doctor: { name: 'BS. Nguyễn Thị Lan', certificate: 'CCHN-001234' },
          facilityName: 'Trung tâm Y tế phường Ba Đình',
          conclusion: 'addicted',
          substances: ['heroin'],
        });

      await as('congan.badinh');
      await page.goto('/dossiers');
      await page.getByRole('button', { name: 'Lập hồ sơ mới' }).click();
      const d = dialog('Lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await d.getByText('Hãy thêm ít nhất một người vào hồ sơ').waitFor();
      await fillDate(d, 'Ngày lập hồ sơ', '01/09/2025');
      for (const person of ['Đỗ Văn Khải', 'Đỗ Văn Lâm', 'Đỗ Văn Minh']) {
        await field(d, 'Tìm người bị đề nghị (họ tên)').fill(person.toLowerCase());
        await d.getByRole('button', { name: `Thêm vào hồ sơ: ${person}` }).click();
      }
      expect(await d.getByTestId('dossier-picked').count()).toBe(3);
      await d.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('dossier-page').waitFor();
      const dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await eventually(() => page.getByTestId('dossier-person').count()).toBe(3);

      // Management at the family while the court decides, from the dossier (Form 35).
      await page.getByRole('button', { name: 'Ghi nhận quản lý chờ quyết định: Đỗ Văn Khải' }).click();
      const pending = dialog('Mở giai đoạn');
      expect(await field(pending, 'Loại giai đoạn').inputValue()).toBe('compulsory_pending');
      await fillDate(pending, 'Ngày bắt đầu', '01/09/2025');
      await field(pending, 'Người thân cam kết').fill('Đỗ Thị Nga');
      await field(pending, 'Quan hệ').fill('Chị gái');
      await fillDate(pending, 'Ngày ký cam kết', '01/09/2025');
      await pending.getByRole('button', { name: 'Lưu' }).click();
      await eventually(async () =>
        (await pending.getByTestId('server-problem').count())
          ? await pending.getByTestId('server-problem').textContent()
          : await page.getByTestId('dossier-flash').textContent(),
      ).toBe('Đã ghi nhận quản lý Đỗ Văn Khải trong thời gian chờ quyết định');

      const minh = page.getByTestId('dossier-person').filter({ hasText: 'Đỗ Văn Minh' });
      await minh.getByRole('button', { name: 'Bỏ khỏi hồ sơ' }).click();
      const confirm = dialog('Xác nhận bỏ người khỏi hồ sơ');
      expect(await confirm.textContent()).toContain('Bỏ Đỗ Văn Minh khỏi hồ sơ này?');
      await confirm.getByRole('button', { name: 'Bỏ khỏi hồ sơ' }).click();
      await eventually(() => page.getByTestId('dossier-person').count()).toBe(2);

      // Documents and the steps up to the hearing through the API; the decision in the browser.
      const kinds = [
        'violation_record',
        'personal_history',
        'addiction_result',
        'ground_proof',
        'statement',
        'notification_proof',
      ];
      for (const p of people.slice(0, 2))
        for (const kind of kinds)
          await policeApi.upload(`/api/dossiers/${dossierId}/documents?personId=${p}&kind=${kind}`);
      const step = async (path: string, body: Record<string, unknown>) => {
        const cur = (await (await page.request.get(`/api/dossiers/${dossierId}`)).json()) as {
          version: number;
        };
        await policeApi.post(`/api/dossiers/${dossierId}/${path}`, { version: cur.version, ...body });
      };
      await step('notify', { notifiedOn: '2025-09-01' });
      setToday('2025-09-15');
      await step('close-reading', { closedOn: '2025-09-15' });
      await step('submit', { submittedOn: '2025-09-15', courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội' });
      await step('accept', { acceptedOn: '2025-09-15' });
      await step('hearing', { hearingDate: '2025-09-20' });

      setToday('2025-09-22');
      await page.reload();
      const next = page.getByTestId('dossier-next');
      await next.waitFor();
      await fillDate(next, 'Ngày quyết định', '22/09/2025');
      await field(next, 'Quyết định đối với Đỗ Văn Khải').selectOption({ label: 'Không áp dụng biện pháp' });
      await field(next, 'Quyết định đối với Đỗ Văn Lâm').selectOption({ label: 'Miễn chấp hành quyết định' });
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await dialog('Xác nhận quyết định của Tòa án')
        .getByRole('button', { name: 'Ghi nhận quyết định của Tòa án' })
        .click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Tòa án đã quyết định');
      expect(await page.getByTestId('person-outcome').allTextContents()).toEqual([
        'Không áp dụng biện pháp',
        'Miễn chấp hành quyết định',
      ]);
      expect(await page.getByTestId('dossier-nothing-to-execute').isVisible()).toBe(true);
      expect(await seriousViolations(page, 'decided dossier')).toEqual([]);
      // The rejection ends the management while pending.
      await page.getByRole('link', { name: 'Trang của Đỗ Văn Khải' }).click();
      await page.getByTestId('derived-status').waitFor();
      await eventually(() =>
        episodeCard('compulsory_pending').getByTestId('episode-state').textContent(),
      ).toContain('Đã kết thúc');
      await page.goBack();
      await page.getByTestId('dossier-page').waitFor();

      // The same page in English.
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: /^Compulsory-rehab dossier: / }).waitFor();
      expect(await page.getByTestId('person-outcome').allTextContents()).toEqual([
        'Measure not applied',
        'Exempted from execution',
      ]);
      expect(await page.getByTestId('dossier-status').textContent()).toBe('Decided by the court');
      await page.getByText('Tiếng Việt', { exact: true }).click();
      await page.getByRole('heading', { name: /^Hồ sơ đề nghị cai nghiện bắt buộc: / }).waitFor();
    });
  });

  describe('rules administration (national officer)', () => {
    it('shows the rules in force with their basis and (verify) flags, and records a dated override', async () => {
      await server.addUser('national_officer', 'nation', null, 'quantri.quocgia');
      await as('quantri.quocgia');
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Quy định, lịch làm việc' })
        .click();
      await page.getByRole('heading', { name: 'Quy định pháp lý và lịch làm việc', level: 1 }).waitFor();
      const row = page.getByTestId('rule-postRehabDecisionWorkingDays');
      await row.waitFor();
      expect(await row.getByTestId('verify-flag').textContent()).toBe('(cần kiểm tra)');
      // The dossier's reading period is a rule like the others: flagged, and adjustable by this officer.
      const reading = page.getByTestId('rule-compulsoryDossierReadingWorkingDays');
      expect(await reading.textContent()).toContain(
        'Thời hạn đọc hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
      );
      expect(await reading.getByTestId('verify-flag').textContent()).toBe('(cần kiểm tra)');
      expect(await reading.getByRole('button', { name: /^Điều chỉnh/ }).isEnabled()).toBe(true);
      // So is the list of required documents, its parts named (not raw keys).
      const required = page.getByTestId('rule-compulsoryDossierRequiredDocuments');
      expect(await required.textContent()).toContain('Tài liệu bắt buộc trong hồ sơ đề nghị');
      expect(await required.textContent()).toContain(
        'Biên bản vi phạm hành chính về hành vi sử dụng trái phép chất ma túy: 1',
      );
      expect(await required.textContent()).not.toContain('violation_record');
      expect(await required.getByTestId('verify-flag').textContent()).toBe('(cần kiểm tra)');
      // Each regime's rules are one click away.
      await page.getByRole('button', { name: 'Thời kỳ từ 01/01/2022' }).click();
      await eventually(() => page.locator('#rules-regime').textContent()).toContain(
        '01/01/2022 – 28/02/2025',
      );
      await field(page, 'Quy định áp dụng vào ngày').fill(todayDmy());
      expect(await page.getByTestId('overrides-empty').isVisible()).toBe(true);
      expect(await seriousViolations(page, 'rules page')).toEqual([]);

      await row.getByRole('button', { name: /^Điều chỉnh/ }).click();
      const d = page.getByRole('dialog', { name: /^Điều chỉnh quy định/ });
      await d.getByLabel(/^Giá trị mới/).fill('7');
      await fillDate(d, 'Áp dụng từ ngày', '01/01/2027');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await d.getByText('Mục này là bắt buộc').first().waitFor();
      await field(d, 'Lý do').fill('Nghị định mới quy định 7 ngày làm việc');
      await field(d, 'Văn bản làm căn cứ').fill('Nghị định 999/2026/NĐ-CP');
      await field(d, 'Điều').fill('12');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => page.getByTestId('rules-flash').textContent()).toBe('Đã ghi nhận điều chỉnh');
      await eventually(() => page.getByTestId('override-row').textContent()).toContain('01/01/2027');
      expect(await page.getByTestId('override-row').textContent()).toContain('Nghị định 999/2026/NĐ-CP');

      await field(page, 'Quy định áp dụng vào ngày').fill('01/02/2027');
      await eventually(() => row.getByTestId('overridden').textContent()).toContain(
        'đã điều chỉnh từ 01/01/2027: Nghị định mới quy định 7 ngày làm việc',
      );
      // The overriding text is cited, so the value no longer needs checking.
      expect(await row.getByTestId('verify-flag').count()).toBe(0);
      expect(await row.textContent()).toContain('7 ngày làm việc');
      await page.screenshot({ path: '/tmp/hn-pw-rules.png', fullPage: true });

      await page.getByTestId('override-row').getByRole('button', { name: 'Thu hồi' }).click();
      const r = page.getByRole('dialog', { name: /^Thu hồi điều chỉnh/ });
      await field(r, 'Lý do').fill('Nhập nhầm');
      await r.getByRole('button', { name: 'Thu hồi' }).click();
      await eventually(() => page.getByTestId('override-row').textContent()).toContain('Đã thu hồi');
      await eventually(() => row.getByTestId('overridden').count()).toBe(0);
      expect(await row.getByTestId('verify-flag').textContent()).toBe('(cần kiểm tra)');
    });

    it('adds a day off and a make-up working day to the calendar, and removes one after a confirmation', async () => {
      await page.getByRole('tab', { name: 'Lịch nghỉ, ngày làm bù' }).click();
      await field(page, 'Năm').selectOption('2027');
      await page.getByTestId('holidays-table').waitFor();
      await eventually(() => page.getByTestId('holidays-table').textContent()).toContain('02/09/2027');
      await page.getByRole('button', { name: 'Thêm ngày nghỉ / ngày làm bù' }).click();
      let d = dialog('Thêm ngày nghỉ hoặc ngày làm việc bù');
      await fillDate(d, 'Ngày', '15/03/2027');
      await field(d, 'Tên ngày, văn bản thông báo').fill('Nghỉ theo Thông báo 01/TB-BNV');
      await d.getByRole('button', { name: 'Lưu' }).click();
      const off = page.getByTestId('holiday-2027-03-15');
      await eventually(() => off.textContent()).toContain('Do quản trị bổ sung');
      await page.getByRole('button', { name: 'Thêm ngày nghỉ / ngày làm bù' }).click();
      d = dialog('Thêm ngày nghỉ hoặc ngày làm việc bù');
      await fillDate(d, 'Ngày', '13/03/2027');
      await field(d, 'Loại ngày').selectOption({ label: 'Ngày làm việc bù' });
      await field(d, 'Tên ngày, văn bản thông báo').fill('Làm bù cho ngày 15/03/2027');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => page.getByTestId('working-2027-03-13').textContent()).toContain(
        'Làm bù cho ngày 15/03/2027',
      );
      expect(await seriousViolations(page, 'calendar')).toEqual([]);

      await off.getByRole('button', { name: 'Bỏ' }).click();
      const confirm = dialog('Xác nhận bỏ ngày điều chỉnh');
      expect(await confirm.textContent()).toContain('Bỏ ngày 15/03/2027 (Nghỉ theo Thông báo 01/TB-BNV)');
      await confirm.getByRole('button', { name: 'Bỏ' }).click();
      await eventually(() => off.count()).toBe(0);
    });
  });
});
