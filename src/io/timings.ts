/**
 * Phase timings for the benchmark (`npm run bench`): with BULLETIN_TIMINGS=1, a timed phase
 * prints one line `bulletin timing: <phase> <ms> ms rss <MiB> MiB peak <MiB> MiB` to stderr
 * (peak: the process's largest resident set so far, as the kernel counts it). Silent otherwise.
 */

const on = /^(1|true|yes)$/i.test(process.env.BULLETIN_TIMINGS ?? '');
const MiB = 1024 * 1024;

/** Prints one timing line for a phase that started at `started` (a `performance.now()` value). */
export function timing(phase: string, started: number): void {
  if (!on) return;
  const ms = performance.now() - started;
  const rss = process.memoryUsage.rss() / MiB;
  const peak = (process.resourceUsage().maxRSS * 1024) / MiB;
  console.error(`bulletin timing: ${phase} ${ms.toFixed(0)} ms rss ${rss.toFixed(0)} MiB peak ${peak.toFixed(0)} MiB`);
}

/** Runs `f` (sync or async) and prints its phase's timing line. */
export async function timed<T>(phase: string, f: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await f();
  } finally {
    timing(phase, started);
  }
}
