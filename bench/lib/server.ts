import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { REPO } from './target.ts';

/** The server's environment for a benchmark's data set: its SQLite file, or its PostgreSQL database. */
export function serverEnv(
  dialect: 'sqlite' | 'postgres',
  target: { sqliteFile: string; pgUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> =
    dialect === 'sqlite'
      ? { DATA_DIR: path.dirname(target.sqliteFile), BENCH_SQLITE_FILE: target.sqliteFile, DATABASE_URL: '' }
      : { DATABASE_URL: target.pgUrl, DATA_DIR: path.join(REPO, 'bench/data/pg') };
  return { ...env, ...extra };
}

/** The product's server in a process of its own (bench/lib/server-child.ts), and a way to ask it things. */
export async function startServer(env: Record<string, string>) {
  const child = fork(path.join(REPO, 'bench/lib/server-child.ts'), [], {
    // The JavaScript heap limit of `npm start`: without it V8 lets garbage grow to 550 MB of RSS under a
    // stream of Excel exports before collecting it (bench/README.md).
    execArgv: [
      '--max-old-space-size=384',
      '--import',
      'tsx',
      // BENCH_CPU_PROF_DIR: a V8 CPU profile of the server's main thread, written there when it exits.
      ...(process.env.BENCH_CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number; rss: number; startSeconds: number }>((resolve, reject) => {
    child.once('message', (m: any) => (m.type === 'ready' ? resolve(m) : reject(new Error('bad start'))));
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  const ask = (type: string) =>
    new Promise<any>((resolve, reject) => {
      const gone = (code: number | null, signal: string | null) =>
        reject(new Error(`the server child ended (code ${code}, signal ${signal}) while asked for ${type}`));
      const timer = setTimeout(
        () => reject(new Error(`the server child did not answer ${type} in 120 s`)),
        120_000,
      );
      const h = (m: any) => {
        if (m.type === type) {
          child.off('message', h);
          child.off('exit', gone);
          clearTimeout(timer);
          resolve(m);
        }
      };
      child.on('message', h);
      child.once('exit', gone);
      child.send({ type });
    });
  return {
    child: child as ChildProcess,
    port: ready.port,
    startRss: ready.rss,
    startSeconds: ready.startSeconds,
    ask,
  };
}
