/**
 * What a failed login does to an account (issue 16), given the failures in a row including this one:
 * below `maxFailures` nothing; from `maxFailures` on, a wait of `lockMinutes` that doubles with each further
 * failure (attempts during a wait are refused unchecked and not counted); at `adminLockFailures` a lock that
 * only an administrator lifts. The real user is never locked out by a few guesses, and an attacker needs
 * hours of waits to reach the lock (5 failures, then waits of 15, 30, 60, 120, 240 minutes by default).
 */
export function afterFailedLogin(
  failures: number,
  rule: { maxFailures: number; lockMinutes: number; adminLockFailures: number },
  now: Date,
): { lockedUntil: string | null; adminLock: boolean } {
  if (failures >= rule.adminLockFailures) return { lockedUntil: null, adminLock: true };
  if (failures < rule.maxFailures) return { lockedUntil: null, adminLock: false };
  // Capped at a week so the arithmetic stays finite whatever the settings.
  const minutes = Math.min(rule.lockMinutes * 2 ** (failures - rule.maxFailures), 7 * 24 * 60);
  return { lockedUntil: new Date(now.getTime() + minutes * 60_000).toISOString(), adminLock: false };
}
