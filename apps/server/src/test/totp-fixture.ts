import { Secret, TOTP } from 'otpauth';
import type { AppDeps } from '../app-deps.ts';
import { enrolWithSecret } from '../modules/identity/totp.service.ts';

/**
 * Test fixtures for the second factor: users of the roles that require TOTP are created already enrolled with
 * a secret the fixture keeps, and logins type a code generated from it, as a phone would. Each code step is
 * used at most once per user (the server refuses a replay), so a fixture waits for the next step when needed.
 */
export class TotpFixture {
  private readonly secrets = new Map<string, string>();
  private readonly lastStep = new Map<string, number>();

  /** Enrols the user with a fresh secret and remembers it under the username. */
  async enrol(deps: AppDeps, userId: string, username: string) {
    const secret = new Secret({ size: 20 }).base32;
    const recoveryCodes = await enrolWithSecret(deps, userId, secret);
    this.secrets.set(username, secret);
    return { secret, recoveryCodes };
  }

  /** Keeps a secret the user enrolled through the API (read from the enrolment answer). */
  adopt(username: string, secret: string) {
    this.secrets.set(username, secret);
  }

  has = (username: string) => this.secrets.has(username);
  secretOf = (username: string) => this.secrets.get(username);

  /** A code for a step the server has not yet seen for this user (current or next; else waits). */
  async code(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no TOTP secret for ${username}`);
    for (;;) {
      const now = Date.now();
      const step = Math.floor(now / 30_000);
      const last = this.lastStep.get(username) ?? 0;
      const use = last < step ? step : last === step ? step + 1 : null;
      if (use !== null) {
        this.lastStep.set(username, use);
        return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: use * 30_000 });
      }
      await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - now + 50));
    }
  }
}
