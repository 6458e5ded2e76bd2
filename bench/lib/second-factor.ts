import fs from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import { BENCH_PASSWORD } from './run-generator.ts';

type Session = { cookie: string; csrf: string };

/**
 * The benchmark's national and province officers need a second factor (issue 16): at their first login the
 * benchmark enrols them through the API and keeps the secrets in `file` (beside the generated data), later
 * runs type a code from it. One login per user per run, so a code step is never replayed.
 */
export async function secondFactor(
  base: string,
  username: string,
  session: Session,
  state: 'ok' | 'code' | 'enrol' | undefined,
  file: string,
) {
  if (!state || state === 'ok') return;
  const secrets: Record<string, string> = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8'))
    : {};
  const post = async (url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status !== 200) throw new Error(`${url} for ${username}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  if (state === 'enrol') {
    const { secret } = await post('/api/auth/totp/enrol');
    await post('/api/auth/totp/confirm', { code: code(secret) });
    secrets[username] = secret;
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return;
  }
  const secret = secrets[username];
  if (!secret) throw new Error(`${username} has a second factor the benchmark does not know (${file})`);
  await post('/api/auth/totp/verify', { code: code(secret) });
}

/**
 * Logs a bench account in (every generated account has BENCH_PASSWORD) and passes its second factor with the
 * secrets in `totpFile`: the session's cookie and CSRF token, and the session token itself.
 */
export async function benchLogin(base: string, username: string, totpFile: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const token = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hn_session='))!
    .split(';')[0]
    .slice('hn_session='.length);
  const body = await res.json();
  const session = { cookie: `hn_session=${token}`, csrf: body.csrfToken as string, token };
  await secondFactor(base, username, session, body.secondFactor, totpFile);
  return session;
}
