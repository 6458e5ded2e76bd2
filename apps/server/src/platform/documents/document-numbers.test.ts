import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.ts';
import { createTestDeps } from '../../test/test-app.ts';
import { lastDocumentNumber, nextDocumentNumber } from './document-numbers.ts';

// On the real database of the run: SQLite, or PostgreSQL when DATABASE_URL is set.

let deps: AppDeps;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ deps, cleanup } = await createTestDeps());
});
afterAll(async () => {
  await cleanup();
});

const take = (unitCode: string, year: number, symbol: string, series?: string) =>
  deps.database.db
    .transaction()
    .execute((trx) => nextDocumentNumber(trx, { unitCode, year, symbol, series }));

describe('nextDocumentNumber', () => {
  it('counts per unit, year and symbol, from 01', async () => {
    expect(await take('00004', 2026, 'QĐ-UBND')).toEqual({
      sequence: 1,
      symbol: 'QĐ-UBND',
      text: '01/QĐ-UBND',
    });
    expect((await take('00004', 2026, 'QĐ-UBND')).text).toBe('02/QĐ-UBND');
    expect((await take('00004', 2026, 'GCN-UBND')).text).toBe('01/GCN-UBND');
    expect((await take('00008', 2026, 'QĐ-UBND')).text).toBe('01/QĐ-UBND');
    expect((await take('00004', 2026, 'QĐ-UBND')).text).toBe('03/QĐ-UBND');
    expect(
      await lastDocumentNumber(deps.database.db, { unitCode: '00004', year: 2026, symbol: 'QĐ-UBND' }),
    ).toBe(3);
  });

  it('restarts at 01 in a new year', async () => {
    for (let i = 0; i < 11; i++) await take('06652', 2025, 'QĐ-CAX');
    expect((await take('06652', 2025, 'QĐ-CAX')).text).toBe('12/QĐ-CAX');
    expect((await take('06652', 2026, 'QĐ-CAX')).text).toBe('01/QĐ-CAX');
    expect((await take('06652', 2025, 'QĐ-CAX')).text).toBe('13/QĐ-CAX');
  });

  it('treats a symbol typed in NFD as the same series', async () => {
    expect((await take('00008', 2027, 'QĐ-UBND')).sequence).toBe(1);
    const nfd = await take('00008', 2027, ' QĐ-UBND '.normalize('NFD'));
    expect(nfd).toEqual({ sequence: 2, symbol: 'QĐ-UBND', text: '02/QĐ-UBND' });
  });

  it('shares one joint series between symbols when the unit registers jointly', async () => {
    expect((await take('00004', 2028, 'QĐ-UBND', 'all')).text).toBe('01/QĐ-UBND');
    expect((await take('00004', 2028, 'GCN-UBND', 'all')).text).toBe('02/GCN-UBND');
  });

  it('gives the number back when the transaction rolls back', async () => {
    await take('00004', 2029, 'QĐ-UBND');
    await expect(
      deps.database.db.transaction().execute(async (trx) => {
        const n = await nextDocumentNumber(trx, { unitCode: '00004', year: 2029, symbol: 'QĐ-UBND' });
        expect(n.sequence).toBe(2);
        throw new Error('document not saved');
      }),
    ).rejects.toThrow('document not saved');
    expect((await take('00004', 2029, 'QĐ-UBND')).sequence).toBe(2);
  });

  it('never gives the same number to concurrent transactions', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => take('00008', 2030, 'QĐ-UBND')));
    const sequences = results.map((r) => r.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('rejects a malformed request', async () => {
    await expect(take('', 2026, 'QĐ-UBND')).rejects.toThrow(TypeError);
    await expect(take('00004', 2026, '12/QĐ-UBND')).rejects.toThrow(TypeError);
    await expect(take('00004', 26.5, 'QĐ-UBND')).rejects.toThrow(RangeError);
  });
});
