import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, type FacilityBrowser, facilityBrowser } from './support/facility-browser.ts';

// Rewards, self-management groups and the correction of mistakes, in the browser against the real server
// (SQLite or PostgreSQL): staff record a reward and a group, correct a visit (and meet a 409 naming the
// current values when someone else corrected it first), void a reward entered by mistake behind a reason and
// a confirmation (kept in the history, out of the figures), and correct the intake record; axe on each dialog.

describe('facility rewards, groups, corrections and voids', () => {
  let k: FacilityBrowser;
  let page: Page;
  let facilityId = '';
  let admissionId = '';
  const name = 'Lê Văn Sửa';

  const dialog = (n: string) => k.dialog(n);
  const fillDate = (scope: Locator, label: string, dmy: string) => k.fillDate(scope, label, dmy);
  const openResident = async () => {
    await page.goto(`/facility/residents/${admissionId}`);
    await page.getByTestId('resident-name').waitFor();
  };

  beforeAll(async () => {
    k = await facilityBrowser();
    page = k.page;
    facilityId = await k.addFacility('Cơ sở cai nghiện ma túy số 5 Hà Nội');
    await k.server.addUser('facility_staff', 'facility', facilityId, 'canbo.coso5');
    await k.server.addUser('facility_medical', 'facility', facilityId, 'yte.coso5');
    k.setToday('2025-05-02');
    const officer = await k.apiAs('canbo.badinh');
    const staff = await k.apiAs('canbo.coso5');
    const p = await officer.post('/api/people', {
      fullName: name,
      sex: 'male',
      birthDate: '1991-02-03',
      currentAddress: { communeCode: BA_DINH },
      confirmPossibleDuplicate: true,
    });
    const ep = await officer.post(`/api/people/${p.id}/episodes`, {
      type: 'voluntary_facility',
      startDate: '2025-04-01',
      termMonths: 6,
      facilityId,
      contract: { number: 'HĐ-05', signedOn: '2025-04-01' },
    });
    const a = await staff.post(`/api/facility-ops/${facilityId}/admissions`, {
      episodeId: ep.id,
      admittedOn: '2025-04-01',
      recordNumber: 'BB-NHẦM',
      classification: 'first_time',
      belongings: [{ item: 'Điện thoại', quantity: 1 }],
      rapidTest: { testedOn: '2025-04-01', result: 'positive', substances: ['heroin'] },
      approvedBy: 'Giám đốc Hoàng Văn Năm',
    });
    admissionId = a.id;
    await staff.post(`/api/admissions/${a.id}/visits`, {
      visitedOn: '2025-04-20',
      mode: 'in_person',
      visitor: 'Nguyễn Văn Nhầm',
      relation: 'Anh trai',
    });
  });
  afterEach(({ task }) => k?.screenshotOnFailure(task));
  afterAll(async () => k?.close());

  it('records a reward and a self-management group', async () => {
    await k.as('canbo.coso5');
    await openResident();
    await page.getByRole('button', { name: 'Ghi nhận: Khen thưởng' }).click();
    const r = dialog('Ghi nhận khen thưởng');
    await fillDate(r, 'Ngày khen thưởng', '30/04/2025');
    await field(r, 'Hình thức').selectOption({ label: 'Giấy khen' });
    await field(r, 'Lý do').fill('Tích cực lao động trị liệu');
    await field(r, 'Người quyết định').fill('Giám đốc Hoàng Văn Năm');
    await r.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('event-reward').textContent()).toContain(
      'Giấy khen: Tích cực lao động trị liệu — Giám đốc Hoàng Văn Năm',
    );

    await k.nav('Học nghề, lao động').click();
    await page.getByRole('button', { name: 'Lập tổ tự quản' }).click();
    const g = dialog('Lập tổ tự quản');
    await field(g, 'Tên tổ').fill('Tổ tự quản số 1');
    await fillDate(g, 'Ngày thành lập', '01/05/2025');
    await g.getByRole('checkbox', { name }).check();
    expect(await seriousViolations(page, 'group dialog')).toEqual([]);
    await g.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('group-list').textContent()).toContain(
      `Tổ tự quản số 1: ${name}`,
    );

    // A second group entered by mistake is voided: reason, confirmation, gone from the list.
    await page.getByRole('button', { name: 'Lập tổ tự quản' }).click();
    const g2 = dialog('Lập tổ tự quản');
    await field(g2, 'Tên tổ').fill('Tổ nhập nhầm');
    await fillDate(g2, 'Ngày thành lập', '02/05/2025');
    await g2.getByRole('checkbox', { name }).check();
    await g2.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('group-list').textContent()).toContain('Tổ nhập nhầm');
    await page.getByRole('button', { name: 'Hủy bỏ Tổ tự quản ngày 02/05/2025' }).click();
    const v = dialog('Hủy bỏ bản ghi nhập nhầm: Tổ tự quản');
    await field(v, 'Lý do hủy bỏ (nhập nhầm điều gì)').fill('Lập trùng tổ');
    await v.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await dialog('Xác nhận hủy bỏ bản ghi').getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await eventually(() => page.getByTestId('group-list').textContent()).not.toContain('Tổ nhập nhầm');
    expect(await page.getByTestId('group-list').textContent()).toContain('Tổ tự quản số 1');
    expect(await seriousViolations(page, 'classes page with void buttons')).toEqual([]);
  });

  it('corrects a visit; a stale correction shows the current values', async () => {
    await k.as('canbo.coso5');
    await openResident();
    await page.getByRole('button', { name: 'Sửa Thăm gặp ngày 20/04/2025' }).click();
    let d = dialog('Sửa bản ghi nhập nhầm: Thăm gặp');
    expect(await field(d, 'Người thăm').inputValue()).toBe('Nguyễn Văn Nhầm');
    expect(await seriousViolations(page, 'correction dialog')).toEqual([]);
    await field(d, 'Người thăm').fill('Nguyễn Văn Đúng');
    await fillDate(d, 'Ngày thăm gặp', '21/04/2025');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('event-visit').textContent()).toContain(
      'Gặp trực tiếp — Nguyễn Văn Đúng (Anh trai)',
    );
    expect(await page.getByTestId('event-visit').textContent()).toContain('21/04/2025');

    // Someone else corrects the same visit while the dialog is open.
    await page.getByRole('button', { name: 'Sửa Thăm gặp ngày 21/04/2025' }).click();
    d = dialog('Sửa bản ghi nhập nhầm: Thăm gặp');
    const other = await k.apiAs('canbo.coso5');
    const visit = (await (await page.request.get(`/api/admissions/${admissionId}`)).json()).events.find(
      (e: { kind: string }) => e.kind === 'visit',
    );
    await other.put(`/api/facility-events/${visit.id}`, {
      version: visit.version,
      input: { visitedOn: '2025-04-21', mode: 'in_person', visitor: 'Trần Thị Khác', relation: 'Chị gái' },
    });
    await field(d, 'Quan hệ').fill('Em trai');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => d.getByTestId('server-problem').textContent()).toContain(
      'Trần Thị Khác (Chị gái)',
    );
    await d.getByRole('button', { name: 'Hủy' }).click();
    await eventually(() => page.getByTestId('event-visit').textContent()).toContain('Trần Thị Khác');
  });

  it('voids a reward entered by mistake: reason, confirmation, kept in history, out of the figures', async () => {
    await k.as('canbo.coso5');
    await openResident();
    await page.getByRole('button', { name: 'Hủy bỏ Khen thưởng ngày 30/04/2025' }).click();
    const d = dialog('Hủy bỏ bản ghi nhập nhầm: Khen thưởng');
    await d.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await eventually(() => d.textContent()).toContain('Mục này là bắt buộc');
    await field(d, 'Lý do hủy bỏ (nhập nhầm điều gì)').fill('Nhập nhầm học viên, khen thưởng của người khác');
    expect(await seriousViolations(page, 'void dialog')).toEqual([]);
    await d.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    const c = dialog('Xác nhận hủy bỏ bản ghi');
    expect(await c.textContent()).toContain('không tính vào số liệu');
    expect(await seriousViolations(page, 'void confirmation')).toEqual([]);
    await c.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await eventually(() => page.getByTestId('event-voided').textContent()).toBe(
      'Đã hủy bỏ: Nhập nhầm học viên, khen thưởng của người khác',
    );
    expect(await page.getByTestId('event-reward').textContent()).toContain('Tích cực lao động trị liệu');
    const dash = await (
      await page.request.get(`/api/facility-ops/${facilityId}/dashboard?from=2025-01-01&to=2025-05-02`)
    ).json();
    expect(dash.rewards).toBe(0);
    expect(dash.visits).toEqual({ in_person: 1 });
  });

  it('corrects the intake record', async () => {
    await k.as('canbo.coso5');
    await openResident();
    await page.getByRole('button', { name: 'Sửa biên bản tiếp nhận' }).click();
    const d = dialog('Sửa biên bản tiếp nhận');
    expect(await field(d, 'Số biên bản tiếp nhận').inputValue()).toBe('BB-NHẦM');
    await field(d, 'Số biên bản tiếp nhận').fill('BB-05/2025');
    await field(d, 'Phân loại').selectOption({ label: 'Cai nghiện lại' });
    await field(d, 'Tư trang gửi lưu (mỗi dòng: tên đồ vật × số lượng)').fill('Điện thoại × 2\nVí da × 1');
    await field(d, 'Lý do sửa (nhập nhầm điều gì)').fill('Sai số biên bản và số lượng điện thoại');
    expect(await seriousViolations(page, 'intake correction dialog')).toEqual([]);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByRole('region', { name: 'Thông tin tiếp nhận' }).textContent()).toContain(
      'BB-05/2025',
    );
    const text = await page.getByRole('region', { name: 'Thông tin tiếp nhận' }).textContent();
    expect(text).toContain('Cai nghiện lại');
    expect(text).toContain('Điện thoại × 2; Ví da × 1');
  });

  it('medical staff correct and void a health record; other staff never see it', async () => {
    k.setToday('2025-05-02');
    const medical = await k.apiAs('yte.coso5');
    await medical.post(`/api/admissions/${admissionId}/health`, {
      kind: 'periodic_check',
      occurredOn: '2025-04-15',
      performedBy: 'BS. Phạm Thị Y',
      diagnosis: 'Chẩn đoán nhầm người',
    });
    await k.as('yte.coso5');
    await openResident();
    const section = page.getByTestId('health-section');
    await section.getByRole('button', { name: 'Sửa Hồ sơ y tế ngày 15/04/2025' }).click();
    let d = dialog('Sửa bản ghi nhập nhầm: Hồ sơ y tế');
    expect(await field(d, 'Chẩn đoán, kết luận').inputValue()).toBe('Chẩn đoán nhầm người');
    await field(d, 'Chẩn đoán, kết luận').fill('Sức khỏe ổn định');
    expect(await seriousViolations(page, 'health correction dialog')).toEqual([]);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => section.textContent()).toContain('Sức khỏe ổn định');

    await section.getByRole('button', { name: 'Hủy bỏ Hồ sơ y tế ngày 15/04/2025' }).click();
    d = dialog('Hủy bỏ bản ghi nhập nhầm: Hồ sơ y tế');
    await field(d, 'Lý do hủy bỏ (nhập nhầm điều gì)').fill('Ghi vào hồ sơ của học viên khác');
    await d.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await dialog('Xác nhận hủy bỏ bản ghi').getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
    await eventually(() => section.getByTestId('health-voided').textContent()).toBe(
      'Đã hủy bỏ: Ghi vào hồ sơ của học viên khác',
    );
    expect(await seriousViolations(page, 'health section with a voided record')).toEqual([]);

    await k.as('canbo.coso5');
    await openResident();
    expect(await page.getByTestId('health-section').count()).toBe(0);
    const body = await (await page.request.get(`/api/admissions/${admissionId}`)).text();
    expect(body).not.toContain('Sức khỏe ổn định');
  });
});
