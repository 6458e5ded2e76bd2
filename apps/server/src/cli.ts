import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { AppDeps } from './app-deps.ts';
import { firstStart, prepare } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { identityRepo } from './modules/identity/identity.repo.ts';
import { createUser, resetPassword } from './modules/identity/identity.service.ts';
import { resetSecondFactor } from './modules/identity/totp.service.ts';
import { ROLES, type Role, type ScopeKind } from './platform/policy.ts';

const HELP = `Hòa Nhập — dòng lệnh quản trị / admin command line

  npm run cli -- create-user --username U --name "Họ tên" --role ROLE --scope KIND[:CODE]
                 (mật khẩu đọc từ stdin / password read from stdin)
  npm run cli -- reset-password --username U
  npm run cli -- reset-totp --username U
  npm run cli -- list-users
  npm run cli -- import-units --file FILE.json --effective YYYY-MM-DD [--source TEXT]
  npm run cli -- backup --out FILE
  npm run cli -- rebuild-aggregates   (số liệu tổng hợp tính lại từ hồ sơ / figure aggregates recomputed from the records)
  npm run cli -- import-people --file F.xlsx|F.csv (--commune CODE | --province CODE) [--dry-run] [--json] [--pick-first]

ROLE: ${ROLES.join(', ')}
KIND: nation | province:CODE | commune:CODE | facility:ID
Uses DATA_DIR / DATABASE_URL like the server.`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write('Mật khẩu / Password: ');
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0].trim();
}

/** Runs one CLI command; returns the process exit code. */
/** The account --username names, or an error naming it. */
async function namedUser(deps: AppDeps, username: string | undefined) {
  const user = username ? await identityRepo.findUserByUsername(deps.database.db, username) : undefined;
  if (!user) throw new Error(`Không có người dùng / no such user: ${username ?? ''}`);
  return user;
}

export async function runCli(
  argv: string[],
  io: { out?: (s: string) => void; deps?: AppDeps; stdin?: () => Promise<string> } = {},
): Promise<number> {
  const out = io.out ?? console.log;
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(HELP);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      file: { type: 'string' },
      effective: { type: 'string' },
      source: { type: 'string' },
      out: { type: 'string' },
      commune: { type: 'string' },
      province: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'pick-first': { type: 'boolean' },
    },
    strict: true,
  });
  const deps = io.deps ?? (await prepare(loadConfig()));
  try {
    switch (command) {
      case 'create-user': {
        if (!values.username || !values.name || !values.role || !values.scope)
          throw new Error('Thiếu tham số / missing options. See: npm run cli -- help');
        if (!ROLES.includes(values.role as Role))
          throw new Error(`Vai trò không hợp lệ / unknown role: ${values.role}`);
        const [kind, code] = values.scope.split(':');
        const password = await (io.stdin ?? readStdin)();
        const { user } = await createUser(deps, null, {
          username: values.username,
          fullName: values.name,
          role: values.role as Role,
          scopeKind: kind as ScopeKind,
          scopeCode: code ?? null,
          password,
        });
        out(
          `Đã tạo / created: ${user.username} (${user.role}, ${user.scope_kind}${user.scope_code ? `:${user.scope_code}` : ''})`,
        );
        return 0;
      }
      case 'reset-password': {
        const user = await namedUser(deps, values.username);
        const password = await resetPassword(deps, null, user.id);
        out(
          `Mật khẩu tạm / temporary password for ${user.username}: ${password}\n(phải đổi khi đăng nhập / must be changed at login)`,
        );
        return 0;
      }
      case 'reset-totp': {
        // The way back in for a sole administrator who lost the phone and the recovery codes (audited).
        const user = await namedUser(deps, values.username);
        await resetSecondFactor(deps, null, user.id);
        out(
          `Đã đặt lại xác thực hai bước / two-step verification reset for ${user.username}
(bật lại khi đăng nhập / set up again at login)`,
        );
        return 0;
      }
      case 'list-users': {
        const users = await identityRepo.listUsers(deps.database.db, { limit: 10_000, offset: 0 });
        for (const u of users) {
          out(
            [
              u.username,
              u.role,
              `${u.scope_kind}${u.scope_code ? `:${u.scope_code}` : ''}`,
              u.active ? 'active' : 'inactive',
              u.full_name,
            ].join('\t'),
          );
        }
        return 0;
      }
      case 'import-units': {
        if (!values.file || !values.effective)
          throw new Error('Cần --file và --effective / --file and --effective are required');
        const { importUnitsCommand } = await import('./modules/org/org.cli.ts');
        const summary = await importUnitsCommand(deps, {
          file: values.file,
          effectiveDate: values.effective,
          source: values.source ?? path.basename(values.file),
        });
        out(JSON.stringify(summary, null, 2));
        return 0;
      }
      case 'import-people': {
        if (!values.file) throw new Error('Cần --file / --file is required');
        const { importPeopleCommand, summaryLines } = await import('./modules/imports/imports.cli.ts');
        const summary = await importPeopleCommand(deps, {
          file: values.file,
          commune: values.commune,
          province: values.province,
          dryRun: values['dry-run'],
          pickFirst: values['pick-first'],
        });
        out(values.json ? JSON.stringify(summary, null, 2) : summaryLines(summary).join('\n'));
        return 0;
      }
      case 'rebuild-aggregates': {
        const { rebuildAggregates, freshenAggregates } = await import(
          './modules/reports/aggregates/aggregates.repo.ts'
        );
        const r = await rebuildAggregates(deps.database.db);
        await freshenAggregates(deps.database.db);
        out(
          `Đã tính lại / rebuilt: ${r.people} người / people, ${r.statusRows} dòng trạng thái / status rows, ${r.days} ngày có hồ sơ / person-days, ${r.facilityDays} ngày sự kiện cơ sở / facility-event days`,
        );
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new Error('Cần --out FILE / --out FILE is required');
        const target = path.resolve(values.out);
        if (fs.existsSync(target)) throw new Error(`Tệp đã tồn tại / file exists: ${target}`);
        if (deps.database.dialect === 'sqlite') {
          // VACUUM INTO writes a consistent copy even while the server is running.
          await sql`VACUUM INTO ${target}`.execute(deps.database.db);
          out(`Đã sao lưu / backed up to ${target}`);
        } else {
          // PostgreSQL's own tool makes a consistent dump; a plain SQL file restores with psql.
          const r = spawnSync('pg_dump', ['--no-owner', '--file', target, deps.config.databaseUrl!], {
            stdio: 'inherit',
          });
          if (r.error || r.status !== 0)
            throw new Error(`pg_dump thất bại / failed: ${r.error?.message ?? r.status}`);
          out(`Đã sao lưu / backed up to ${target}`);
        }
        return 0;
      }
      case 'first-start': {
        await firstStart(deps, out);
        return 0;
      }
      default:
        out(HELP);
        return 2;
    }
  } finally {
    if (!io.deps) await deps.database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`Lỗi / error: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
