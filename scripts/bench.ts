#!/usr/bin/env node
// npm run bench [-- --advisories 500] [--keep] [--profile <folder>]: how long a signed build of
// N generated advisories takes, phase by phase, with its peak memory, beside a bare Astro site
// (bench/bare/) rendering the same markdown at the same advisory and revision addresses.
// It writes its own content into a temporary folder and never reads or touches content/.
// Speed and memory are measured here, never asserted in tests. docs/performance.md explains
// every figure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_KEY_FILE, BENCH_NOW, generateContent } from '../bench/generate.ts';
import { summarizeProfiles } from '../bench/profile-summary.ts';
import { astroBin } from '../src/io/astro-cli.ts';

const usage = 'usage: npm run bench -- [--advisories N] [--keep] [--profile <folder>]';
function options() {
  try {
    return parseArgs({
      options: {
        advisories: { type: 'string', default: '500' },
        keep: { type: 'boolean', default: false },
        profile: { type: 'string' },
        'no-check': { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`bench: ${(e as Error).message}\n${usage}`);
    process.exit(1);
  }
}
const values = options();
const count = Number(values.advisories);
if (!Number.isInteger(count) || count < 1) {
  console.error(`bench: --advisories must be a whole number of at least 1, not "${values.advisories}"\n${usage}`);
  process.exit(1);
}

const ROOT = resolve(import.meta.dirname, '..');
const BARE = join(ROOT, 'bench', 'bare');
const MiB = 1024 * 1024;

interface ProcessStats {
  pid: number;
  ppid: number;
  command: string;
  maxRssKiB: number;
  cpuMs: number;
  wallMs: number;
}

interface Run {
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Every Node.js process of the command, from bench/process-stats.ts. */
  processes: ProcessStats[];
  /** The largest sum of the resident sets of the command's process tree, sampled from /proc. */
  treePeakBytes?: number;
}

/** The resident set of every process under `root` (itself included), summed, from /proc. */
function treeRss(root: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (in parentheses, which may hold spaces): state, ppid, ... rss is the 24th field.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a Node.js command with process statistics and /proc sampling; fails the bench when it fails. */
async function run(name: string, args: string[], env: NodeJS.ProcessEnv, work: string, nodeOptions: string[] = []): Promise<Run> {
  const statsFile = join(work, `${name.replace(/\W+/g, '-')}.stats.jsonl`);
  const options = [process.env.NODE_OPTIONS ?? '', `--import=${join(ROOT, 'bench', 'process-stats.ts')}`, ...nodeOptions].join(' ').trim();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env, NODE_OPTIONS: options, BENCH_STATS_FILE: statsFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let treePeakBytes: number | undefined;
  const sample = () => {
    const now = child.pid ? treeRss(child.pid) : undefined;
    if (now !== undefined) treePeakBytes = Math.max(treePeakBytes ?? 0, now);
  };
  const sampler = setInterval(sample, 200);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  if (status !== 0) throw new Error(`${name} failed (exit ${status}):\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  const processes = existsSync(statsFile)
    ? readFileSync(statsFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ProcessStats)
    : [];
  return { wallMs, stdout, stderr, processes, treePeakBytes };
}

/** Every `index.html` under a folder: the pages a build wrote. */
function pages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('index.html')).length;
}

function files(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / MiB)} MiB`);
const peakOf = (r: Run) => Math.max(0, ...r.processes.map((p) => p.maxRssKiB * 1024));
const cpuOf = (r: Run) => r.processes.reduce((sum, p) => sum + p.cpuMs, 0);

function report(name: string, r: Run): void {
  console.log(`${name.padEnd(28)} ${s(r.wallMs).padStart(8)}   cpu ${s(cpuOf(r)).padStart(8)}   peak process ${mib(peakOf(r)).padStart(9)}   peak tree ${mib(r.treePeakBytes).padStart(9)}`);
}

/** The phase lines `bulletin timing: ...` that src/io/timings.ts prints with BULLETIN_TIMINGS=1. */
function phases(stderr: string): { phase: string; ms: number; peakMiB: number; cpuMs: number }[] {
  return [...stderr.matchAll(/^bulletin timing: (.+?) (\d+) ms rss \d+ MiB peak (\d+) MiB cpu (\d+) ms$/gm)].map((m) => ({ phase: m[1]!, ms: Number(m[2]), peakMiB: Number(m[3]), cpuMs: Number(m[4]) }));
}

const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const content = join(work, 'content');
// What the runs leave in the project folder (the build's staging and cache, the bare site's
// .astro/ and vite cache), so that exactly those are removed afterwards.
const leftovers = [join(ROOT, '.bulletin'), join(BARE, '.astro'), join(BARE, 'node_modules')];
const before = new Map(leftovers.map((d) => [d, existsSync(d) ? new Set(readdirSync(d)) : undefined]));

/** Removes the temporary folders (unless --keep) and what the runs left in the project folder. */
function cleanUp(): void {
  if (values.keep) console.log(`bench: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  for (const dir of leftovers) {
    const had = before.get(dir);
    if (!existsSync(dir)) continue;
    if (!had) rmSync(dir, { recursive: true, force: true });
    else for (const name of readdirSync(dir)) if (!had.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}
// Ctrl-C stops the runs (they share the terminal's process group) and still cleans up.
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

try {
  console.log(`bench: ${count} advisories, ${cpus().length} CPUs, ${Math.round(totalmem() / MiB)} MiB memory, Node.js ${process.version}, load average ${loadavg()[0]!.toFixed(1)}, in ${work}`);
  let started = performance.now();
  const made = await generateContent(content, { advisories: count, keyFile: BENCH_KEY_FILE, now: BENCH_NOW });
  console.log(
    `generated and sealed in ${s(performance.now() - started)}: ${made.advisories} advisories (${made.revisions} with a second revision, ${made.withdrawn} withdrawn, ${made.embargoed} embargoed, ${made.drafts} drafts), ${made.announcements} announcements`,
  );
  const env = { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: BENCH_NOW };

  if (!values['no-check']) report('check', await run('check', [join(ROOT, 'scripts', 'check.ts')], env, work));

  const out = join(work, 'dist');
  const profile = values.profile ? resolve(values.profile) : undefined;
  if (profile) mkdirSync(profile, { recursive: true });
  const built = await run(
    'build',
    [join(ROOT, 'scripts', 'build.ts')],
    { ...env, BULLETIN_OUT_DIR: out, BULLETIN_SIGNING_KEY_FILE: BENCH_KEY_FILE, BULLETIN_TIMINGS: '1' },
    work,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  const builtPages = pages(out);
  report(`Bulletin build (${builtPages} pages)`, built);
  // The build script only waits while Astro renders: that phase's CPU is the Astro process's.
  const astroCpu = built.processes.filter((p) => p.command.includes('astro')).reduce((sum, p) => sum + p.cpuMs, 0);
  for (const p of phases(built.stderr)) {
    const cpu = p.phase === 'rendering' ? astroCpu : p.cpuMs;
    console.log(`  ${p.phase.padEnd(26)} ${s(p.ms).padStart(8)}   cpu ${s(cpu).padStart(8)}   peak so far in its process ${p.peakMiB} MiB`);
  }
  for (const p of built.processes) console.log(`  process ${p.command.padEnd(40)} wall ${s(p.wallMs)}, cpu ${s(p.cpuMs)}, peak ${mib(p.maxRssKiB * 1024)}`);
  console.log(`  ${files(out)} files in the output`);

  started = performance.now();
  const bare = await run('bare', [astroBin(), 'build', '--root', BARE], { BENCH_BARE_CONTENT: join(content, 'advisories'), BENCH_BARE_OUT_DIR: join(work, 'bare-dist'), BENCH_BARE_CACHE_DIR: join(work, 'bare-cache') }, work);
  const barePages = pages(join(work, 'bare-dist'));
  report(`bare Astro (${barePages} pages)`, bare);
  console.log(`load average after the runs: ${loadavg()[0]!.toFixed(1)} (other work on the machine slows wall times; cpu times are steadier)`);

  const rendering = phases(built.stderr).find((p) => p.phase === 'rendering');
  console.log(`ratio Bulletin/bare: ${(built.wallMs / bare.wallMs).toFixed(2)}x wall (${(cpuOf(built) / cpuOf(bare)).toFixed(2)}x cpu), ${(peakOf(built) / peakOf(bare)).toFixed(2)}x peak process memory`);
  if (rendering) console.log(`  Bulletin's Astro run alone: ${(rendering.ms / bare.wallMs).toFixed(2)}x the bare build's wall time, ${(astroCpu / cpuOf(bare)).toFixed(2)}x its cpu`);
  console.log(`per advisory: Bulletin ${(built.wallMs / count).toFixed(1)} ms, bare ${(bare.wallMs / count).toFixed(1)} ms`);

  if (profile) {
    console.log(`\nprofiles in ${profile}:`);
    console.log(summarizeProfiles(readdirSync(profile).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(profile, f)), 25));
  }
} catch (e) {
  console.error(`bench: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
