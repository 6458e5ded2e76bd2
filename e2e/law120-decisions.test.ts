import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, pathwaysHarness } from './support/pathways-harness.ts';

// Law 120/2025 in the browser: the head of commune police decides on a drug user from 01/07/2026 (the officer
// is refused with the rule), a term decided before that day says which regime governs it, and an addiction
// determination takes the doctor's Form 04 conclusion and shows a warning when the criteria disagree.

describe('Law 120/2025: who decides, the transition, the doctor’s conclusion', () => {
  const h = pathwaysHarness();
  const { setToday, apiAs, as, openPerson, dialog, flash, fillDate, episodeCard, openEpisodeDialog } = h;
  let page: Page;
  beforeAll(() => {
    page = h.page;
  });

  const newPerson = async (fullName: string) =>
    (
      await (
        await apiAs('canbo.badinh')
      ).post('/api/people', {
        fullName,
        sex: 'male',
        birthDate: '1991-03-04',
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 5' },
        confirmPossibleDuplicate: true,
      })
    ).id as string;

  async function fillUserManagement(date: string, signer: string) {
    const d = await openEpisodeDialog();
    await field(d, 'Loại giai đoạn').selectOption({ label: 'Quản lý người sử dụng trái phép chất ma túy' });
    await fillDate(d, 'Ngày bắt đầu', date);
    await fillDate(d, 'Ngày quyết định', date);
    await field(d, 'Người ký').fill(signer);
    await d.getByRole('button', { name: 'Lưu' }).click();
    return d;
  }

  it('refuses the commune officer on 01/12/2026, naming the head of commune police', async () => {
    setToday('2026-12-01');
    const personId = await newPerson('Phan Văn Lợi');
    await as('canbo.badinh');
    await openPerson(personId);
    const d = await fillUserManagement('01/12/2026', 'Trần Văn Chủ Tịch');
    const problem = d.getByTestId('server-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Trưởng Công an cấp xã');
    await d.getByRole('button', { name: 'Hủy' }).click();
  });

  it('the commune police issue it; the card names the head of commune police', async () => {
    setToday('2026-12-01');
    const personId = await newPerson('Đặng Văn Minh');
    await as('congan.badinh');
    await openPerson(personId);
    await fillUserManagement('01/12/2026', 'Nguyễn Văn Trưởng');
    await eventually(() => flash('flash-episode').textContent()).toContain('30/11/2027');
    const card = episodeCard('user_management');
    await card.waitFor();
    expect(await card.textContent()).toContain('Trưởng Công an cấp xã');
    expect(await card.textContent()).toContain('01/QĐ-CAX');
    expect(await card.getByTestId('episode-transition').count()).toBe(0);
    expect(await seriousViolations(page, 'user-management decision by the police')).toEqual([]);
  });

  it('a term decided on 30/06/2026 shows the transition: its term stands, later acts follow Law 120', async () => {
    setToday('2026-06-30');
    const personId = await newPerson('Cao Văn Nghĩa');
    const officerApi = await apiAs('canbo.badinh');
    await officerApi.post(`/api/people/${personId}/episodes`, {
      type: 'user_management',
      startDate: '2026-06-30',
      decision: { date: '2026-06-30', signer: 'Trần Văn Chủ Tịch' },
    });
    setToday('2026-12-01');
    await as('canbo.badinh');
    await openPerson(personId);
    const note = episodeCard('user_management').getByTestId('episode-transition');
    await note.waitFor();
    const text = await note.textContent();
    expect(text).toContain('Chuyển tiếp sang Luật 120/2025/QH15');
    expect(text).toContain('30/06/2026');
    expect(text).toContain('đến ngày 29/06/2027');
    expect(text).toContain('Căn cứ: Luật 120/2025/QH15');
    expect(await seriousViolations(page, 'transition note')).toEqual([]);
  });

  it('records the doctor’s conclusion and shows the warning when the criteria disagree', async () => {
    setToday('2026-12-01');
    const personId = await newPerson('Lâm Văn Phúc');
    await as('congan.badinh');
    await openPerson(personId);
    await page.getByRole('button', { name: 'Xác định tình trạng nghiện' }).click();
    const d = dialog('Xác định tình trạng nghiện ma túy');
    await fillDate(d, 'Ngày xác định', '01/12/2026');
    await field(d, 'Cơ sở y tế').fill('Trung tâm Y tế phường Ba Đình');
    await field(d, 'Bác sĩ xác định').fill('BS. Nguyễn Thị Lan');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await d.getByText('Mục này là bắt buộc').first().waitFor();
    await field(d, 'Số chứng chỉ hành nghề của bác sĩ').fill('CCHN-001234');
    await field(d, 'Kết luận của bác sĩ (Mẫu 04)').selectOption({ label: 'Nghiện ma túy' });
    // Only one criterion recorded: the criteria check does not reach the threshold.
    const group = d.getByRole('group', { name: 'Có hội chứng cai' });
    await group.getByLabel('Tiêu chuẩn đáp ứng').check();
    await fillDate(group, 'Từ ngày', '01/10/2026');
    expect(await seriousViolations(page, 'determination form')).toEqual([]);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => flash('flash-determination').textContent()).toContain(
      'Kết luận của bác sĩ (Mẫu 04) là có nghiện',
    );
    expect(await flash('flash-determination').textContent()).toContain('Kết quả: NGHIỆN ma túy');
    const warning = page.getByTestId('timeline-determination').getByTestId('determination-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('chưa đạt ngưỡng');
    expect(await page.getByTestId('timeline-determination').textContent()).toContain(
      'Theo kết luận của bác sĩ (Mẫu 04',
    );
    expect(await seriousViolations(page, 'determination warning')).toEqual([]);
  });
});
