import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './target.ts';

/** Whether wrk (Debian package `wrk`) is on this machine: the benchmarks' lighter load generator. */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // wrk --version exits 1 after printing its usage; only a missing binary throws ENOENT.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export type LoadResult = {
  client: 'wrk' | 'autocannon';
  rps: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  /** The load generator's own CPU, in % of one core: on a 2-core machine it is taken from the server. */
  clientCpuPercent: number;
};

/**
 * GETs `paths` in turn, with `headers`, at `connections` connections for `seconds`, with wrk on one thread
 * (bench/lib/wrk-paths.lua). wrk is written in C: at 1,000 mixed reads a second it takes a few % of a core where
 * autocannon (JavaScript, in the benchmark's process) takes about 20 %, CPU the server then does not get.
 */
export async function wrkLoad(o: {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-wrk-'));
  try {
    fs.writeFileSync(path.join(dir, 'paths'), `${o.paths.join('\n')}\n`);
    fs.writeFileSync(
      path.join(dir, 'headers'),
      `${Object.entries(o.headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\n`,
    );
    // bash's `times` prints the children's user and system CPU after wrk ends (its second line).
    const script = `wrk -t1 -c${o.connections} -d${o.seconds}s --latency -s ${path.join(REPO, 'bench/lib/wrk-paths.lua')} ${o.base} && times`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        'bash',
        ['-c', script],
        {
          env: { ...process.env, WRK_PATHS: path.join(dir, 'paths'), WRK_HEADERS: path.join(dir, 'headers') },
        },
        (err, stdout, stderr) => (err ? reject(new Error(`wrk: ${err.message} ${stderr}`)) : resolve(stdout)),
      ),
    );
    const lines = out.trim().split('\n');
    const summary = JSON.parse(lines.find((l) => l.startsWith('{"requests"'))!);
    const children = lines.at(-1)!.trim().split(/\s+/);
    const seconds = (t: string) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t);
      return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
    };
    const cpu = seconds(children[0]!) + seconds(children[1]!);
    const duration = summary.durationUs / 1e6;
    return {
      client: 'wrk',
      rps: Math.round(summary.requests / duration),
      non2xx: summary.status,
      errors: summary.errors + summary.timeout,
      latencyP50: summary.p50,
      latencyP99: summary.p99,
      clientCpuPercent: Math.round((100 * cpu) / duration),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
