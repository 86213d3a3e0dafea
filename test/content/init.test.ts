/** `npm run init` writes a content folder that passes check and builds, and never overwrites content. */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, runScript, tempDir } from '../helpers/run.ts';

const NOW = '2026-12-04T12:00:00Z';
const FLAGS = ['--name', 'Demo', '--url', 'https://security.demo.example/', '--repository', 'https://github.com/demo/demo', '--contact', 'security@demo.example', '--package', 'demo:npm', '--package', 'demo-cli:PyPI', '--id-prefix', 'DEMO', '--timezone', 'Europe/Berlin'];
const init = (dir: string, flags = FLAGS) => runScript('init', { BULLETIN_NOW: NOW }, [...flags, '--dir', dir]);

describe('npm run init', () => {
  it('writes a folder that passes check and builds at once, policy marked for review', () => {
    const dir = join(tempDir('init'), 'content');
    const r = init(dir);
    expect(r.status, r.output).toBe(0);
    expect(readFileSync(join(dir, 'site.yaml'), 'utf8')).toMatch(/template: DEMO-\{year\}-\{seq:4\}/);
    expect(readFileSync(join(dir, 'policy/10-reporting.md'), 'utf8')).toMatch(/STARTER TEXT written by npm run init: review it/);
    expect(JSON.parse(readFileSync(join(dir, 'bulletin.lock'), 'utf8'))).toEqual({ lockfile: 1, advisories: {}, announcements: {} });
    const c = check(dir, NOW);
    expect(c.status, c.output).toBe(0);
    expect(c.output).toMatch(/0 errors, 0 warnings/);
    const b = build(dir, NOW);
    expect(b.status, b.output).toBe(0);
    expect(existsSync(join(b.outDir, 'index.html'))).toBe(true);
  });

  it('refuses a folder that already has content, changing nothing', () => {
    const dir = join(tempDir('init'), 'content');
    mkdirSync(dir);
    writeFileSync(join(dir, 'site.yaml'), 'name: Mine\n');
    const r = init(dir);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/already has content; nothing was changed/);
    expect(readdirSync(dir)).toEqual(['site.yaml']);
    expect(readFileSync(join(dir, 'site.yaml'), 'utf8')).toBe('name: Mine\n');
  });

  it('refuses bad answers by flag, writing nothing', () => {
    const dir = join(tempDir('init'), 'content');
    const r = init(dir, ['--name', 'Demo', '--url', 'http://x', '--repository', 'https://github.com/d/d', '--contact', 'nope', '--package', 'demo:npmjs', '--id-prefix', 'lf', '--timezone', 'Mars/Base']);
    expect(r.status).toBe(2);
    for (const m of ['--url "http://x"', '--contact "nope"', '--package "demo:npmjs": the ecosystem', '--id-prefix "lf"', '--timezone "Mars/Base"']) expect(r.output).toContain(m);
    expect(existsSync(dir)).toBe(false);
  });
});
