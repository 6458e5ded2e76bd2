import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('admin CLI', () => {
  it('creates a user with a role and scope, password from stdin, who can then log in', async () => {
    const lines: string[] = [];
    const code = await runCli(
      [
        'create-user',
        '--username',
        'cli.officer',
        '--name',
        'Nguyễn Thị Lan',
        '--role',
        'commune_officer',
        '--scope',
        'commune:00004',
      ],
      { deps: t.deps, out: (s) => lines.push(s), stdin: async () => 'Cli-password-123' },
    );
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('cli.officer');
    const u = await t.login('cli.officer', 'Cli-password-123');
    expect(u.body.user.scopeName).toBe('Phường Ba Đình');
  });

  it('refuses an unknown role and a bad scope with a clear message', async () => {
    await expect(
      runCli(['create-user', '--username', 'x.y', '--name', 'X Y', '--role', 'chief', '--scope', 'nation'], {
        deps: t.deps,
        out: () => {},
        stdin: async () => 'Cli-password-123',
      }),
    ).rejects.toThrow(/unknown role/);
    await expect(
      runCli(
        [
          'create-user',
          '--username',
          'x.z',
          '--name',
          'X Z',
          '--role',
          'commune_officer',
          '--scope',
          'commune:99999',
        ],
        { deps: t.deps, out: () => {}, stdin: async () => 'Cli-password-123' },
      ),
    ).rejects.toThrow(/Invalid input|Dữ liệu/);
  });

  it('lists users and resets a password (the new one must be changed at login)', async () => {
    const lines: string[] = [];
    expect(await runCli(['list-users'], { deps: t.deps, out: (s) => lines.push(s) })).toBe(0);
    expect(lines.some((l) => l.startsWith('cli.officer\tcommune_officer\tcommune:00004'))).toBe(true);
    const reset: string[] = [];
    expect(
      await runCli(['reset-password', '--username', 'cli.officer'], {
        deps: t.deps,
        out: (s) => reset.push(s),
      }),
    ).toBe(0);
    const temp = reset[0].split(': ').pop()!.split('\n')[0];
    const u = await t.login('cli.officer', temp);
    expect(u.body.user.mustChangePassword).toBe(true);
  });

  it('backs up the database to a file that opens', async () => {
    const out = path.join(t.deps.config.dataDir, 'backup.sqlite');
    expect(await runCli(['backup', '--out', out], { deps: t.deps, out: () => {} })).toBe(0);
    if (t.deps.database.dialect === 'postgres') {
      // pg_dump writes plain SQL that psql restores.
      expect(fs.readFileSync(out, 'utf8')).toMatch(/CREATE TABLE public\.units/);
      return;
    }
    const SQLite = (await import('better-sqlite3')).default;
    const copy = new SQLite(out, { readonly: true });
    expect(
      (copy.prepare("select count(*) n from units where level = 'commune'").get() as { n: number }).n,
    ).toBe(3321);
    copy.close();
    expect(fs.statSync(out).size).toBeGreaterThan(100_000);
  });
});
