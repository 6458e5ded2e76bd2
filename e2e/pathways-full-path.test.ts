import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { type ApiClient, BA_DINH, FACILITY_NAME, pathwaysHarness } from './support/pathways-harness.ts';

// A person's legal path in the browser, against the real server with the server's clock moved along it:
// positive test → user management decision → addiction determination and counselling → voluntary community
// rehab (stages, subsidy), quit → pending compulsory at the family (Form 35) → the compulsory dossier in the
// UI (checklist uploads, notice, reading period refused early, submission refused while incomplete, court
// acceptance, hearing, a 30-month order refused with the rule, 18 months recorded, execution and admission,
// cover list as DOCX) → (user management and rehab completed through the API) → the post-rehab decision,
// found on the work list → a scheduled contact recorded → completion certificate (Form 54) as DOCX.
// A relapse and a transfer: pathways-relapse.test.ts. Dossiers for several people and the rules
// administration: dossiers.test.ts.

describe('legal pathways in the browser', () => {
  const h = pathwaysHarness();
  const {
    setToday,
    apiAs,
    as,
    openPerson,
    dialog,
    flash,
    statusText,
    episodeCard,
    fillDate,
    uploadDoc,
    openEpisodeDialog,
  } = h;
  let page: Page;
  beforeAll(() => {
    page = h.page;
  });

  describe('the full path, from a positive test to the completion certificate', () => {
    const name = 'Nguyễn Văn Thắng';
    let personId = '';
    let officerApi: ApiClient;

    it('lets the commune police record a positive drug test with a result per substance', async () => {
      setToday('2025-01-10');
      officerApi = await apiAs('canbo.badinh');
      personId = (
        await officerApi.post('/api/people', {
          fullName: name,
          sex: 'male',
          birthDate: '1990-05-12',
          currentAddress: { communeCode: BA_DINH, detail: 'Số 12 phố Đội Cấn' },
          confirmPossibleDuplicate: true,
        })
      ).id;
      await as('congan.badinh');
      await openPerson(personId);
      expect(await statusText()).toBe('Đã lập hồ sơ');
      expect(await page.getByText('Chưa có sự kiện nào trong quá trình của người này.').isVisible()).toBe(
        true,
      );
      // The police may not issue the chairman's post-rehab decision; the user-management decision is offered
      // (theirs under Law 120/2025 from 01/07/2026; before, the server refuses it citing the rule).
      await page.getByRole('button', { name: 'Mở giai đoạn / ra quyết định' }).click();
      const types = await field(dialog('Mở giai đoạn'), 'Loại giai đoạn').locator('option').allTextContents();
      expect(types).not.toContain('Quản lý sau cai nghiện');
      expect(types).toContain('Quản lý người sử dụng trái phép chất ma túy');
      expect(types).toContain('Cai nghiện bắt buộc');
      await dialog('Mở giai đoạn').getByRole('button', { name: 'Hủy' }).click();

      await page.getByRole('button', { name: 'Ghi nhận xét nghiệm' }).click();
      const d = dialog('Ghi nhận xét nghiệm chất ma túy');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await d.getByText('Hãy chọn kết quả cho ít nhất một chất').waitFor();
      await fillDate(d, 'Ngày xét nghiệm', '10/01/2025');
      await field(d, 'Người thực hiện').fill('Thiếu úy Lê Văn Cường');
      await field(d, 'Phương pháp').selectOption({ label: 'Test nhanh nước tiểu' });
      await field(d, 'Lý do xét nghiệm').selectOption({ label: 'Có căn cứ nghi vấn sử dụng ma túy' });
      await field(d, 'Kết quả: Methamphetamin (ma túy đá)').selectOption({ label: 'Dương tính' });
      await field(d, 'Kết quả: Heroin').selectOption({ label: 'Âm tính' });
      await page.screenshot({ path: '/tmp/hn-pw-drug-test.png', fullPage: true });
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-test').textContent()).toContain('Dương tính');
      const item = page.getByTestId('timeline-drug_test');
      await eventually(() => item.textContent()).toContain('10/01/2025');
      expect(await item.textContent()).toContain('Dương tính: Methamphetamin (ma túy đá)');
    });

    it('shows the rule when a decision does not fit, then decides user management for the computed year', async () => {
      setToday('2025-01-15');
      await as('canbo.badinh');
      await openPerson(personId);
      let d = await openEpisodeDialog();
      await field(d, 'Loại giai đoạn').selectOption({ label: 'Quản lý sau cai nghiện' });
      await fillDate(d, 'Ngày bắt đầu', '15/01/2025');
      await fillDate(d, 'Ngày quyết định', '15/01/2025');
      await d.getByRole('button', { name: 'Lưu' }).click();
      const problem = d.getByTestId('server-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('Không thực hiện được theo quy định');
      await page.screenshot({ path: '/tmp/hn-pw-rule-refused.png', fullPage: true });
      await d.getByRole('button', { name: 'Hủy' }).click();

      d = await openEpisodeDialog();
      expect(await field(d, 'Loại giai đoạn').inputValue()).toBe('user_management');
      await fillDate(d, 'Ngày bắt đầu', '15/01/2025');
      await field(d, 'Số quyết định').fill('05/QĐ-UBND');
      await fillDate(d, 'Ngày quyết định', '15/01/2025');
      await field(d, 'Người ký').fill('Trần Văn Chủ Tịch');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-episode').textContent()).toContain('Dự kiến kết thúc: 14/01/2026');
      await eventually(() => statusText()).toBe('Đang quản lý người sử dụng trái phép chất ma túy');
      const card = episodeCard('user_management');
      expect(await card.getByTestId('planned-end').textContent()).toBe('14/01/2026');
      expect(await card.textContent()).toContain('05/QĐ-UBND · 15/01/2025 · Trần Văn Chủ Tịch');
      expect(await card.textContent()).toContain('Chủ tịch');
      expect(
        await card
          .getByRole('link', { name: 'Quyết định quản lý người sử dụng trái phép chất ma túy (DOCX)' })
          .getAttribute('href'),
      ).toMatch(/\/documents\/user-management-decision\.docx$/);
    });

    it('records an addiction determination with the six criteria; the server computes the result', async () => {
      setToday('2025-02-01');
      await as('congan.badinh');
      await openPerson(personId);
      await page.getByRole('button', { name: 'Xác định tình trạng nghiện' }).click();
      const d = dialog('Xác định tình trạng nghiện ma túy');
      await fillDate(d, 'Ngày xác định', '01/02/2025');
      await field(d, 'Cơ sở y tế').fill('Trung tâm Y tế phường Ba Đình');
      await field(d, 'Bác sĩ xác định').fill('BS. Nguyễn Thị Lan');
      // Decree 109/2021: the doctor's practising certificate and Form 04 conclusion are required.
      await d.getByRole('button', { name: 'Lưu' }).click();
      await d.getByText('Mục này là bắt buộc').first().waitFor();
      await field(d, 'Số chứng chỉ hành nghề của bác sĩ').fill('CCHN-001234');
      await field(d, 'Kết luận của bác sĩ (Mẫu 04)').selectOption({ label: 'Nghiện ma túy' });
      await field(d, 'Số phiếu kết quả (Mẫu 04)').fill('15/PKQ');
      for (const criterion of [
        'Thèm muốn mạnh mẽ hoặc cảm giác bắt buộc phải sử dụng ma túy',
        'Khó khăn trong việc kiểm soát hành vi sử dụng ma túy',
        'Có hội chứng cai',
      ]) {
        const group = d.getByRole('group', { name: criterion });
        await group.getByLabel('Tiêu chuẩn đáp ứng').check();
        await fillDate(group, 'Từ ngày', '20/12/2024');
      }
      await d.getByRole('checkbox', { name: 'Methamphetamin (ma túy đá)' }).check();
      await page.screenshot({ path: '/tmp/hn-pw-determination.png', fullPage: true });
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-determination').textContent()).toContain('Kết quả: NGHIỆN ma túy');
      await eventually(() => statusText()).toBe('Người nghiện ma túy, chưa cai nghiện');
      expect(await page.getByTestId('timeline-determination').textContent()).toContain('Có hội chứng cai');

      await page.getByRole('button', { name: 'Ghi nhận buổi tư vấn' }).click();
      const c = dialog('Ghi nhận buổi tư vấn');
      await field(c, 'Hình thức tư vấn').selectOption({ label: 'Tư vấn gia đình' });
      await fillDate(c, 'Ngày tư vấn', '01/02/2025');
      await c.getByRole('button', { name: 'Lưu' }).click();
      await c.getByText('Mục này là bắt buộc').first().waitFor();
      await field(c, 'Chủ đề').fill('Lựa chọn hình thức cai nghiện phù hợp');
      await field(c, 'Người tư vấn').fill('Nguyễn Thị Hồng');
      await c.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-counselling').textContent()).toContain('01/02/2025');
      await eventually(() => page.getByTestId('timeline-counselling').textContent()).toContain(
        'Lựa chọn hình thức cai nghiện phù hợp · Nguyễn Thị Hồng',
      );
    });

    it('registers voluntary community rehab, then records that the person quit after a confirmation', async () => {
      setToday('2025-02-15');
      await as('canbo.badinh');
      await openPerson(personId);
      const d = await openEpisodeDialog();
      await field(d, 'Loại giai đoạn').selectOption({
        label: 'Cai nghiện tự nguyện tại gia đình, cộng đồng',
      });
      await fillDate(d, 'Ngày bắt đầu', '15/02/2025');
      await field(d, 'Thời hạn (tháng)').fill('6');
      await fillDate(d, 'Ngày đăng ký', '15/02/2025');
      await field(d, 'Tổ chức, cá nhân cung cấp dịch vụ cai nghiện').fill(
        'Tổ cai nghiện cộng đồng phường Ba Đình',
      );
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-episode').textContent()).toContain('Dự kiến kết thúc: 14/08/2025');
      await eventually(() => statusText()).toBe('Đang cai nghiện tự nguyện tại gia đình, cộng đồng');

      setToday('2025-04-20');
      await page.reload();
      const card = episodeCard('voluntary_community');
      expect(await card.getByTestId('subsidy-state').textContent()).toBe(
        'Chưa đủ điều kiện hỗ trợ: cần hoàn thành 3 giai đoạn đầu.',
      );
      await card.getByRole('button', { name: 'Cập nhật 5 giai đoạn' }).click();
      const st = dialog('Các giai đoạn cai nghiện');
      const stages: [number, string, string][] = [
        [1, '15/02/2025', '25/02/2025'],
        [2, '26/02/2025', '20/03/2025'],
        [3, '21/03/2025', '15/04/2025'],
      ];
      for (const [n, from, to] of stages) {
        await fillDate(st, `Từ ngày (Giai đoạn ${n})`, from);
        await fillDate(st, `Đến ngày (Giai đoạn ${n})`, to);
        await field(st, `Đã hoàn thành (Giai đoạn ${n})`).check();
      }
      await fillDate(st, 'Từ ngày (Giai đoạn 4)', '16/04/2025');
      await st.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-stages').textContent()).toContain(
        'đủ điều kiện được hỗ trợ kinh phí',
      );
      await eventually(() => card.getByTestId('subsidy-state').textContent()).toBe(
        'Đã hoàn thành 3 giai đoạn đầu: đủ điều kiện được hỗ trợ kinh phí.',
      );
      expect(await card.getByTestId('stages-summary').textContent()).toContain(
        '✓ Giai đoạn 3: Giáo dục, tư vấn, phục hồi hành vi, nhân cách (21/03/2025 – 15/04/2025)',
      );

      setToday('2025-05-01');
      await page.reload();
      await card.getByRole('button', { name: 'Kết thúc giai đoạn' }).click();
      const c = dialog('Kết thúc giai đoạn: Cai nghiện tự nguyện tại gia đình, cộng đồng');
      await field(c, 'Kết quả').selectOption({ label: 'Tự ý chấm dứt (bỏ dở)' });
      await fillDate(c, 'Ngày kết thúc', '01/05/2025');
      await c.getByRole('button', { name: 'Lưu' }).click();
      const confirm = dialog('Xác nhận kết thúc giai đoạn');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('với kết quả "Tự ý chấm dứt (bỏ dở)" từ ngày 01/05/2025');
      await page.screenshot({ path: '/tmp/hn-pw-confirm-close.png', fullPage: true });
      await confirm.getByRole('button', { name: 'Kết thúc giai đoạn' }).click();
      await eventually(() => card.getByTestId('episode-state').textContent()).toBe(
        'Đã kết thúc: Tự ý chấm dứt (bỏ dở)',
      );
    });

    it('manages the person at the family while the compulsory dossier is pending (Form 35)', async () => {
      setToday('2025-05-10');
      await as('congan.badinh');
      await openPerson(personId);
      const d = await openEpisodeDialog();
      await field(d, 'Loại giai đoạn').selectOption({
        label: 'Quản lý trong thời gian lập hồ sơ cai nghiện bắt buộc',
      });
      await fillDate(d, 'Ngày bắt đầu', '10/05/2025');
      await field(d, 'Người thân cam kết').fill('Nguyễn Thị Mẹ');
      await field(d, 'Quan hệ').fill('Mẹ');
      await fillDate(d, 'Ngày ký cam kết', '10/05/2025');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => statusText()).toBe('Đang chờ quyết định cai nghiện bắt buộc');
      await episodeCard('compulsory_pending')
        .getByRole('link', { name: 'Bản cam kết của gia đình (Mẫu 35) (DOCX)' })
        .waitFor();
    });

    it('opens the compulsory dossier from the person page and fills its checklist with uploads', async () => {
      setToday('2025-05-12');
      await page.getByRole('button', { name: 'Lập hồ sơ đề nghị cai nghiện bắt buộc' }).click();
      const d = dialog('Lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc');
      await d.getByTestId('dossier-picked').waitFor();
      expect(await d.getByTestId('dossier-picked').textContent()).toContain(name);
      await fillDate(d, 'Ngày lập hồ sơ', '12/05/2025');
      await field(d, `Căn cứ đề nghị: ${name}`).selectOption({ label: 'Bỏ cai nghiện tự nguyện' });
      await d.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('dossier-page').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/dossiers\/[\w-]+$/);
      expect(await page.getByTestId('dossier-status').textContent()).toBe('Đang lập hồ sơ');
      const person = page.getByTestId('dossier-person');
      expect(await person.textContent()).toContain('Bỏ cai nghiện tự nguyện');
      expect(await person.textContent()).toContain('có trong quá trình đã ghi nhận');
      expect(await page.getByTestId('checklist-missing').textContent()).toContain('Còn thiếu 6 tài liệu');
      // Five of the six required documents now; the notice proof comes after the notice.
      for (const kind of [
        'Bản tóm tắt lý lịch',
        'Biên bản vi phạm hành chính về hành vi sử dụng trái phép chất ma túy',
        'Phiếu kết quả xác định tình trạng nghiện ma túy (Mẫu 04)',
        'Tài liệu chứng minh căn cứ đề nghị áp dụng biện pháp',
        'Bản tường trình của người bị đề nghị hoặc người đại diện hợp pháp',
      ])
        await uploadDoc(kind);
      await eventually(() => page.getByTestId('checklist-missing').textContent()).toContain(
        'Còn thiếu 1 tài liệu',
      );
      await page.screenshot({ path: '/tmp/hn-pw-dossier-checklist.png', fullPage: true });
      expect(await seriousViolations(page, 'dossier page')).toEqual([]);
    });

    it('notifies the person and family, and refuses to close the reading period early with the rule', async () => {
      const next = page.getByTestId('dossier-next');
      await fillDate(next, 'Ngày thông báo', '12/05/2025');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe(
        'Đã thông báo, đang trong thời hạn đọc hồ sơ',
      );
      expect(await page.getByTestId('reading-end').textContent()).toContain('19/05/2025 (5 ngày làm việc');
      // The police's work list shows the reading period's end and leads back to the dossier.
      const dossierPath = new URL(page.url()).pathname;
      await page.goto('/tasks');
      const task = page.getByTestId('tasks-upcoming').getByTestId('task-dossier_reading_end');
      await task.waitFor();
      expect(await task.textContent()).toContain(
        'Hết thời hạn đọc hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
      );
      expect(await task.textContent()).toContain('19/05/2025');
      await task.getByRole('link', { name: 'Xem hồ sơ đề nghị' }).click();
      await page.getByTestId('dossier-next').waitFor();
      expect(new URL(page.url()).pathname).toBe(dossierPath);

      setToday('2025-05-15');
      await fillDate(next, 'Ngày ghi nhận', '15/05/2025');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      const problem = next.getByTestId('server-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('Không thực hiện được theo quy định');
      expect(await problem.textContent()).toContain('Thời hạn đọc hồ sơ 5 ngày làm việc chưa kết thúc');
      await page.screenshot({ path: '/tmp/hn-pw-dossier-reading-refused.png', fullPage: true });

      setToday('2025-05-20');
      await fillDate(next, 'Ngày ghi nhận', '20/05/2025');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Hết thời hạn đọc hồ sơ');
    });

    it('refuses submission while a document is missing, then submits to the regional court after a confirmation', async () => {
      const next = page.getByTestId('dossier-next');
      await fillDate(next, 'Ngày chuyển', '20/05/2025');
      await field(next, 'Tòa án nhận hồ sơ').fill('Tòa án nhân dân quận Ba Đình');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      let confirm = dialog('Xác nhận chuyển hồ sơ đến Tòa án');
      await confirm.getByRole('button', { name: 'Chuyển hồ sơ đến Tòa án' }).click();
      const problem = next.getByTestId('server-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('Hồ sơ còn thiếu tài liệu');
      expect(await problem.textContent()).toContain('Văn bản thông báo và biên bản');

      await uploadDoc('Văn bản thông báo và biên bản về việc người bị đề nghị, gia đình được đọc hồ sơ');
      await eventually(() => page.getByTestId('checklist-complete').isVisible()).toBe(true);
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      confirm = dialog('Xác nhận chuyển hồ sơ đến Tòa án');
      expect(await confirm.textContent()).toContain('không thể thay đổi tài liệu');
      await confirm.getByRole('button', { name: 'Chuyển hồ sơ đến Tòa án' }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Đã chuyển Tòa án');
      // Documents are locked once the court has the dossier.
      expect(await page.getByRole('button', { name: /^Tải lên/ }).count()).toBe(0);
    });

    it('records the court’s acceptance and hearing, refuses a 30-month order citing the law, records 18 months', async () => {
      setToday('2025-05-27');
      const next = page.getByTestId('dossier-next');
      await fillDate(next, 'Ngày thụ lý', '27/05/2025');
      await field(next, 'Số thụ lý').fill('21/2025/TLST-CNBB');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Tòa án đã thụ lý');
      await fillDate(next, 'Ngày phiên họp', '25/07/2025');
      await field(next, 'Nơi họp').fill('Trụ sở Tòa án');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Đã có lịch phiên họp');
      expect(await page.getByTestId('hearing-date').textContent()).toContain('25/07/2025');

      setToday('2025-07-28');
      await page.reload();
      await page.getByTestId('dossier-next').waitFor();
      await fillDate(next, 'Ngày quyết định', '28/07/2025');
      await field(next, `Quyết định đối với ${name}`).selectOption({
        label: 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
      });
      await field(next, 'Thời hạn (tháng)').fill('30');
      await field(next, 'Số quyết định').fill('112/2025/QĐ-TA');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await dialog('Xác nhận quyết định của Tòa án')
        .getByRole('button', { name: 'Ghi nhận quyết định của Tòa án' })
        .click();
      const problem = next.getByTestId('server-problem');
      await problem.waitFor();
      const text = (await problem.textContent()) ?? '';
      expect(text).toContain('12–24 tháng');
      expect(text).toContain('Điều 32 Luật 73/2021/QH14');
      await page.screenshot({ path: '/tmp/hn-pw-term-refused.png', fullPage: true });
      await field(next, 'Thời hạn (tháng)').fill('18');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await dialog('Xác nhận quyết định của Tòa án')
        .getByRole('button', { name: 'Ghi nhận quyết định của Tòa án' })
        .click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Tòa án đã quyết định');
      expect(await page.getByTestId('person-outcome').textContent()).toContain('18 tháng · 112/2025/QĐ-TA');
    });

    it('executes the order: the facility admits the person; time at the family does not count toward the term', async () => {
      setToday('2025-08-01');
      const next = page.getByTestId('dossier-next');
      await eventually(() => field(next, 'Cơ sở cai nghiện').locator('option').allTextContents()).toContain(
        FACILITY_NAME,
      );
      await field(next, 'Cơ sở cai nghiện').selectOption({ label: FACILITY_NAME });
      await fillDate(next, 'Ngày thi hành', '01/08/2025');
      await next.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      const confirm = dialog('Xác nhận thi hành');
      expect(await confirm.textContent()).toContain(`Ghi nhận ${name} đã được đưa vào ${FACILITY_NAME}`);
      await confirm.getByRole('button', { name: 'Thi hành quyết định, tiếp nhận vào cơ sở' }).click();
      await eventually(() => page.getByTestId('dossier-status').textContent()).toBe('Đã thi hành');
      expect(await page.getByTestId('dossier-done').isVisible()).toBe(true);

      const link = page.getByRole('link', { name: 'Danh mục tài liệu hồ sơ (DOCX)' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
      const xml = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
      expect(xml.includes(name) || xml.includes(name.toUpperCase())).toBe(true);
      expect(xml).toContain('Bản tóm tắt lý lịch');

      await page.getByRole('link', { name: `Trang của ${name}` }).click();
      await page.getByTestId('derived-status').waitFor();
      await eventually(() => statusText()).toBe('Đang cai nghiện bắt buộc');
      const card = episodeCard('compulsory');
      // Managed at the family (Form 35) while pending: the 18 months run from the order (Decree 116 Art. 44).
      expect(await card.getByTestId('planned-end').textContent()).toBe('31/01/2027');
      expect(await page.getByTestId('person-dossiers').textContent()).toContain('Đã thi hành');
    });

    it('lists the dossier, findable by a name typed without diacritics', async () => {
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Đề nghị cai nghiện bắt buộc' })
        .click();
      await page.getByTestId('dossiers-table').waitFor();
      await field(page, 'Tìm theo tên người trong hồ sơ').fill('nguyen van thang');
      await eventually(() => page.getByTestId('dossier-row').allTextContents()).toEqual([
        `${name}12/05/2025Đã thi hành25/07/2025`,
      ]);
      expect(await seriousViolations(page, 'dossier list')).toEqual([]);
      await field(page, 'Tìm theo tên người trong hồ sơ').fill('khong co ai');
      await eventually(() => page.getByTestId('dossiers-empty').textContent()).toContain('Lập hồ sơ mới');
    });

    it('finds the overdue post-rehab decision on the work list (the rest of the path through the API)', async () => {
      setToday('2026-01-15');
      const episodes = (await (await page.request.get(`/api/people/${personId}/episodes`)).json()).items as {
        id: string;
        type: string;
        version: number;
      }[];
      const byType = (t: string) => episodes.find((e) => e.type === t)!;
      await officerApi.post(`/api/episodes/${byType('user_management').id}/close`, {
        version: byType('user_management').version,
        outcome: 'completed',
        endDate: '2026-01-14',
      });
      setToday('2026-11-09');
      const staffApi = await apiAs('canbo.coso2');
      await staffApi.post(`/api/episodes/${byType('compulsory').id}/close`, {
        version: byType('compulsory').version,
        outcome: 'completed',
        endDate: '2026-11-09',
      });

      setToday('2026-11-17');
      await as('canbo.badinh');
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Việc cần làm' })
        .click();
      await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
      const overdue = page.getByTestId('tasks-overdue');
      await overdue.waitFor();
      const row = overdue.getByTestId('task-post_rehab_decision');
      expect(await row.textContent()).toContain('Ra quyết định quản lý sau cai nghiện');
      expect(await row.textContent()).toContain('16/11/2026');
      expect(await row.textContent()).toContain('Quá hạn 1 ngày');
      await page.screenshot({ path: '/tmp/hn-pw-tasks-overdue.png', fullPage: true });
      expect(await seriousViolations(page, 'work list')).toEqual([]);
      await row.getByRole('link', { name }).click();
      await page.getByTestId('derived-status').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/people/${personId}`);
    });

    it('issues the post-rehab decision for one year from the completion of rehab and schedules a contact', async () => {
      const d = await openEpisodeDialog();
      await field(d, 'Loại giai đoạn').selectOption({ label: 'Quản lý sau cai nghiện' });
      await fillDate(d, 'Ngày bắt đầu', '17/11/2026');
      await field(d, 'Số quyết định').fill('31/QĐ-UBND');
      await fillDate(d, 'Ngày quyết định', '17/11/2026');
      await field(d, 'Người ký').fill('Trần Văn Chủ Tịch');
      await d.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-episode').textContent()).toContain('Dự kiến kết thúc: 09/11/2027');
      await eventually(() => statusText()).toBe('Đang quản lý sau cai nghiện');

      const card = episodeCard('post_rehab');
      await card.getByRole('button', { name: 'Hẹn xét nghiệm / gặp gỡ' }).click();
      const s = dialog('Hẹn xét nghiệm hoặc gặp gỡ');
      await field(s, 'Việc hẹn').selectOption({ label: 'Gặp gỡ, tiếp xúc' });
      await fillDate(s, 'Hạn', '01/12/2026');
      await s.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => flash('flash-schedule').textContent()).toContain('01/12/2026');
    });

    it('sees the contact due today on the work list and records it there from the person page', async () => {
      setToday('2026-12-01');
      await page.goto('/tasks');
      const today = page.getByTestId('tasks-today');
      await today.waitFor();
      expect(await page.getByTestId('tasks-overdue-none').isVisible()).toBe(true);
      const row = today.getByTestId('task-contact_due');
      expect(await row.textContent()).toContain('Gặp gỡ, tiếp xúc người được quản lý');
      await row.getByRole('link', { name }).click();
      await page.getByTestId('derived-status').waitFor();
      // The officer's management contact is told apart from a volunteer's support contact ("Ghi liên hệ").
      const hint = episodeCard('post_rehab').getByTestId('contact-hint');
      expect(await hint.textContent()).toContain('hồ sơ pháp lý');
      expect(await hint.textContent()).toContain('“Ghi liên hệ”');
      await episodeCard('post_rehab').getByRole('button', { name: 'Ghi buổi gặp quản lý' }).click();
      const c = dialog('Ghi buổi gặp quản lý (hồ sơ pháp lý)');
      await fillDate(c, 'Ngày gặp', '01/12/2026');
      await field(c, 'Hình thức').selectOption({ label: 'Đến nhà' });
      await field(c, 'Nội dung').fill('Gặp tại nhà, đã có việc làm ổn định');
      await c.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => page.getByTestId('timeline-contact').textContent()).toContain(
        'Đến nhà — canbo.badinh: Gặp tại nhà, đã có việc làm ổn định',
      );
      await page.goto('/tasks');
      await page.getByTestId('tasks-upcoming').waitFor();
      expect(await page.getByTestId('tasks-today-none').isVisible()).toBe(true);
    });

    it('shows the police an empty work list with a clear message', async () => {
      await as('congan.badinh');
      await page.goto('/tasks');
      await eventually(() => page.getByTestId('tasks-empty').textContent()).toBe(
        'Không có việc nào đến hạn. Bạn đã làm hết việc cần làm.',
      );
      await page.screenshot({ path: '/tmp/hn-pw-tasks-empty.png', fullPage: true });
    });

    it('issues the completion certificate (Form 54) and downloads it as a DOCX with the person’s name', async () => {
      setToday('2027-11-10');
      await as('canbo.badinh');
      await openPerson(personId);
      await episodeCard('post_rehab').getByRole('button', { name: 'Cấp giấy chứng nhận (Mẫu 54)' }).click();
      const c = dialog('Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 54)');
      await fillDate(c, 'Ngày cấp', '10/11/2027');
      await field(c, 'Số giấy chứng nhận (để trống để hệ thống cấp số)').fill('02/GCN-UBND');
      await field(c, 'Người ký').fill('Trần Văn Chủ Tịch');
      await c.getByRole('button', { name: 'Lưu' }).click();
      await eventually(() => statusText()).toBe('Đã hoàn thành cai nghiện');
      const card = episodeCard('post_rehab');
      await eventually(() => card.textContent()).toContain('02/GCN-UBND · 10/11/2027');
      await page.screenshot({ path: '/tmp/hn-pw-completed.png', fullPage: true });

      const link = card.getByRole('link', {
        name: 'Giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 54) (DOCX)',
      });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^post-rehab-completion-certificate-.*\.docx$/);
      const file = await download.path();
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text.includes(name) || text.includes(name.toUpperCase())).toBe(true);
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      for (const s of [
        '10/01/2025',
        'Xét nghiệm chất ma túy',
        'Quyết định: Quản lý sau cai nghiện',
        '10/11/2027',
      ])
        expect(timeline).toContain(s);
    });
  });
});
