import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, type FacilityBrowser, facilityBrowser } from './support/facility-browser.ts';

// A rehab facility's work in the browser, against the real server (SQLite, or PostgreSQL with DATABASE_URL),
// with the server's clock moved along the stay: the commune places a person at the facility under a
// voluntary contract → facility staff admit them (a server refusal shown next to its field first) → medical
// staff record the entry check → stages 2-4, a family visit, an escape and the return that moves the planned
// release → a vocational class with enrolment, attendance and certificate, a counselling session → stage 5,
// the notice to the commune, the release with the completion certificate → the commune officer finds the
// handover task on the work list and issues the post-rehab decision. Medical fields never reach the staff
// member's pages (UI and API responses); axe on the main facility pages. The province handover and the
// admission while a compulsory dossier is pending: facility-handover.test.ts.

const FACILITY_NAME = 'Cơ sở cai nghiện ma túy số 1 Hà Nội';
const NAME = 'Lê Văn Hòa';
const DIAGNOSIS = 'Viêm gan C mạn tính, theo dõi men gan';

describe('rehab facility operations in the browser', () => {
  let k: FacilityBrowser;
  let page: Page;
  let facilityId = '';
  let personId = '';
  let admissionUrl = '';
  /** Bodies of the API responses the page received, while recording. */
  let apiBodies: string[] | null = null;

  const setToday = (date: string) => k.setToday(date);
  const as = (username: string) => k.as(username);
  const dialog = (name: string) => k.dialog(name);
  const nav = (name: string) => k.nav(name);
  const fillDate = (scope: Locator, label: string, dmy: string) => k.fillDate(scope, label, dmy);

  async function openResident() {
    await page.goto(admissionUrl);
    await page.getByTestId('resident-name').waitFor();
  }

  async function moveStage(n: number, dmy: string) {
    await page.getByRole('button', { name: `Chuyển sang giai đoạn ${n}` }).click();
    const d = dialog(`Chuyển sang giai đoạn ${n}`);
    await fillDate(d, 'Ngày bắt đầu', dmy);
    await field(d, 'Người duyệt chuyển giai đoạn').fill('Phó Giám đốc Trần Thị Duyệt');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('current-stage').textContent()).toBe(`Giai đoạn ${n}`);
  }

  beforeAll(async () => {
    k = await facilityBrowser();
    page = k.page;
    facilityId = await k.addFacility(FACILITY_NAME);
    await k.server.addUser('facility_staff', 'facility', facilityId, 'canbo.coso1');
    await k.server.addUser('facility_medical', 'facility', facilityId, 'yte.coso1');
    page.on('response', (r: Response) => {
      if (!apiBodies || !new URL(r.url()).pathname.startsWith('/api/')) return;
      const list = apiBodies;
      r.text().then(
        (b) => list.push(b),
        () => {},
      );
    });
  });
  afterEach(({ task }) => k?.screenshotOnFailure(task));
  afterAll(async () => k?.close());

  it('the commune places a person at the facility under a voluntary contract (through the API)', async () => {
    setToday('2025-03-01');
    const officer = await k.apiAs('canbo.badinh');
    const post = officer.post;
    personId = (
      await post('/api/people', {
        fullName: NAME,
        sex: 'male',
        birthDate: '1992-04-18',
        currentAddress: { communeCode: BA_DINH, detail: 'Số 5 phố Quán Thánh' },
        confirmPossibleDuplicate: true,
      })
    ).id;
    await post(`/api/people/${personId}/episodes`, {
      type: 'voluntary_facility',
      startDate: '2025-03-01',
      termMonths: 6,
      facilityId,
      contract: { number: 'HĐ-15/2025', signedOn: '2025-03-01' },
    });
  });

  it('facility staff land on the empty board and admit the person (a refusal shown next to its field)', async () => {
    await as('canbo.coso1');
    await page.getByRole('heading', { name: 'Học viên tại cơ sở', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/facility/residents');
    await eventually(() => page.getByTestId('board-empty').textContent()).toContain('Tiếp nhận học viên');
    expect(await page.getByTestId('awaiting-note').textContent()).toContain(
      '1 người đã có hợp đồng/quyết định đưa vào cơ sở, chưa tiếp nhận.',
    );
    expect(await seriousViolations(page, 'facility board (empty)')).toEqual([]);

    await page.getByRole('link', { name: 'Tiếp nhận học viên' }).first().click();
    await page.getByRole('heading', { name: 'Tìm người được đưa vào cơ sở' }).waitFor();
    await field(page, 'Tìm theo tên').fill('khong co ai');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByTestId('lookup-empty').waitFor();
    await field(page, 'Tìm theo tên').fill('le van hoa');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('button', { name: `Chọn: ${NAME}` }).click();
    expect(await page.getByTestId('admit-person').textContent()).toBe(NAME);
    // Or straight from the list of people awaiting admission.
    await page.getByRole('button', { name: 'Tìm người được đưa vào cơ sở' }).click();
    expect(await page.getByTestId('awaiting').textContent()).toContain('HĐ-15/2025');
    await page.getByRole('button', { name: `Tiếp nhận: ${NAME}` }).click();
    expect(await page.getByTestId('admit-person').textContent()).toBe(NAME);
    const episode = field(page, 'Hợp đồng / quyết định đưa vào cơ sở');
    await eventually(() => episode.locator('option').allTextContents()).toEqual([
      'Cai nghiện tự nguyện tại cơ sở cai nghiện · 01/03/2025 · HĐ-15/2025',
    ]);

    await fillDate(page.locator('form'), 'Ngày tiếp nhận', '27/02/2025');
    await field(page, 'Số biên bản tiếp nhận').fill('BB-031/2025');
    await field(page, 'Phân loại').selectOption({ label: 'Cai nghiện lần đầu' });
    await field(page, 'Người duyệt tiếp nhận (giai đoạn 1)').fill('Giám đốc Nguyễn Văn Giám');
    await field(page, 'Khu').fill('Khu B');
    await field(page, 'Giường').fill('B-07');
    await fillDate(page.locator('form'), 'Ngày test', '27/02/2025');
    await field(page, 'Kết quả test nhanh').selectOption({ label: 'Dương tính' });
    await field(page, 'Chất phát hiện (cách nhau bằng dấu phẩy)').fill('Methamphetamine');
    await page.getByRole('button', { name: 'Thêm đồ vật' }).click();
    await field(page, 'Tên đồ vật 1').fill('Điện thoại di động');
    expect(await seriousViolations(page, 'admission form')).toEqual([]);
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    // The server refuses an admission before the contract starts; its message sits under the date field.
    const dateInput = field(page.locator('form'), 'Ngày tiếp nhận');
    await eventually(async () => dateInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await dateInput.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toContain('Ngày tiếp nhận trước ngày bắt đầu');
    await page.screenshot({ path: '/tmp/hn-pw-facility-admit-error.png', fullPage: true });

    await fillDate(page.locator('form'), 'Ngày tiếp nhận', '01/03/2025');
    await fillDate(page.locator('form'), 'Ngày test', '01/03/2025');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByTestId('resident-name').waitFor();
    admissionUrl = new URL(page.url()).pathname;
    expect(admissionUrl).toMatch(/^\/facility\/residents\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('current-stage').textContent()).toBe('Giai đoạn 1');
    expect(await page.getByTestId('planned-release').textContent()).toBe('31/08/2025');
    expect(await page.getByTestId('bed').textContent()).toBe('Khu B / B-07');
    expect(await page.getByTestId('stage-1').textContent()).toContain('Giám đốc Nguyễn Văn Giám');
    // Non-medical staff have no health section at all.
    expect(await page.getByTestId('health-section').count()).toBe(0);
  });

  it('medical staff record the entry health check and an HIV test, visible to them', async () => {
    await as('yte.coso1');
    await openResident();
    const section = page.getByTestId('health-section');
    await section.waitFor();
    await section.getByRole('button', { name: 'Ghi hồ sơ y tế' }).click();
    let d = dialog('Ghi hồ sơ y tế');
    await field(d, 'Loại').selectOption({ label: 'Khám sức khỏe khi tiếp nhận' });
    await fillDate(d, 'Ngày', '01/03/2025');
    await field(d, 'Người thực hiện').fill('BS. Phạm Thị Y');
    await field(d, 'Chẩn đoán, kết luận').fill(DIAGNOSIS);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => section.textContent()).toContain(DIAGNOSIS);

    await section.getByRole('button', { name: 'Ghi hồ sơ y tế' }).click();
    d = dialog('Ghi hồ sơ y tế');
    await field(d, 'Loại').selectOption({ label: 'Xét nghiệm HIV, bệnh truyền nhiễm' });
    await fillDate(d, 'Ngày', '01/03/2025');
    await field(d, 'Người thực hiện').fill('BS. Phạm Thị Y');
    await field(d, 'Bệnh').selectOption({ label: 'HIV' });
    await field(d, 'Kết quả xét nghiệm').selectOption({ label: 'Âm tính' });
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => section.textContent()).toContain('HIV: Âm tính');
    expect(await seriousViolations(page, 'resident page (medical)')).toEqual([]);
  });

  it('staff never receive the health fields: not in the page, not in the API responses it uses', async () => {
    await as('canbo.coso1');
    apiBodies = [];
    await openResident();
    await page.getByTestId('stages').waitFor();
    await page.goto('/facility/residents');
    await page.getByTestId('board-table').waitFor();
    await page.goto('/facility/dashboard');
    await page.getByTestId('dash-health').waitFor();
    await page.getByTestId('year-figures').waitFor();
    await page.goto('/facility/classes');
    await page.getByTestId('classes-empty').waitFor();
    await page.goto('/facility/residents/new');
    await page.getByTestId('awaiting-empty').waitFor();
    await openResident();
    await page.getByTestId('stages').waitFor();
    const bodies = apiBodies;
    await eventually(() => bodies.filter((b) => b.includes(NAME)).length).toBeGreaterThanOrEqual(3);
    apiBodies = null;
    for (const b of bodies) {
      expect(b).not.toContain(DIAGNOSIS);
      expect(b).not.toContain('"healthRecords"');
      expect(b).not.toContain('"testResult"');
      expect(b).not.toContain('"diagnosis"');
    }
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(DIAGNOSIS);
    expect(text).not.toContain('Hồ sơ y tế');
    expect(await page.getByTestId('health-section').count()).toBe(0);
    // The same stay through the API the page uses: only the count.
    const stay = await (await page.request.get(`/api/admissions/${admissionUrl.split('/').pop()}`)).json();
    expect(stay.healthRecordCount).toBe(2);
    expect(stay.healthRecords).toBeUndefined();
    expect((await page.request.get(`/api/admissions/${admissionUrl.split('/').pop()}/health`)).status()).toBe(
      403,
    );
  });

  it('moves through stages 2-4, records a family visit, an escape and the return that moves the release', async () => {
    setToday('2025-04-30');
    await openResident();
    await moveStage(2, '05/03/2025');
    await moveStage(3, '20/03/2025');
    await moveStage(4, '10/04/2025');
    expect(await page.getByTestId('stage-2').textContent()).toContain('Từ 05/03/2025 đến 19/03/2025');
    expect(await page.getByTestId('stage-4').textContent()).toContain('Phó Giám đốc Trần Thị Duyệt');

    // The no-known-residence flag, set and cleared behind a confirmation.
    await page.getByRole('button', { name: 'Đánh dấu không xác định được nơi cư trú' }).click();
    let c = dialog('Xác nhận thay đổi nơi cư trú');
    expect(await c.textContent()).toContain('hồ sơ sẽ bàn giao cho tỉnh');
    await c.getByRole('button', { name: 'Đánh dấu không xác định được nơi cư trú' }).click();
    await page.getByTestId('no-residence').waitFor();
    await page.goto('/facility/residents');
    expect(await page.getByTestId('no-residence-flag').textContent()).toBe(
      'Không rõ nơi cư trú: bàn giao cho tỉnh',
    );
    await openResident();
    await page.getByRole('button', { name: 'Đã xác định được nơi cư trú' }).click();
    c = dialog('Xác nhận thay đổi nơi cư trú');
    await c.getByRole('button', { name: 'Đã xác định được nơi cư trú' }).click();
    await eventually(() => page.getByTestId('no-residence').count()).toBe(0);

    await page.getByRole('button', { name: 'Ghi nhận: Thăm gặp' }).click();
    const v = dialog('Ghi nhận thăm gặp');
    await fillDate(v, 'Ngày thăm gặp', '12/04/2025');
    await field(v, 'Hình thức').selectOption({ label: 'Gọi trực tuyến' });
    await field(v, 'Người thăm').fill('Nguyễn Thị Lan');
    await field(v, 'Quan hệ').fill('Mẹ');
    await field(v, 'Ứng dụng (ví dụ Zalo)').fill('Zalo');
    await v.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('event-visit').textContent()).toContain(
      'Gọi trực tuyến — Nguyễn Thị Lan (Mẹ) · Zalo',
    );

    await page.getByRole('button', { name: 'Ghi nhận: Vụ việc' }).click();
    const inc = dialog('Ghi nhận vụ việc');
    await fillDate(inc, 'Ngày xảy ra', '14/04/2025');
    await field(inc, 'Loại vụ việc').selectOption({ label: 'Vi phạm nội quy' });
    await field(inc, 'Mô tả').fill('Sử dụng điện thoại trái phép trong giờ nghỉ');
    await field(inc, 'Biện pháp xử lý').fill('Nhắc nhở, ghi sổ theo dõi');
    await inc.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('event-incident').textContent()).toContain(
      'Vi phạm nội quy: Sử dụng điện thoại trái phép trong giờ nghỉ — Nhắc nhở, ghi sổ theo dõi',
    );
    await page.getByRole('button', { name: 'Ghi nhận: Hỗ trợ việc làm' }).click();
    const sup = dialog('Ghi nhận hỗ trợ việc làm');
    await fillDate(sup, 'Ngày', '16/04/2025');
    await field(sup, 'Loại hỗ trợ').selectOption({ label: 'Tư vấn xuất khẩu lao động' });
    await field(sup, 'Doanh nghiệp, hợp tác xã, tổ chức liên kết').fill('Công ty XKLĐ Sao Mai');
    await sup.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('event-support').textContent()).toContain(
      'Tư vấn xuất khẩu lao động — Công ty XKLĐ Sao Mai',
    );

    // A term reduction does not apply to a voluntary contract: the rule and its basis are shown.
    await page.getByRole('button', { name: 'Giảm thời hạn, hoãn, tạm đình chỉ, bỏ trốn…' }).click();
    let d = dialog('Thay đổi thời hạn');
    await field(d, 'Loại thay đổi').selectOption({ label: 'Giảm thời hạn' });
    await fillDate(d, 'Ngày quyết định / ngày xảy ra', '28/04/2025');
    await field(d, 'Số ngày được giảm').fill('30');
    await field(d, 'Người quyết định').fill('Giám đốc Nguyễn Văn Giám');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await dialog('Xác nhận thay đổi thời hạn').getByRole('button', { name: 'Thay đổi thời hạn' }).click();
    const refused = (await d.getByTestId('server-problem').textContent()) ?? '';
    expect(refused).toContain('Không thực hiện được theo quy định');
    expect(refused).toContain('chỉ áp dụng với người cai nghiện bắt buộc');
    expect(refused).toContain('Căn cứ');
    await d.getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByTestId('planned-release').textContent()).toBe('31/08/2025');

    await page.getByRole('button', { name: 'Giảm thời hạn, hoãn, tạm đình chỉ, bỏ trốn…' }).click();
    d = dialog('Thay đổi thời hạn');
    await field(d, 'Loại thay đổi').selectOption({ label: 'Bỏ trốn' });
    await fillDate(d, 'Ngày quyết định / ngày xảy ra', '20/04/2025');
    await field(d, 'Người quyết định').fill('Giám đốc Nguyễn Văn Giám');
    await d.getByRole('button', { name: 'Lưu' }).click();
    const confirm = dialog('Xác nhận thay đổi thời hạn');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Ghi nhận “Bỏ trốn” cho ${NAME} từ ngày 20/04/2025?`);
    await confirm.getByRole('button', { name: 'Thay đổi thời hạn' }).click();
    await eventually(() => page.getByTestId('absence').textContent()).toBe(
      'Đang vắng mặt: Bỏ trốn từ 20/04/2025',
    );

    await page.getByRole('button', { name: 'Giảm thời hạn, hoãn, tạm đình chỉ, bỏ trốn…' }).click();
    d = dialog('Thay đổi thời hạn');
    expect(await field(d, 'Loại thay đổi').locator('option').allTextContents()).toEqual(['Trở lại cơ sở']);
    await fillDate(d, 'Ngày quyết định / ngày xảy ra', '25/04/2025');
    await field(d, 'Người quyết định').fill('Giám đốc Nguyễn Văn Giám');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await dialog('Xác nhận thay đổi thời hạn').getByRole('button', { name: 'Thay đổi thời hạn' }).click();
    // Five days away do not count: the planned release moves from 31/08 to 05/09.
    await eventually(() => page.getByTestId('flash').textContent()).toBe('Ngày ra dự kiến mới: 05/09/2025');
    expect(await page.getByTestId('planned-release').textContent()).toBe('05/09/2025');
    expect(await page.getByTestId('absence').count()).toBe(0);
    const changes = await page.getByTestId('event-term_change').allTextContents();
    expect(changes[1]).toContain('Ngày ra dự kiến mới: 05/09/2025, trước đó 31/08/2025');
    await page.screenshot({ path: '/tmp/hn-pw-facility-resident.png', fullPage: true });
    expect(await seriousViolations(page, 'resident page (staff)')).toEqual([]);

    // The same page in English, dates still dd/mm/yyyy.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'The five stages' }).waitFor();
    expect(await page.getByRole('link', { name: 'Facility residents' }).count()).toBe(1);
    expect(await page.getByTestId('current-stage').textContent()).toBe('Stage 4');
    expect(await page.getByTestId('planned-release').textContent()).toBe('05/09/2025');
    expect(await page.getByTestId('event-visit').textContent()).toContain(
      'Online call — Nguyễn Thị Lan (Mẹ) · Zalo',
    );
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: 'Năm giai đoạn' }).waitFor();
  });

  it('opens a vocational class, enrols, takes attendance, certifies; records a counselling session', async () => {
    await nav('Học nghề, lao động').click();
    await page.getByTestId('classes-empty').waitFor();
    await page.getByRole('button', { name: 'Mở lớp học nghề' }).click();
    let d = dialog('Mở lớp học nghề');
    await field(d, 'Nghề').fill('Hàn điện');
    await field(d, 'Giáo viên').fill('Thầy Đỗ Văn Hàn');
    await fillDate(d, 'Ngày khai giảng', '01/04/2025');
    await fillDate(d, 'Ngày kết thúc', '29/04/2025');
    await d.getByRole('button', { name: 'Lưu' }).click();
    const card = page.getByTestId('class-card');
    await eventually(() => card.textContent()).toContain('Thầy Đỗ Văn Hàn · 01/04/2025 – 29/04/2025');

    await card.getByRole('button', { name: 'Ghi danh' }).click();
    d = dialog('Ghi danh vào lớp Hàn điện');
    await fillDate(d, 'Ngày ghi danh', '10/04/2025');
    await d.getByRole('checkbox', { name: NAME }).check();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => card.getByTestId('class-counts').textContent()).toBe(
      '1 học viên · Đã điểm danh 0 buổi',
    );

    await card.getByRole('button', { name: 'Điểm danh' }).click();
    d = dialog('Điểm danh lớp Hàn điện');
    await fillDate(d, 'Ngày học', '15/04/2025');
    await d.getByRole('checkbox', { name: NAME }).check();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => card.getByTestId('class-counts').textContent()).toBe(
      '1 học viên · Đã điểm danh 1 buổi',
    );

    await card.getByRole('button', { name: 'Cấp chứng chỉ' }).click();
    d = dialog('Cấp chứng chỉ nghề lớp Hàn điện');
    await field(d, 'Số chứng chỉ').fill('CC-HĐ-01');
    await fillDate(d, 'Ngày cấp', '30/04/2025');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => card.getByTestId('learners').textContent()).toContain(
      'Chứng chỉ CC-HĐ-01 (30/04/2025)',
    );

    await page.getByRole('button', { name: 'Ghi buổi tư vấn, giáo dục' }).click();
    d = dialog('Ghi buổi tư vấn, giáo dục');
    await fillDate(d, 'Ngày', '22/04/2025');
    await field(d, 'Hình thức').selectOption({ label: 'Sinh hoạt chuyên đề' });
    await field(d, 'Chủ đề').fill('Phòng ngừa tái nghiện');
    await field(d, 'Người phụ trách').fill('Cán bộ Vũ Thị Tâm');
    await d.getByRole('checkbox', { name: NAME }).check();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('session-list').textContent()).toContain(
      'Sinh hoạt chuyên đề: Phòng ngừa tái nghiện — Cán bộ Vũ Thị Tâm',
    );

    await page.getByRole('button', { name: 'Ghi buổi lao động trị liệu' }).click();
    d = dialog('Ghi buổi lao động trị liệu');
    await fillDate(d, 'Ngày', '28/04/2025');
    await field(d, 'Công việc').selectOption({ label: 'Đan chiếu tre, mây' });
    await field(d, 'Số giờ').fill('4');
    await field(d, 'Sản phẩm').fill('12 chiếc chiếu');
    await d.getByRole('checkbox', { name: NAME }).check();
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('labour-list').textContent()).toContain('Đan chiếu tre, mây');
    await page.screenshot({ path: '/tmp/hn-pw-facility-classes.png', fullPage: true });
    expect(await seriousViolations(page, 'classes and labour')).toEqual([]);

    await openResident();
    expect(await page.getByTestId('sessions-attended').textContent()).toContain('Phòng ngừa tái nghiện');
  });

  it('prepares reintegration, notifies the commune and releases with the certificate after a confirmation', async () => {
    setToday('2025-08-20');
    await page.goto('/facility/residents');
    const row = page.locator(`[data-testid^="resident-row-"]`, { hasText: NAME });
    await row.waitFor();
    expect(await row.getByTestId('remaining').textContent()).toBe('16 ngày');
    expect(await page.getByTestId('upcoming').textContent()).toContain('05/09/2025');
    expect(await page.getByTestId('upcoming').textContent()).toContain('Chưa thông báo về xã');
    await field(page, 'Giai đoạn').selectOption({ label: 'Giai đoạn 2' });
    await page.getByTestId('board-no-match').waitFor();
    await field(page, 'Giai đoạn').selectOption({ label: 'Giai đoạn 4' });
    await row.waitFor();
    expect(await seriousViolations(page, 'facility board')).toEqual([]);

    await row.getByRole('link', { name: NAME }).click();
    await page.getByTestId('resident-name').waitFor();
    await moveStage(5, '01/08/2025');

    await page.getByRole('button', { name: 'Thông báo về xã trước khi ra cơ sở' }).click();
    const n = dialog('Thông báo về xã trước khi ra cơ sở');
    await fillDate(n, 'Ngày thông báo', '20/08/2025');
    await field(n, 'Chủ tịch UBND cấp xã nhận thông báo').fill('Chủ tịch UBND phường Ba Đình');
    await field(n, 'Công an cấp xã nhận thông báo').fill('Trưởng Công an phường Ba Đình');
    await field(n, 'Tóm tắt quá trình cai nghiện').fill('Hoàn thành 5 giai đoạn, có chứng chỉ nghề hàn điện');
    await field(n, 'Kiến nghị quản lý sau cai nghiện').fill(
      'Giới thiệu việc làm tại xưởng cơ khí địa phương',
    );
    await n.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByTestId('notice').textContent()).toContain(
      'Đã thông báo ngày 20/08/2025 cho Chủ tịch UBND phường Ba Đình và Trưởng Công an phường Ba Đình',
    );

    setToday('2025-09-05');
    await page.reload();
    await page.getByRole('button', { name: 'Cấp giấy chứng nhận và cho ra cơ sở' }).click();
    const r = dialog('Cấp giấy chứng nhận hoàn thành và cho ra cơ sở');
    expect(await field(r, 'Ngày ra cơ sở').inputValue()).toBe('05/09/2025');
    await field(r, 'Số giấy chứng nhận').fill('GCN-88/2025');
    await fillDate(r, 'Ngày cấp', '05/09/2025');
    await field(r, 'Người ký').fill('Giám đốc Nguyễn Văn Giám');
    await r.getByRole('button', { name: 'Lưu' }).click();
    const confirm = dialog('Xác nhận cho ra cơ sở');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Cho ${NAME} ra cơ sở ngày 05/09/2025`);
    await confirm.getByRole('button', { name: 'Cho ra cơ sở' }).click();
    await eventually(() => page.getByTestId('released').textContent()).toBe('Đã ra cơ sở ngày 05/09/2025');
    const info = (await page.getByTestId('release-info').textContent()) ?? '';
    expect(info).toContain('Giấy chứng nhận số GCN-88/2025, ngày 05/09/2025; bàn giao cho xã nơi cư trú');
    expect(await page.getByTestId('stage-5').textContent()).toContain('Từ 01/08/2025 đến 05/09/2025');
    await page.screenshot({ path: '/tmp/hn-pw-facility-released.png', fullPage: true });

    await nav('Tổng hợp cơ sở').click();
    await fillDate(page.locator('form'), 'Từ ngày', '01/01/2025');
    await fillDate(page.locator('form'), 'Đến ngày', '05/09/2025');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await eventually(() => page.getByTestId('dash-releases').textContent()).toBe('1');
    expect(await page.getByTestId('dash-admissions').textContent()).toBe('1');
    expect(await page.getByTestId('dash-classes').textContent()).toBe('1');
    expect(await page.getByTestId('dash-learners').textContent()).toBe('1');
    expect(await page.getByTestId('dash-residents').textContent()).toBe('0');
    const health = (await page.getByTestId('dash-health').textContent()) ?? '';
    expect(health).toContain('Khám khi tiếp nhận1');
    expect(health).toContain('Xét nghiệm HIV, bệnh truyền nhiễm1');
    expect(health).not.toContain(DIAGNOSIS);
    // The yearly figures of the source articles, from the recorded events.
    await field(page, 'Năm').fill('2025');
    await page.getByRole('button', { name: 'Xem số liệu năm' }).click();
    await eventually(() => page.getByTestId('year-received').textContent()).toBe('Tiếp nhận1');
    for (const [key, label] of [
      ['reintegrated', 'Hoàn thành, tái hòa nhập'],
      ['handovers', 'Bàn giao về xã'],
      ['entryHealthCheckCount', 'Lượt khám khi tiếp nhận'],
      ['hivTestCount', 'Lượt xét nghiệm HIV'],
      ['classes', 'Lớp học nghề'],
      ['learners', 'Học viên học nghề'],
      ['certificates', 'Chứng chỉ nghề đã cấp'],
      ['familyVisits', 'Lượt thăm gặp'],
    ])
      expect(await page.getByTestId(`year-${key}`).textContent()).toBe(`${label}1`);
    expect(await page.getByTestId('dash-incidents').textContent()).toBe('Vi phạm nội quy1');
    expect(await page.getByTestId('year-supportServices').textContent()).toBe(
      'Lượt hỗ trợ việc làm, xuất khẩu lao động1',
    );
    expect(await page.getByTestId('year-termReductions').textContent()).toBe(
      'Học viên được giảm thời hạn, miễn chấp hành0',
    );
    expect(await seriousViolations(page, 'facility dashboard')).toEqual([]);
  });

  it('after voluntary rehab the commune has no post-rehab decision to issue, and is told why', async () => {
    // Law 73/2021 Art. 40: post-rehab management follows compulsory rehab only (corrected 12/2026: a voluntary
    // release used to open a post-rehab decision task and the decision was accepted).
    setToday('2025-09-08');
    await as('canbo.badinh');
    await nav('Việc cần làm').click();
    await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    await page.locator('[data-testid^="tasks-"]').first().waitFor();
    expect(await page.getByTestId('task-post_rehab_decision').count()).toBe(0);

    await page.goto(`/people/${personId}`);
    await page.getByTestId('derived-status').waitFor();
    await page.getByRole('button', { name: 'Mở giai đoạn / ra quyết định' }).click();
    const d = dialog('Mở giai đoạn');
    await field(d, 'Loại giai đoạn').selectOption({ label: 'Quản lý sau cai nghiện' });
    await fillDate(d, 'Ngày bắt đầu', '08/09/2025');
    await field(d, 'Số quyết định').fill('41/QĐ-UBND');
    await fillDate(d, 'Ngày quyết định', '08/09/2025');
    await field(d, 'Người ký').fill('Trần Văn Chủ Tịch');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => d.textContent()).toContain('sau cai nghiện tự nguyện, xã hỗ trợ người đó');
    await page.screenshot({ path: '/tmp/hn-pw-facility-post-rehab-refused.png', fullPage: true });
    expect(await page.getByTestId('derived-status').textContent()).not.toBe('Đang quản lý sau cai nghiện');
  });
});
