import { describe, expect, it } from 'vitest';
import { afterFailedLogin } from './login-lockout';

const rule = { maxFailures: 5, lockMinutes: 15, adminLockFailures: 10 };
const now = new Date('2026-03-01T00:00:00.000Z');
const waitMinutes = (n: number) => {
  const r = afterFailedLogin(n, rule, now);
  return r.lockedUntil ? (new Date(r.lockedUntil).getTime() - now.getTime()) / 60_000 : null;
};

describe('afterFailedLogin', () => {
  it('does nothing below the limit, then waits that double, then the administrator lock', () => {
    expect([1, 2, 3, 4].map(waitMinutes)).toEqual([null, null, null, null]);
    expect([5, 6, 7, 8, 9].map(waitMinutes)).toEqual([15, 30, 60, 120, 240]);
    expect(afterFailedLogin(9, rule, now).adminLock).toBe(false);
    expect(afterFailedLogin(10, rule, now)).toEqual({ lockedUntil: null, adminLock: true });
  });
  it('caps a wait at a week', () => {
    expect(waitMinutes(40)).toBeNull();
    expect(afterFailedLogin(60, { ...rule, adminLockFailures: 100 }, now).lockedUntil).toBe(
      '2026-03-08T00:00:00.000Z',
    );
  });
});
