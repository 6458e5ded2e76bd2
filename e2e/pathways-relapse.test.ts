import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, pathwaysHarness } from './support/pathways-harness.ts';

// A relapse during post-rehab management in the browser (the path up to it seeded through the API): the
// relapse flag, the Art. 256a warning and the addiction determination on the work list; then a transfer of
// the record to another commune after a confirmation. The full path: pathways-full-path.test.ts.

describe('legal pathways in the browser', () => {
  const h = pathwaysHarness();
  const { setToday, apiAs, as, openPerson, dialog, flash, statusText, fillDate } = h;
  let page: Page;
  beforeAll(() => {
    page = h.page;
  });

  describe('a relapse during post-rehab management', () => {
    let personId = '';

    it('shows the relapse flag and the Art. 256a warning on a positive test', async () => {
      setToday('2025-09-01');
      const officerApi = await apiAs('canbo.badinh');
      const policeApi = await apiAs('congan.badinh');
      const staffApi = await apiAs('canbo.coso2');
      personId = (
        await officerApi.post('/api/people', {
          fullName: 'Trần Văn Tái',
          sex: 'male',
          birthDate: '1995-02-03',
          currentAddress: { communeCode: BA_DINH, detail: 'Tổ 3' },
          confirmPossibleDuplicate: true,
        })
      ).id;
      await policeApi.post(`/api/people/${personId}/addiction-determinations`, {
        assessedOn: '2025-09-01',
        observations: ['craving', 'loss_of_control', 'withdrawal'].map((criterion) => ({
          criterion,
          from: '2025-07-20',
        })),
        doctor: { name: 'BS. Nguyễn Thị Lan', certificate: 'CCHN-001234' },
        facilityName: 'Trung tâm Y tế phường Ba Đình',
        conclusion: 'addicted',
        substances: ['methamphetamine'],
      });
      // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40).
      setToday('2025-09-10');
      const rehab = await policeApi.post(`/api/people/${personId}/episodes`, {
        type: 'compulsory',
        startDate: '2025-09-10',
        termMonths: 12,
        facilityId: h.facilityId,
        grounds: ['not_registered_voluntary'],
        court: {
          name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
          decisionNumber: '130/2025/QĐ-TA',
          decisionDate: '2025-09-08',
        },
      });
      setToday('2026-09-09');
      await staffApi.post(`/api/episodes/${rehab.id}/close`, {
        version: rehab.version,
        outcome: 'completed',
        endDate: '2026-09-09',
      });
      setToday('2026-09-14');
      await officerApi.post(`/api/people/${personId}/episodes`, {
        type: 'post_rehab',
        startDate: '2026-09-14',
        decision: { number: '09/QĐ-UBND', date: '2026-09-14', signer: 'Trần Văn Chủ Tịch' },
      });

      setToday('2026-12-01');
      await as('congan.badinh');
      await openPerson(personId);
      expect(await statusText()).toBe('Đang quản lý sau cai nghiện');
      expect(await page.getByTestId('relapse-flag').count()).toBe(0);
      await page.getByRole('button', { name: 'Ghi nhận xét nghiệm' }).click();
      const d = dialog('Ghi nhận xét nghiệm chất ma túy');
      await fillDate(d, 'Ngày xét nghiệm', '01/12/2026');
      await field(d, 'Người thực hiện').fill('Thiếu úy Lê Văn Cường');
      await field(d, 'Kết quả: Methamphetamin (ma túy đá)').selectOption({ label: 'Dương tính' });
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-test').textContent()).toContain('Tái sử dụng ma túy');
      await eventually(() => statusText()).toBe('Tái nghiện');
      const flag = page.getByTestId('relapse-flag');
      expect(await flag.textContent()).toContain('Tái sử dụng ma túy trong thời gian quản lý');
      // Which case of Art. 256a applies, with its episode and basis (not a generic warning).
      const art = page.getByTestId('case-256a');
      await eventually(() => art.textContent()).toContain('Điều 256a Bộ luật Hình sự');
      expect(await art.getAttribute('data-case')).toBe('under_post_rehab');
      expect(await art.textContent()).toContain(
        'trường hợp b: Đang trong thời hạn quản lý sau cai nghiện ma túy',
      );
      expect(await art.textContent()).toContain('khoản 1 Điều 256a Bộ luật Hình sự');
      const relapse = page.getByTestId('timeline-relapse');
      expect(await relapse.textContent()).toContain('Tái sử dụng trong thời gian: Quản lý sau cai nghiện');
      await page.screenshot({ path: '/tmp/hn-pw-relapse.png', fullPage: true });
      expect(await seriousViolations(page, 'person pathways')).toEqual([]);

      await page.goto('/tasks');
      const upcoming = page.getByTestId('tasks-upcoming');
      await upcoming.waitFor();
      expect(await upcoming.getByTestId('task-addiction_determination_due').textContent()).toContain(
        'Trần Văn Tái',
      );
    });

    it('transfers the record to another commune after a confirmation', async () => {
      // Law 120/2025: the old commune's police record the move (their notice to the new commune's police).
      await as('congan.badinh');
      await openPerson(personId);
      await page.getByRole('button', { name: 'Chuyển hồ sơ sang xã khác' }).click();
      const d = dialog('Chuyển hồ sơ sang xã khác');
      await field(d, 'Tỉnh/Thành phố').click();
      await field(d, 'Tỉnh/Thành phố').fill('ha noi');
      await page.getByRole('option', { name: 'Thành phố Hà Nội', exact: true }).click();
      await field(d, 'Xã/Phường').click();
      await field(d, 'Xã/Phường').fill('ngoc ha');
      await page.getByRole('option', { name: 'Phường Ngọc Hà', exact: true }).click();
      await fillDate(d, 'Ngày chuyển đến', '01/12/2026');
      await d.getByRole('button', { name: 'Lưu' }).click();
      const confirm = dialog('Xác nhận chuyển hồ sơ');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('Chuyển hồ sơ của Trần Văn Tái sang Phường Ngọc Hà?');
      await page.screenshot({ path: '/tmp/hn-pw-transfer-confirm.png', fullPage: true });
      await confirm.getByRole('button', { name: 'Chuyển hồ sơ' }).click();
      await eventually(async () =>
        (await page.getByTestId('flash-transfer').count()) > 0
          ? await page.getByTestId('flash-transfer').textContent()
          : await page.locator('body').textContent(),
      ).toMatch(/Đã chuyển hồ sơ|Không tìm thấy hồ sơ này/);
    });
  });
});
