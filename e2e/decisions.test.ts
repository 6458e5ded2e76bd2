import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, pathwaysHarness } from './support/pathways-harness.ts';

// One decision naming several people, entered once in the browser (issue 13): the police of Ba Đình name three
// people in one user-management decision (Law 120/2025); a person already under management is refused by name and
// nothing is recorded until they are taken off the list.

describe('one decision for several people', () => {
  const h = pathwaysHarness();
  const { setToday, apiAs, as } = h;
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
        birthDate: '1992-02-03',
        currentAddress: { communeCode: BA_DINH, detail: 'Tổ 7' },
        confirmPossibleDuplicate: true,
      })
    ).id as string;

  it('refuses the whole decision naming the person refused, then records it for three people', async () => {
    setToday('2026-12-01');
    for (const n of ['Một', 'Hai', 'Ba']) await newPerson(`Lương Văn ${n}`);
    const managed = await newPerson('Lương Văn Bốn');
    await (await apiAs('congan.badinh')).post(`/api/people/${managed}/episodes`, {
      type: 'user_management',
      startDate: '2026-11-20',
      decision: { date: '2026-11-20', signer: 'Nguyễn Văn Trưởng' },
    });

    await as('congan.badinh');
    await page.getByRole('link', { name: 'Quyết định cho nhiều người' }).click();
    await page.getByRole('heading', { name: 'Ghi một quyết định cho nhiều người' }).waitFor();
    await field(page, 'Ngày quyết định').fill('01/12/2026');
    await field(page, 'Người ký').fill('Nguyễn Văn Trưởng');
    await field(page, 'Ngày bắt đầu quản lý').fill('01/12/2026');
    for (const n of ['Một', 'Hai', 'Bốn']) {
      await field(page, 'Tìm người theo tên (ít nhất 2 ký tự)').fill(`Lương Văn ${n}`);
      await page.getByRole('button', { name: `Thêm: Lương Văn ${n}` }).click();
    }
    expect(await page.getByTestId('decision-picked').count()).toBe(3);
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    const problem = page.getByTestId('server-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Người thứ 3 (Lương Văn Bốn)');
    const personError = page.getByTestId('decision-person-error');
    expect(await personError.count()).toBe(1);
    expect(
      await page.getByTestId('decision-picked').nth(2).getByTestId('decision-person-error').count(),
    ).toBe(1);
    expect(await seriousViolations(page, 'decision refused for one person')).toEqual([]);

    await page.getByRole('button', { name: 'Bỏ Lương Văn Bốn khỏi quyết định' }).click();
    await field(page, 'Tìm người theo tên (ít nhất 2 ký tự)').fill('Lương Văn Ba');
    await page.getByRole('button', { name: 'Thêm: Lương Văn Ba' }).click();
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    const done = page.getByTestId('decision-done');
    await done.waitFor();
    await eventually(() => done.textContent()).toContain('ngày 01/12/2026 cho 3 người');
    for (const n of ['Một', 'Hai', 'Ba'])
      expect(await page.getByRole('link', { name: `Lương Văn ${n}` }).count()).toBe(1);
    expect(await seriousViolations(page, 'decision recorded for three people')).toEqual([]);
  });

  it('is offered to the commune officer too (the chairman decides post-rehab management)', async () => {
    await as('canbo.badinh');
    expect(await page.getByRole('link', { name: 'Quyết định cho nhiều người' }).count()).toBe(1);
  });
});
