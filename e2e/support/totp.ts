import { TotpFixture } from '../../apps/server/src/test/totp-fixture.ts';

/**
 * The browser tests' second factors (issue 16): users of the roles that require TOTP are created already
 * enrolled with a secret kept here, and login() types a code generated from it, as the phone would.
 */
export const e2eTotp = new TotpFixture();
