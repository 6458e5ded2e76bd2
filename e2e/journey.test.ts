import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeFirstPassword,
  field,
  launchBrowser,
  login,
  logout,
  newContext,
  pick,
} from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// The main journey: first administrator → commune officer → a person's record, end to end in
// the browser against the real server (SQLite, or PostgreSQL when DATABASE_URL is set).
describe('journey: administrator onboards a commune officer who keeps a record', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const officer = { username: 'canbo.badinh', password: '', newPassword: 'Ba-dinh-2025-moi' };
  let personUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the Vietnamese login page and a clear message for a wrong password', async () => {
    await page.goto('/');
    await eventually(() => page.url()).toContain('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await login(page, 'admin', 'sai-mat-khau-123');
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
  });

  it('makes the first administrator change the first password', async () => {
    await login(page, 'admin', server.adminPassword);
    await changeFirstPassword(page, server.adminPassword, 'Quan-tri-2025-moi');
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link', { name: 'Người dùng' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Hồ sơ' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Nhật ký' }).count()).toBe(0);
  });

  it('creates a commune officer for Phường Ba Đình and shows the initial password once', async () => {
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await field(dialog, 'Tên đăng nhập').fill(officer.username);
    await field(dialog, 'Họ và tên').fill('Trần Thị Bình');
    await pick(page, dialog, 'Vai trò', '', 'Cán bộ UBND xã');
    await pick(page, dialog, 'Tỉnh/Thành phố', 'ha noi', 'Thành phố Hà Nội');
    await pick(page, dialog, 'Xã/Phường', 'ba dinh', 'Phường Ba Đình');
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();

    const reveal = page.getByRole('dialog', { name: `Mật khẩu ban đầu của ${officer.username}` });
    officer.password = ((await reveal.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(officer.password).toMatch(/^\S{16}$/);
    await page.screenshot({ path: '/tmp/hn-initial-password.png' });
    await reveal.getByRole('button', { name: 'Đóng' }).last().click();

    const row = page.getByTestId(`user-row-${officer.username}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Cán bộ UBND xã');
    expect(await row.textContent()).toContain('Phường Ba Đình');
    await logout(page);
  });

  it('lets the officer change the password and see the empty list with what to do next', async () => {
    await login(page, officer.username, officer.password);
    await changeFirstPassword(page, officer.password, officer.newPassword);
    // Officers land on their work list; the records are one click away.
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Hồ sơ quản lý', level: 1 }).waitFor();
    expect(await page.getByTestId('people-empty').textContent()).toBe(
      "Chưa có hồ sơ nào. Bấm 'Lập hồ sơ' để thêm người đầu tiên.",
    );
  });

  it('validates the form on the client with the shared schema, then creates the person', async () => {
    await page.getByRole('link', { name: 'Lập hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Lập hồ sơ mới' }).waitFor();
    // The officer's own commune is the default residence.
    const current = page.getByTestId('current-address');
    await eventually(() => field(current, 'Tỉnh/Thành phố').inputValue()).toBe('Thành phố Hà Nội');
    expect(await field(current, 'Xã/Phường').inputValue()).toBe('Phường Ba Đình');

    await field(page, 'Họ và tên').fill('A');
    await field(page, 'Ngày sinh').fill('31/02/1990');
    await field(page, 'Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const fullName = field(page, 'Họ và tên');
    await eventually(() => fullName.getAttribute('aria-invalid')).toBe('true');
    const errorText = async (label: string) => {
      const id = await field(page, label).getAttribute('aria-describedby');
      const ids = (id ?? '').split(' ').filter(Boolean);
      const texts = await Promise.all(ids.map((i) => page.locator(`[id="${i}"]`).textContent()));
      return texts.join(' ');
    };
    expect(await errorText('Họ và tên')).toContain('Quá nhỏ'); // zod's Vietnamese locale
    expect(await errorText('Ngày sinh')).toContain('Ngày không hợp lệ');
    expect(await errorText('Số điện thoại')).toContain('Số điện thoại không hợp lệ');
    expect(await errorText('Số điện thoại')).not.toContain('/ Invalid');
    expect(await page.getByText('Hãy chọn giới tính').isVisible()).toBe(true);

    await fullName.fill('Nguyễn Văn Hoà');
    await page.getByRole('radio', { name: 'Nam', exact: true }).check();
    await field(page, 'Ngày sinh').fill('15/03/1990');
    await field(page, 'Số CCCD/định danh cá nhân').fill('001090123456');
    await field(page, 'Số điện thoại').fill('0912345678');
    await field(page, 'Dân tộc').fill('Kinh');
    await field(current, 'Địa chỉ chi tiết (thôn, tổ, số nhà, đường)').fill('Số 5 phố Đội Cấn');
    await page.getByRole('button', { name: 'Thêm người thân' }).click();
    await field(page, 'Họ tên người thân').fill('Nguyễn Thị Lan');
    await field(page, 'Quan hệ').fill('Mẹ');
    await page.screenshot({ path: '/tmp/hn-person-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByTestId('person-name').waitFor();
    personUrl = new URL(page.url()).pathname;
    expect(personUrl).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('person-name').textContent()).toBe('Nguyễn Văn Hoà');
    expect(await page.getByTestId('person-status').textContent()).toBe('Đã lập hồ sơ');
    expect(await page.getByTestId('person-birth').textContent()).toBe('15/03/1990');
    expect(await page.getByTestId('person-current-address').textContent()).toBe(
      'Số 5 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    );
    expect(await page.getByText('001090123456').isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'Nguyễn Thị Lan' }).isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/hn-person-page.png', fullPage: true });
  });

  it('finds the person by a search without diacritics', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ' })
      .click();
    await field(page, 'Tìm theo họ tên, tên gọi khác hoặc số CCCD').fill('nguyen van hoa');
    await eventually(() => new URL(page.url()).searchParams.get('q')).toBe('nguyen van hoa');
    const table = page.getByTestId('people-table');
    await eventually(() => table.getByRole('link').allTextContents()).toEqual(['Nguyễn Văn Hoà']);
    expect(await table.textContent()).toContain('15/03/1990');
    await page.screenshot({ path: '/tmp/hn-people-list.png', fullPage: true });
    await table.getByRole('link', { name: 'Nguyễn Văn Hoà' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe(personUrl);
  });

  it('edits the person', async () => {
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.getByRole('heading', { name: 'Sửa hồ sơ: Nguyễn Văn Hoà' }).waitFor();
    expect(await field(page, 'Ngày sinh').inputValue()).toBe('15/03/1990');
    await field(page, 'Nghề nghiệp').fill('Thợ hàn');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Thợ hàn').waitFor();
    expect(new URL(page.url()).pathname).toBe(personUrl);
  });

  it('shows what changed when someone else saved meanwhile, and re-applies the edit', async () => {
    await page.getByRole('link', { name: 'Sửa' }).click();
    await field(page, 'Nghề nghiệp').waitFor();
    // Another officer's edit lands while this form is open.
    const id = personUrl.split('/').pop()!;
    const me = await page.request.get('/api/auth/me');
    const { csrfToken } = await me.json();
    const current = await (await page.request.get(`/api/people/${id}`)).json();
    const { id: _i, status: _s, createdAt: _c, updatedAt: _u, birthYear: _b, ...rest } = current;
    const other = await page.request.put(`/api/people/${id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        ...rest,
        currentAddress: {
          communeCode: current.currentAddress.communeCode,
          detail: current.currentAddress.detail,
        },
        permanentAddress: undefined,
        phone: '0987654321',
      },
    });
    expect(other.status()).toBe(200);

    await field(page, 'Nghề nghiệp').fill('Thợ mộc');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const stale = page.getByTestId('stale-version');
    await stale.waitFor();
    const text = (await stale.textContent()) ?? '';
    expect(text).toContain('Hồ sơ đã được người khác sửa');
    expect(text).toContain('0987654321'); // theirs
    expect(text).toContain('0912345678'); // what this form still holds
    expect(text).toContain('Thợ mộc');
    await page.screenshot({ path: '/tmp/hn-stale.png', fullPage: true });
    await stale.getByRole('button', { name: 'Lưu lại thay đổi của tôi' }).click();
    await page.getByText('Thợ mộc').waitFor();
    expect(new URL(page.url()).pathname).toBe(personUrl);
  });

  it('warns about a possible duplicate (same name and birth date) and a taken citizen ID', async () => {
    await page.goto('/people/new');
    await field(page, 'Họ và tên').fill('Nguyễn Văn Hoà');
    await page.getByRole('radio', { name: 'Nam', exact: true }).check();
    await field(page, 'Ngày sinh').fill('15/03/1990');
    await field(page, 'Số CCCD/định danh cá nhân').fill('001090123456');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const dupId = page.getByTestId('duplicate-citizen-id');
    await dupId.waitFor();
    expect(await dupId.textContent()).toContain('Số CCCD này đã có trong hồ sơ của Nguyễn Văn Hoà');
    expect(await dupId.getByRole('link').getAttribute('href')).toBe(personUrl);

    await field(page, 'Số CCCD/định danh cá nhân').fill('');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const dup = page.getByTestId('possible-duplicate');
    await dup.waitFor();
    expect(await dup.textContent()).toContain('Có thể đã có hồ sơ của người này');
    expect(await dup.getByRole('link', { name: 'Nguyễn Văn Hoà' }).getAttribute('href')).toBe(personUrl);
    await page.screenshot({ path: '/tmp/hn-duplicate.png', fullPage: true });
    await dup.getByRole('button', { name: 'Vẫn lưu — đây là người khác' }).click();
    await page.getByTestId('person-name').waitFor();
    expect(new URL(page.url()).pathname).not.toBe(personUrl);
    await logout(page);
  });

  it('does not let an officer of another commune find the person', async () => {
    const password = await server.addUser('commune_officer', 'commune', '00008', 'canbo.ngocha');
    await login(page, 'canbo.ngocha', password);
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    await page.goto('/people');
    await page.getByRole('heading', { name: 'Hồ sơ quản lý', level: 1 }).waitFor();
    await field(page, 'Tìm theo họ tên, tên gọi khác hoặc số CCCD').fill('nguyen van hoa');
    await eventually(() => page.getByTestId('people-empty').textContent()).toBe(
      'Không tìm thấy hồ sơ phù hợp. Thử bớt từ khóa hoặc bỏ bộ lọc.',
    );
    await page.goto(personUrl);
    await page.getByText('Không tìm thấy hồ sơ này, hoặc hồ sơ không thuộc phạm vi của bạn.').waitFor();
  });
});
