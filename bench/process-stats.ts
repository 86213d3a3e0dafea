/**
 * Preloaded into every Node.js process of a benchmarked command (`NODE_OPTIONS=--import=...`):
 * at exit, appends one JSON line to the file BENCH_STATS_FILE names, with the process's peak
 * resident set (the kernel's maxrss), its CPU time and its wall time. Child processes inherit
 * NODE_OPTIONS, so the Astro process that `npm run build` spawns reports too.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_STATS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = {
      pid: process.pid,
      ppid: process.ppid,
      command: process.argv.slice(1, 3).map((a) => a.replace(/^.*\/(node_modules|scripts|bench)\//, '$1/')).join(' '),
      maxRssKiB: usage.maxRSS,
      cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      wallMs: Math.round(performance.now()),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
