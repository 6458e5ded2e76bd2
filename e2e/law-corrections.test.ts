import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { eventually } from './support/eventually.ts';
import { BA_DINH, type PathwaysHarness, pathwaysHarness } from './support/pathways-harness.ts';

// Issue 12, correction 1 in the browser: the person page names WHICH situation of Criminal Code Art. 256a a
// positive test fell in (here case d: within two years after quitting substitution therapy on one's own),
// with the episode, its span and the legal basis; a person who COMPLETED voluntary rehab is not flagged.
// The rest of the path is seeded through the API.

async function person(h: PathwaysHarness, fullName: string) {
  const officerApi = await h.apiAs('canbo.badinh');
  return (
    await officerApi.post('/api/people', {
      fullName,
      sex: 'male',
      birthDate: '1990-04-12',
      currentAddress: { communeCode: BA_DINH, detail: 'Tổ 5' },
      confirmPossibleDuplicate: true,
    })
  ).id as string;
}

const positiveTest = (testedOn: string) => ({
  testedOn,
  method: 'rapid_urine',
  results: [{ substance: 'heroin', result: 'positive' }],
  performedBy: 'Thiếu úy Lê Văn Cường',
  reason: 'suspicion',
});

describe('the Art. 256a case on the person page', () => {
  const h = pathwaysHarness();
  const { setToday, apiAs, as, openPerson } = h;
  let page: Page;
  beforeAll(() => {
    page = h.page;
  });

  it('names case (d) after quitting substitution therapy, with its span and basis', async () => {
    setToday('2026-12-01');
    const personId = await person(h, 'Lê Văn Bỏ');
    const policeApi = await apiAs('congan.badinh');
    const therapy = await policeApi.post(`/api/people/${personId}/episodes`, {
      type: 'substitution_therapy',
      startDate: '2024-05-01',
      clinic: { name: 'Cơ sở điều trị Methadone Ba Đình' },
    });
    await policeApi.post(`/api/episodes/${therapy.id}/close`, {
      version: therapy.version,
      outcome: 'quit',
      endDate: '2026-02-01',
    });
    await policeApi.post(`/api/people/${personId}/drug-tests`, positiveTest('2026-12-01'));

    await as('congan.badinh');
    await openPerson(personId);
    const art = page.getByTestId('case-256a');
    await eventually(() => art.textContent()).toContain('Điều 256a Bộ luật Hình sự');
    expect(await art.getAttribute('data-case')).toBe('after_quitting');
    const text = (await art.textContent()) ?? '';
    expect(text).toContain('Xét nghiệm dương tính ngày 01/12/2026 — trường hợp d');
    expect(text).toContain(
      'tự ý chấm dứt cai nghiện ma túy tự nguyện hoặc điều trị nghiện bằng thuốc thay thế',
    );
    expect(text).toContain('Điều trị thay thế (methadone), từ 02/02/2026 đến 01/02/2028');
    expect(text).toContain('Căn cứ pháp lý: khoản 1 Điều 256a Bộ luật Hình sự');
    // The generic warning of before 12/2026 is gone.
    expect(await page.getByText('Cần xem xét xử lý').count()).toBe(0);
    await page.screenshot({ path: '/tmp/hn-pw-256a-case.png', fullPage: true });
    expect(await seriousViolations(page, 'person page with the Art. 256a case')).toEqual([]);
  });

  it('shows no Art. 256a case for a person who completed voluntary rehab', async () => {
    setToday('2026-12-01');
    const personId = await person(h, 'Phạm Văn Xong');
    const officerApi = await apiAs('canbo.badinh');
    const rehab = await officerApi.post(`/api/people/${personId}/episodes`, {
      type: 'voluntary_community',
      startDate: '2025-09-11',
      termMonths: 6,
      registration: { registeredOn: '2025-09-11', provider: 'Tổ cai nghiện cộng đồng phường Ba Đình' },
    });
    await officerApi.post(`/api/episodes/${rehab.id}/close`, {
      version: rehab.version,
      outcome: 'completed',
      endDate: '2026-03-10',
    });
    const policeApi = await apiAs('congan.badinh');
    await policeApi.post(`/api/people/${personId}/drug-tests`, positiveTest('2026-12-01'));

    await as('congan.badinh');
    await openPerson(personId);
    await eventually(() => page.getByTestId('timeline-drug_test').count()).toBe(1);
    expect(await page.getByTestId('case-256a').count()).toBe(0);
    expect(await page.getByTestId('case-256a-item').count()).toBe(0);
    expect(await seriousViolations(page, 'person page without an Art. 256a case')).toEqual([]);
  });
});
