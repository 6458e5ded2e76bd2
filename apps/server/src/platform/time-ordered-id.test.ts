import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from './time-ordered-id.ts';

describe('time-ordered ids (UUID version 7)', () => {
  it('is a UUID of version 7 and variant 10, its first 48 bits the milliseconds', () => {
    const ms = Date.UTC(2026, 11, 7, 22, 45, 1, 234);
    const id = timeOrderedId(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    expect(z.string().uuid().safeParse(id).success).toBe(true);
  });

  it('sorts a later millisecond after an earlier one, as text', () => {
    const t = Date.now();
    const ids = [t + 2, t, t + 1, t + 1000, t - 1].map((ms) => [ms, timeOrderedId(ms)] as const);
    const byText = [...ids].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([ms]) => ms);
    expect(byText).toEqual([t - 1, t, t + 1, t + 2, t + 1000]);
  });

  it('is unique within one millisecond (random beyond it)', () => {
    const ms = Date.now();
    const ids = new Set(Array.from({ length: 50_000 }, () => timeOrderedId(ms)));
    expect(ids.size).toBe(50_000);
  });
});
