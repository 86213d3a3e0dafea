/**
 * Phase timings for the benchmark (`npm run bench`): with BULLETIN_TIMINGS=1, a timed phase
 * prints one line to stderr, `bulletin timing: <phase> <ms> ms rss <MiB> MiB peak <MiB> MiB
 * cpu <ms> ms`: its wall time, the process's resident set at its end and its largest so far (as
 * the kernel counts it), and the CPU time the process spent in it. Silent otherwise.
 */
import { envFlag } from './env.ts';

const on = (() => {
  try {
    return envFlag('BULLETIN_TIMINGS');
  } catch (e) {
    console.error(`bulletin: ${(e as Error).message}`);
    process.exit(1);
  }
})();
const MiB = 1024 * 1024;

/** Where a phase started: wall clock and CPU time of this process. */
export interface Mark {
  wall: number;
  cpu: number;
}

/** The process's start, for phases counted from it. */
export const PROCESS_START: Mark = { wall: 0, cpu: 0 };

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A mark at this moment. */
export function mark(): Mark {
  return { wall: performance.now(), cpu: cpuMs() };
}

/** Prints one timing line for a phase that started at `started`. */
export function timing(phase: string, started: Mark): void {
  if (!on) return;
  const ms = performance.now() - started.wall;
  const rss = process.memoryUsage.rss() / MiB;
  const peak = (process.resourceUsage().maxRSS * 1024) / MiB;
  console.error(`bulletin timing: ${phase} ${ms.toFixed(0)} ms rss ${rss.toFixed(0)} MiB peak ${peak.toFixed(0)} MiB cpu ${(cpuMs() - started.cpu).toFixed(0)} ms`);
}

/** Runs `f` (sync or async) and prints its phase's timing line. */
export async function timed<T>(phase: string, f: () => T | Promise<T>): Promise<T> {
  const started = mark();
  try {
    return await f();
  } finally {
    timing(phase, started);
  }
}
