#!/usr/bin/env node
/**
 * Summarizes V8 CPU profiles (`node --cpu-prof`, as `npm run bench -- --profile <folder>` writes
 * them): per profile, where the time went by area (Bulletin's own code, Astro, Vite/Rollup,
 * the libraries Bulletin uses, Node.js itself, the garbage collector, idle), then the functions
 * with the most self time. Run alone: `node bench/profile-summary.ts <file.cpuprofile>... [--top N]`.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const ROOT = `file://${resolve(import.meta.dirname, '..')}/`;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which part of the stack a script belongs to. */
export function area(url: string, name: string): string {
  if (name === 'spawnSync') return '(waiting for a child process)';
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node.js';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg === 'astro' || pkg.startsWith('@astrojs/')) return pkg === 'astro' ? 'astro' : `astro (${pkg})`;
    if (['vite', 'rollup', '@rollup/rollup-linux-x64-gnu', 'esbuild', 'rolldown', '@rolldown/pluginutils'].includes(pkg)) return `bundler (${pkg})`;
    return pkg;
  }
  if (url.startsWith(ROOT)) {
    const path = url.slice(ROOT.length);
    // Astro compiles the pages and components (with the src/ modules they import) into chunks
    // under the build's staging folder: Bulletin's code, run by Astro.
    if (path.startsWith('.bulletin/') || path.includes('/.prerender/')) {
      // Astro's runtime and data store are bundled into chunks of their own names.
      if (/\/chunks\/(server|_astro_[\w-]*)_[\w-]+\.mjs$/.test(path)) return 'astro (bundled runtime)';
      return 'bulletin pages and components (compiled by Astro)';
    }
    const parts = path.split('/');
    return `bulletin ${parts.slice(0, parts[0] === 'src' ? 2 : 1).join('/')}`;
  }
  return url.replace(/^file:\/\//, '');
}

/** A script's address, short: package paths from the package, Astro's chunks by name. */
function shorten(url: string): string {
  return url.replace(/^.*\/node_modules\//, '').replace(/^.*\/\.prerender\//, 'astro-chunk:').replace(ROOT, '');
}

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/** The summary of one profile as text: time by area, and the top functions by self time. */
export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, { time: number; area: string }>();
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = area(url, functionName);
    areas.set(where, (areas.get(where) ?? 0) + time);
    const short = shorten(url);
    const key = `${functionName || '(anonymous)'}  ${short ? `${short}:${lineNumber + 1}` : ''}`;
    const f = functions.get(key) ?? { time: 0, area: where };
    f.time += time;
    functions.set(key, f);
  }
  // Inclusive: the samples with Bulletin's own code anywhere on the stack (its pages, components
  // and src/ modules, with the library calls they make), the time Bulletin adds beyond Astro's.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const underBulletin = new Map<number, boolean>();
  const isUnder = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    const known = underBulletin.get(id);
    if (known !== undefined) return known;
    const { url, functionName } = byId.get(id)!.callFrame;
    const result = area(url, functionName).startsWith('bulletin') || isUnder(parent.get(id));
    underBulletin.set(id, result);
    return result;
  };
  let inclusive = 0;
  for (const [id, time] of self) if (isUnder(id)) inclusive += time;
  // Each sample charged to the innermost Bulletin function on its stack: Bulletin's functions
  // with the library and Node.js calls they make.
  const innermost = new Map<string, number>();
  for (const [id, time] of self) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName, lineNumber } = byId.get(at)!.callFrame;
      if (!area(url, functionName).startsWith('bulletin')) continue;
      const key = `${functionName || '(anonymous)'}  ${shorten(url)}:${lineNumber + 1}`;
      innermost.set(key, (innermost.get(key) ?? 0) + time);
      break;
    }
  }
  const lines = [
    `${basename(file)}: ${ms(profile.endTime - profile.startTime)} wall, ${ms(total)} sampled`,
    `  with Bulletin's code on the stack (inclusive): ${ms(inclusive)} (${pct(inclusive, total)})`,
    '  by area (self time):',
  ];
  for (const [name, time] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 18)) lines.push(`    ${ms(time).padStart(9)} ${pct(time, total).padStart(6)}  ${name}`);
  lines.push(`  top ${top} functions by self time:`);
  for (const [name, f] of [...functions].sort((a, b) => b[1].time - a[1].time).slice(0, top)) lines.push(`    ${ms(f.time).padStart(9)} ${pct(f.time, total).padStart(6)}  ${name}`);
  if (innermost.size) {
    lines.push(`  top ${top} Bulletin functions, with the library calls they make:`);
    for (const [name, time] of [...innermost].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${ms(time).padStart(9)} ${pct(time, total).padStart(6)}  ${name}`);
  }
  return lines.join('\n');
}

/** Summaries of several profiles, the largest first. */
export function summarizeProfiles(files: readonly string[], top = 25): string {
  return [...files]
    .sort((a, b) => statSync(b).size - statSync(a).size)
    .map((f) => summarizeProfile(f, top))
    .join('\n\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--top');
  const top = at >= 0 ? Number(args.splice(at, 2)[1]) : 25;
  if (!args.length) {
    console.error('usage: node bench/profile-summary.ts <file.cpuprofile>... [--top N]');
    process.exit(1);
  }
  console.log(summarizeProfiles(args, top));
}
