import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { field } from './support/browser.ts';
import { BA_DINH, type FacilityBrowser, facilityBrowser } from './support/facility-browser.ts';

// The residents board of a facility with 250 residents in the browser: one admitted through the API, 249 copied
// from that stay in bulk into the database. Paged by the server (100 a page), sorted by name both ways, searched
// by name on the server, and exported whole to Excel.

const N = 250;
const name = (i: number) => `Học Viên ${String(i).padStart(3, '0')}`;

describe('a paged residents board in the browser', () => {
  let k: FacilityBrowser;
  let page: Page;

  beforeAll(async () => {
    k = await facilityBrowser();
    page = k.page;
    k.setToday('2025-03-01');
    const facilityId = await k.addFacility('Cơ sở cai nghiện ma túy số 2 Hà Nội');
    await k.server.addUser('facility_staff', 'facility', facilityId, 'canbo.coso2');
    const officer = await k.apiAs('canbo.badinh');
    const personId = (
      await officer.post('/api/people', {
        fullName: name(0),
        sex: 'male',
        birthDate: '1990-01-01',
        currentAddress: { communeCode: BA_DINH, detail: 'Số 1' },
        confirmPossibleDuplicate: true,
      })
    ).id;
    const ep = await officer.post(`/api/people/${personId}/episodes`, {
      type: 'voluntary_facility',
      startDate: '2025-03-01',
      termMonths: 6,
      facilityId,
      contract: { number: 'HĐ-01/2025', signedOn: '2025-03-01' },
    });
    const staff = await k.apiAs('canbo.coso2');
    const adm = await staff.post(`/api/facility-ops/${facilityId}/admissions`, {
      episodeId: ep.id,
      admittedOn: '2025-03-01',
      recordNumber: 'BB-01',
      classification: 'first_time',
      belongings: [{ item: 'Điện thoại', quantity: 1 }],
      rapidTest: { testedOn: '2025-03-01', result: 'positive', substances: ['methamphetamine'] },
      area: 'Khu A',
      bed: 'A-1',
      approvedBy: 'Giám đốc Nguyễn Văn Giám',
    });
    const db = k.server.deps.database.db;
    const a = await db
      .selectFrom('facility_admissions')
      .selectAll()
      .where('id', '=', adm.id)
      .executeTakeFirstOrThrow();
    const e = await db
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', a.episode_id)
      .executeTakeFirstOrThrow();
    const p = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', a.person_id)
      .executeTakeFirstOrThrow();
    for (let i = 1; i < N; i++) {
      const pid = randomUUID();
      const eid = randomUUID();
      await db
        .insertInto('people')
        .values({ ...p, id: pid, full_name: name(i), name_search: name(i).toLowerCase(), citizen_id: null })
        .execute();
      await db
        .insertInto('episodes')
        .values({ ...e, id: eid, person_id: pid })
        .execute();
      await db
        .insertInto('facility_admissions')
        .values({
          ...a,
          id: randomUUID(),
          person_id: pid,
          episode_id: eid,
          stage: 1 + (i % 5),
          bed: `A-${i}`,
        })
        .execute();
    }
    await k.as('canbo.coso2');
  }, 180_000);
  afterEach(({ task }) => k?.screenshotOnFailure(task));
  afterAll(async () => k?.close());

  const firstName = (text: string) =>
    page.locator('[data-testid^="resident-row-"]').first().getByRole('link', { name: text }).waitFor();

  it('shows the first 100 of 250, then the next page, sorted by name both ways', async () => {
    await page.goto('/facility/residents');
    await page.getByTestId('board-table').waitFor();
    expect(await page.getByTestId('board-shown').textContent()).toBe('Dòng 1–100 trong 250 học viên');
    expect(await page.locator('[data-testid^="resident-row-"]').count()).toBe(100);
    await firstName(name(0));
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await firstName(name(100));
    expect(await page.getByTestId('board-shown').textContent()).toBe('Dòng 101–200 trong 250 học viên');
    await page.getByTestId('board-sort-name').click();
    await firstName(name(N - 1));
    expect(await page.getByTestId('board-shown').textContent()).toBe('Dòng 1–100 trong 250 học viên');
    expect(await seriousViolations(page, 'paged residents board')).toEqual([]);
  });

  it('searches by name and filters by stage on the server', async () => {
    await page.goto('/facility/residents');
    await page.getByTestId('board-table').waitFor();
    await field(page, 'Tìm theo tên').fill('hoc vien 123');
    await page.getByTestId('board-shown').filter({ hasText: 'Dòng 1–1 trong 1 học viên' }).waitFor();
    await firstName(name(123));
    await field(page, 'Tìm theo tên').fill('');
    await field(page, 'Giai đoạn').selectOption({ label: 'Giai đoạn 3' });
    await page.getByTestId('board-shown').filter({ hasText: 'trong 50 học viên' }).waitFor();
  });

  it('downloads every selected resident as Excel, in the order shown', async () => {
    await page.goto('/facility/residents');
    await page.getByTestId('board-table').waitFor();
    await page.getByTestId('board-sort-name').click();
    await firstName(name(N - 1));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('board-export-xlsx').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet('Học viên')!;
    expect(ws.rowCount).toBe(N + 1);
    expect(ws.getRow(2).getCell(2).value).toBe(name(N - 1));
    expect(ws.getRow(N + 1).getCell(2).value).toBe(name(0));
  });
});
