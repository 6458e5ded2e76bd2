import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, type FacilityBrowser, facilityBrowser } from './support/facility-browser.ts';

// The facility's other ways in and out, in the browser against the real server (SQLite or PostgreSQL): a
// person with no known residence is handed to the province, whose officer finds the post-rehab decision task
// on the work list; a person admitted while the compulsory dossier is pending gets, with the court order, a
// term counted from the start of the pending management.

describe('facility handover to the province and admission while a dossier is pending', () => {
  let k: FacilityBrowser;
  let page: Page;
  let other = '';

  const setToday = (date: string) => k.setToday(date);
  const as = (username: string) => k.as(username);
  const fillDate = (scope: Locator, label: string, dmy: string) => k.fillDate(scope, label, dmy);

  beforeAll(async () => {
    k = await facilityBrowser();
    page = k.page;
    other = await k.addFacility('Cơ sở cai nghiện ma túy số 3 Hà Nội');
    await k.server.addUser('facility_staff', 'facility', other, 'canbo.coso3');
    await k.server.addUser('province_officer', 'province', '01', 'canbo.tinh');
    await k.server.addUser('commune_police', 'commune', BA_DINH, 'congan.badinh');
  });
  afterEach(({ task }) => k?.screenshotOnFailure(task));
  afterAll(async () => k?.close());

  it('hands a person with no known residence to the province; no post-rehab decision follows voluntary rehab', async () => {
    setToday('2025-03-03');
    const officer = await k.apiAs('canbo.badinh');
    const staff = await k.apiAs('canbo.coso3');
    const name = 'Trần Văn Lang';
    const p = await officer.post('/api/people', {
      fullName: name,
      sex: 'male',
      birthDate: '1988-01-09',
      currentAddress: { communeCode: BA_DINH },
      confirmPossibleDuplicate: true,
    });
    const ep = await officer.post(`/api/people/${p.id}/episodes`, {
      type: 'voluntary_facility',
      startDate: '2025-03-03',
      termMonths: 6,
      facilityId: other,
      contract: { number: 'HĐ-02', signedOn: '2025-03-03' },
    });
    let a = await staff.post(`/api/facility-ops/${other}/admissions`, {
      episodeId: ep.id,
      admittedOn: '2025-03-03',
      classification: 'repeat',
      rapidTest: { testedOn: '2025-03-03', result: 'positive' },
      noKnownResidence: true,
      approvedBy: 'Giám đốc Hoàng Văn Ba',
    });
    setToday('2025-08-25');
    for (let stage = 2; stage <= 5; stage++)
      a = await staff.post(`/api/admissions/${a.id}/stages`, {
        version: a.version,
        stage,
        beganOn: `2025-0${stage + 2}-01`,
        approvedBy: 'Giám đốc Hoàng Văn Ba',
      });
    a = await staff.post(`/api/admissions/${a.id}/release-notice`, {
      version: a.version,
      noticeOn: '2025-08-15',
      communeChairman: 'Chủ tịch UBND phường Ba Đình',
      communePolice: 'Trưởng Công an phường Ba Đình',
      summary: 'Hoàn thành 5 giai đoạn',
      recommendations: 'Bố trí nơi ở, hỗ trợ việc làm',
    });
    setToday('2025-09-02');
    a = await staff.post(`/api/admissions/${a.id}/release`, {
      version: a.version,
      releasedOn: '2025-09-02',
      certificate: { number: 'GCN-03', issuedOn: '2025-09-02', signer: 'Giám đốc Hoàng Văn Ba' },
    });
    expect(a.release).toMatchObject({ flaggedForProvince: true, handedTo: { kind: 'province', code: '01' } });

    await as('canbo.tinh');
    await page.goto('/tasks');
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    // Voluntary rehab: no post-rehab management decision (Law 73/2021 Art. 40), so no task (before 12/2026 one
    // was opened for the province).
    await page.locator('[data-testid^="tasks-"]').first().waitFor();
    expect(await page.getByTestId('task-post_rehab_decision').count()).toBe(0);
    expect(await seriousViolations(page, 'province work list')).toEqual([]);

    // The province reads the facility's counts, never identities.
    await k.nav('Tổng hợp cơ sở').click();
    await field(page, 'Cơ sở cai nghiện').selectOption({ label: 'Cơ sở cai nghiện ma túy số 3 Hà Nội' });
    await field(page, 'Năm').fill('2025');
    await page.getByRole('button', { name: 'Xem số liệu năm' }).click();
    await eventually(() => page.getByTestId('year-flaggedForProvince').textContent()).toBe(
      'Bàn giao cho tỉnh (không rõ nơi cư trú)1',
    );
    expect(await page.getByTestId('year-handovers').textContent()).toBe('Bàn giao về xã0');
    expect(await page.getByTestId('year-received').textContent()).toBe('Tiếp nhận1');
    expect(await seriousViolations(page, 'facility figures (province)')).toEqual([]);
    const figures = await (await page.request.get(`/api/facility-ops/${other}/dashboard`)).text();
    expect(figures).not.toContain(name);
    expect((await page.request.get(`/api/facility-ops/${other}/residents`)).status()).toBe(403);
  });

  it('admits a person while the compulsory dossier is pending; the court order then sets a term counted from then', async () => {
    setToday('2025-10-01');
    const officer = await k.apiAs('canbo.badinh');
    const police = await k.apiAs('congan.badinh');
    const name = 'Phạm Văn Chờ';
    const p = await officer.post('/api/people', {
      fullName: name,
      sex: 'male',
      birthDate: '1990-07-07',
      currentAddress: { communeCode: BA_DINH },
      confirmPossibleDuplicate: true,
    });
    await police.post(`/api/people/${p.id}/addiction-determinations`, {
      assessedOn: '2025-09-28',
      observations: ['craving', 'loss_of_control', 'withdrawal'].map((criterion) => ({
        criterion,
        from: '2025-08-01',
      })),
      doctor: { name: 'BS. Nguyễn Thị Lan', certificate: 'CCHN-001234' },
      facilityName: 'Trung tâm Y tế phường Ba Đình',
      conclusion: 'addicted',
      substances: ['heroin'],
    });
    await police.post(`/api/people/${p.id}/episodes`, {
      type: 'compulsory_pending',
      startDate: '2025-10-01',
      place: 'facility',
      facilityId: other,
      grounds: ['not_registered_voluntary'],
    });

    await as('canbo.coso3');
    await page.goto('/facility/residents/new');
    const awaiting = page.getByTestId('awaiting');
    await awaiting.waitFor();
    expect(await awaiting.textContent()).toContain('Quản lý trong thời gian lập hồ sơ bắt buộc');
    await page.getByRole('button', { name: `Tiếp nhận: ${name}` }).click();
    const form = page.locator('form');
    await fillDate(form, 'Ngày tiếp nhận', '01/10/2025');
    await fillDate(form, 'Ngày test', '01/10/2025');
    await field(page, 'Người duyệt tiếp nhận (giai đoạn 1)').fill('Giám đốc Hoàng Văn Ba');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByTestId('resident-name').waitFor();
    expect(await page.getByTestId('planned-release').textContent()).toBe('Chưa có (chờ quyết định)');

    setToday('2025-11-15');
    await police.post(`/api/people/${p.id}/episodes`, {
      type: 'compulsory',
      startDate: '2025-11-15',
      termMonths: 12,
      facilityId: other,
      grounds: ['not_registered_voluntary'],
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '201/2025/QĐ-TA',
        decisionDate: '2025-11-14',
      },
    });
    await page.reload();
    await page.getByTestId('resident-name').waitFor();
    expect(await page.getByText('Cai nghiện bắt buộc (quyết định của Tòa án)').count()).toBe(1);
    // Twelve months counted from the start of pending management, not from the court order.
    expect(await page.getByTestId('planned-release').textContent()).toBe('30/09/2026');
    expect(await page.getByTestId('days-served').textContent()).toBe('46 ngày');

    // Past half the term, a 30-day reduction moves the planned release.
    setToday('2026-05-04');
    await page.reload();
    await page.getByRole('button', { name: 'Giảm thời hạn, hoãn, tạm đình chỉ, bỏ trốn…' }).click();
    const d = k.dialog('Thay đổi thời hạn');
    await field(d, 'Loại thay đổi').selectOption({ label: 'Giảm thời hạn' });
    await fillDate(d, 'Ngày quyết định / ngày xảy ra', '04/05/2026');
    await field(d, 'Số ngày được giảm').fill('30');
    await field(d, 'Số quyết định').fill('15/QĐ-TA');
    await field(d, 'Người quyết định').fill('Tòa án nhân dân khu vực 1 - Hà Nội');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await k.dialog('Xác nhận thay đổi thời hạn').getByRole('button', { name: 'Thay đổi thời hạn' }).click();
    await eventually(() => page.getByTestId('flash').textContent()).toBe('Ngày ra dự kiến mới: 31/08/2026');
    expect(await page.getByTestId('planned-release').textContent()).toBe('31/08/2026');
    expect(await page.getByTestId('event-term_change').textContent()).toContain(
      'Giảm thời hạn (15/QĐ-TA) — Ngày ra dự kiến mới: 31/08/2026, trước đó 30/09/2026',
    );
  });
});
