import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces: utime is 14th, stime 15th.
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The pids `pgrep` finds with these arguments (none when it finds none). */
function pgrep(...args: string[]): number[] {
  try {
    return execFileSync('pgrep', args).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The pids of a process's children (e.g. `npm start`'s workers under its primary). */
export const childPids = (pid: number) => pgrep('-P', String(pid));

/** The pids of PostgreSQL's processes on this machine (the benchmark needs the machine to itself). */
export const postgresPids = () => pgrep('-x', 'postgres');

/** Starts counting the CPU of `pids`; the returned function gives each one's % of a core since then. */
export function cpuMeter(pids: number[]) {
  const t0 = performance.now();
  const c0 = pids.map(cpuSeconds);
  return () => {
    const s = (performance.now() - t0) / 1000;
    return pids.map((p, i) => Math.round((100 * (cpuSeconds(p) - c0[i]!)) / s));
  };
}
