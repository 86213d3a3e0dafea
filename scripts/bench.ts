#!/usr/bin/env node
// npm run bench [-- --advisories 500]: how long check, seal and a signed build take, and how much
// memory they use, on a copy of the example with many generated advisories. Speed and memory are
// measured here, never asserted in tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { advisories: { type: 'string', default: '500' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.advisories);
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const content = join(work, 'content');
cpSync(join(root, 'content'), content, { recursive: true });

const ratings = ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'];
for (let i = 0; i < count; i++) {
  const id = `EXA-2025-${String(i + 1).padStart(4, '0')}`;
  const day = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 * 7).toISOString().replace(/\.\d{3}Z$/, 'Z');
  writeFileSync(
    join(content, 'advisories', `${id}.md`),
    `---\nid: ${id}\naliases:\n  - CVE-2025-${String(10000 + i)}\nsummary: Generated advisory ${i + 1} for the benchmark\nseverity:\n  - type: CVSS_V3\n    score: ${ratings[i % 3]}\naffected:\n  - package:\n      ecosystem: npm\n      name: lanternfish\n    ranges:\n      - type: SEMVER\n        events:\n          - introduced: 0.10.0\n          - fixed: 0.12.${1 + (i % 3)}\nrevision:\n  number: 1\n  date: ${day}\n  summary: Initial publication.\n---\nGenerated text ${i + 1}.\n\n## Workarounds\n\nNone.\n`,
  );
}

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  BULLETIN_CONTENT_DIR: content,
  BULLETIN_OUT_DIR: join(work, 'dist'),
  BULLETIN_NOW: '2026-09-01T12:00:00Z',
  BULLETIN_SIGNING_KEY_FILE: join(root, 'test/fixtures/keys/signing-test.private.asc'),
};
const time = existsTime();

function existsTime(): boolean {
  return spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
}

function step(name: string, script: string, args: string[] = []): void {
  const cmd = [process.execPath, join(root, 'scripts', `${script}.ts`), ...args];
  const started = process.hrtime.bigint();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'BENCH_MAXRSS_KB=%M', ...cmd], { cwd: root, env, encoding: 'utf8' })
    : spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(`${name} failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1];
  console.log(`${name.padEnd(8)} ${seconds.toFixed(2).padStart(7)} s   peak memory ${rss ? `${(Number(rss) / 1024).toFixed(0)} MiB` : 'not measured (no /usr/bin/time)'}`);
}

console.log(`bench: ${count} generated advisories plus the example, in ${work}`);
step('seal', 'seal', ['--all']);
step('check', 'check');
step('build', 'build');
const pages = readdirSync(join(work, 'dist', 'advisories')).length;
console.log(`bench: ${pages} entries under /advisories/`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
