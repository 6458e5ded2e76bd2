import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/server/src/app.ts';
import type { AppDeps } from '../../apps/server/src/app-deps.ts';
import { firstStart } from '../../apps/server/src/bootstrap.ts';
import { identityRepo } from '../../apps/server/src/modules/identity/identity.repo.ts';
import { createUser } from '../../apps/server/src/modules/identity/identity.service.ts';
import { type Role, type ScopeKind, secondFactorRequired } from '../../apps/server/src/platform/policy.ts';
import { createTestDeps } from '../../apps/server/src/test/test-app.ts';
import { e2eTotp } from './totp.ts';

export type TestServer = {
  deps: AppDeps;
  baseUrl: string;
  adminPassword: string;
  /**
   * A ready user (no forced password change) for journeys that do not test onboarding; a role that requires a
   * second factor is enrolled already (e2e/support/totp.ts) and login() types its code.
   */
  addUser: (role: Role, scopeKind: ScopeKind, scopeCode: string | null, username: string) => Promise<string>;
  close: () => Promise<void>;
};

// Every asset index.html names is present (a copy taken in the middle of a build is not).
function completeBuild(dir: string): boolean {
  const file = path.join(dir, 'index.html');
  if (!fs.existsSync(file)) return false;
  const refs = [...fs.readFileSync(file, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    (m) => m[1],
  );
  return refs.length > 0 && refs.every((r) => fs.existsSync(path.join(dir, r)));
}

/** The real server on a random loopback port, on SQLite or PostgreSQL (DATABASE_URL), serving the built web app. */
export async function startServer(): Promise<TestServer> {
  const { deps, cleanup } = await createTestDeps();
  const built = deps.config.webDist;
  if (!fs.existsSync(path.join(built, 'index.html'))) {
    await cleanup();
    throw new Error(`No built web app in ${built}: run \`npm run build:web\` first`);
  }
  // Serve a private copy: a rebuild of apps/web/dist during the run (another terminal, `npm test`
  // elsewhere) would otherwise swap the assets under the running server.
  const webCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-web-'));
  for (let attempt = 0; ; attempt++) {
    fs.cpSync(built, webCopy, { recursive: true });
    if (completeBuild(webCopy)) break;
    if (attempt === 10) throw new Error(`${built} is incomplete (a build still running?)`);
    fs.rmSync(webCopy, { recursive: true, force: true });
    fs.mkdirSync(webCopy);
    await new Promise((r) => setTimeout(r, 1000));
  }
  deps.config.webDist = webCopy;
  const adminPassword = await firstStart(deps, () => {});
  if (!adminPassword) throw new Error('firstStart did not create the admin');
  // The first administrator needs a second factor: enrolled already, login() types the code.
  const admin = await identityRepo.findUserByUsername(deps.database.db, 'admin');
  await e2eTotp.enrol(deps, admin!.id, 'admin');
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const password = 'E2e-password-2025';
  return {
    deps,
    baseUrl: `http://127.0.0.1:${port}`,
    adminPassword,
    addUser: async (role, scopeKind, scopeCode, username) => {
      const { user } = await createUser(
        deps,
        null,
        { username, fullName: `Người thử ${username}`, role, scopeKind, scopeCode, password },
        { mustChangePassword: false },
      );
      if (secondFactorRequired(role)) await e2eTotp.enrol(deps, user.id, username);
      return password;
    },
    close: async () => {
      await app.close();
      await cleanup();
      fs.rmSync(webCopy, { recursive: true, force: true });
    },
  };
}
