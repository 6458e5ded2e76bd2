import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { touchEveryMs } from './auth.ts';

// SESSION_IDLE_MINUTES=1: a session lives while requests come less than a minute apart, and ends after a
// minute without one — not a minute early (issue 16).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '1' });
});
afterAll(async () => t?.close());

describe('idle expiry at one minute', () => {
  it('keeps a session used 50 s ago and 60 s ago, ends it 60.001 s after the last use', async () => {
    const realNow = t.deps.now;
    const t0 = Date.now() + 1_000;
    let clock = t0;
    t.deps.now = () => new Date(clock);
    try {
      const u = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
      const me = async () => (await u.call('GET', '/api/auth/me')).statusCode;
      clock = t0 + 50_000;
      expect(await me()).toBe(200);
      // 110 s after login but 60 s after the last request: still alive (the old code refused it).
      clock = t0 + 110_000;
      expect(await me()).toBe(200);
      clock = t0 + 170_001;
      expect(await me()).toBe(401);
    } finally {
      t.deps.now = realNow;
    }
  });

  it('touches often enough for the window', () => {
    expect(touchEveryMs(60_000)).toBe(1_000);
    expect(touchEveryMs(30 * 60_000)).toBe(30_000);
    expect(touchEveryMs(600 * 60_000)).toBe(60_000);
  });
});
