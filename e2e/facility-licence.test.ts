import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field, launchBrowser, login, newContext, pick } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { startServer, type TestServer } from './support/server.ts';

// An administrator records a private rehab facility with its operating licence (Law 120/2025/QH15: licensed by
// the provincial police director), dates typed dd/mm/yyyy, then corrects the licence; a stale correction shows
// the current values. The forms pass axe.
describe('facility kinds and private licences', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const NAME = 'Cơ sở cai nghiện tư nhân Bình An';

  const licenceRow = () =>
    server.deps.database.db
      .selectFrom('facility_licences')
      .innerJoin('facilities', 'facilities.id', 'facility_licences.facility_id')
      .select([
        'facility_licences.id',
        'number',
        'issued_on',
        'issuer',
        'issuer_role',
        'scope',
        'valid_until',
        'facility_licences.version',
      ])
      .where('facilities.name', '=', NAME)
      .executeTakeFirst();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    const password = await server.addUser('system_admin', 'nation', null, 'quantri.cs');
    await login(page, 'quantri.cs', password);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for the licence of a private facility, names each missing field, and saves it', async () => {
    await page.goto('/facilities');
    await page.getByRole('button', { name: 'Thêm cơ sở' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ sở' });
    await field(dialog, 'Tên cơ sở').fill(NAME);
    // The kind list offers the reform school of Law 120.
    await field(dialog, 'Loại').click();
    await page.getByRole('option', { name: 'Trường giáo dưỡng', exact: true }).waitFor();
    await page.getByRole('option', { name: 'Cơ sở cai nghiện ma túy tư nhân', exact: true }).click();
    await pick(page, dialog, 'Tỉnh/Thành phố', 'ha noi', 'Thành phố Hà Nội');
    await dialog.getByText('Giấy phép hoạt động (cơ sở cai nghiện tư nhân)').waitFor();
    expect(await seriousViolations(page, 'facility form with licence')).toEqual([]);

    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(async () => (await dialog.getByText('Mục này là bắt buộc').count()) >= 5).toBe(true);
    expect(await licenceRow()).toBeUndefined();

    await field(dialog, 'Số giấy phép').fill('12/GP-CAT-PC04');
    await field(dialog, 'Ngày cấp').fill('15/03/2026');
    await field(dialog, 'Có hiệu lực đến ngày').fill('31/12/2030');
    await field(dialog, 'Người cấp').fill('Giám đốc Công an thành phố Hà Nội');
    await field(dialog, 'Phạm vi hoạt động').fill('Cai nghiện ma túy tự nguyện: tiếp nhận, cắt cơn, tư vấn');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: NAME });
    await eventually(() => row.textContent()).toContain('số 12/GP-CAT-PC04, đến 31/12/2030');
    expect(await licenceRow()).toMatchObject({
      number: '12/GP-CAT-PC04',
      issued_on: '2026-03-15',
      valid_until: '2030-12-31',
      issuer: 'Giám đốc Công an thành phố Hà Nội',
      issuer_role: 'province_police_director',
      version: 1,
    });
  });

  it('corrects the licence; a stale correction loads the current values instead of overwriting them', async () => {
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.getByRole('button', { name: `Giấy phép hoạt động: ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Giấy phép hoạt động: ${NAME}` });
    await eventually(() => field(dialog, 'Có hiệu lực đến ngày').inputValue()).toBe('31/12/2030');
    await dialog.getByText('Thẩm quyền cấp theo quy định: Giám đốc Công an cấp tỉnh').waitFor();
    expect(await seriousViolations(page, 'licence dialog')).toEqual([]);

    // Someone else corrects the licence meanwhile.
    const before = (await licenceRow())!;
    await server.deps.database.db
      .updateTable('facility_licences')
      .set({ scope: 'Phạm vi do người khác sửa', version: before.version + 1 })
      .where('id', '=', before.id)
      .execute();
    await field(dialog, 'Có hiệu lực đến ngày').fill('30/06/2030');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Giấy phép vừa được người khác sửa').waitFor();
    expect(await field(dialog, 'Phạm vi hoạt động').inputValue()).toBe('Phạm vi do người khác sửa');
    expect((await licenceRow())!.valid_until).toBe('2030-12-31');

    await field(dialog, 'Có hiệu lực đến ngày').fill('30/06/2030');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => row.textContent()).toContain('đến 30/06/2030');
    expect(await licenceRow()).toMatchObject({
      valid_until: '2030-06-30',
      scope: 'Phạm vi do người khác sửa',
      version: before.version + 2,
    });
  });
});
