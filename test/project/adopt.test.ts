/**
 * The adoption path of README "First steps for a new project", end to end in temporary git
 * repositories: a project made from the Bulletin template replaces the example with npm run init,
 * checks against its own main (the example's history is not its history) and builds; then
 * npm run update-bulletin takes a newer Bulletin and keeps the project's content and lock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, tempDir } from '../helpers/run.ts';

const NOW = '2026-12-04T12:00:00Z';
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
const npmRun = (cwd: string, script: string, args: string[] = [], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [join(cwd, 'scripts', `${script}.ts`), ...args], { cwd, env: cleanEnv({ BULLETIN_NOW: NOW, ...env }), encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
};

describe('adopting Bulletin and staying current', () => {
  it('a new project made the documented way checks and builds; a newer Bulletin keeps its content and lock', () => {
    const top = tempDir('adopt');
    // Bulletin's repository as published: this commit's files.
    const upstream = join(top, 'bulletin');
    git(top, 'init', '-q', '-b', 'main', upstream);
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${upstream}"`]);
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-qm', 'Bulletin v1');

    // The project's repository, made from the template (a copy of Bulletin), then made its own.
    const project = join(top, 'project');
    git(top, 'clone', '-q', upstream, project);
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    git(project, 'checkout', '-q', '-b', 'own-content');
    git(project, 'rm', '-rq', 'content');
    const init = npmRun(project, 'init', ['--dir', 'content', '--name', 'Demo', '--url', 'https://security.demo.example/', '--repository', 'https://github.com/demo/demo', '--contact', 'security@demo.example', '--package', 'demo:npm', '--id-prefix', 'DEMO']);
    expect(init.status, init.output).toBe(0);
    git(project, 'add', '-A');
    git(project, 'commit', '-qm', 'Our own content');
    // The pull request's check against main (which still holds the example) passes: a new history.
    const check = npmRun(project, 'check', ['--against', 'main']);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toMatch(/is another project's history .* so this project starts a new one/);
    git(project, 'checkout', '-q', 'main');
    git(project, 'merge', '-q', '--ff-only', 'own-content');
    const lock = readFileSync(join(project, 'content/bulletin.lock'), 'utf8');
    const site = readFileSync(join(project, 'content/site.yaml'), 'utf8');

    // Bulletin moves on: code changes, and its example content too.
    appendFileSync(join(upstream, 'README.md'), '\nA newer Bulletin.\n');
    writeFileSync(join(upstream, 'docs/new-in-v2.md'), '# New\n');
    appendFileSync(join(upstream, 'content/site.yaml'), '# the example changed\n');
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-qm', 'Bulletin v2');

    const update = npmRun(project, 'update-bulletin', [upstream, 'main']);
    expect(update.status, update.output).toBe(0);
    expect(update.output).toMatch(/content\/ and its lock are unchanged/);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toContain('A newer Bulletin.');
    expect(existsSync(join(project, 'docs/new-in-v2.md'))).toBe(true);
    expect(readFileSync(join(project, 'content/bulletin.lock'), 'utf8')).toBe(lock);
    expect(readFileSync(join(project, 'content/site.yaml'), 'utf8')).toBe(site);
    git(project, 'commit', '-qm', 'Take Bulletin v2');

    const build = npmRun(project, 'build', [], { BULLETIN_OUT_DIR: join(top, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' });
    expect(build.status, build.output).toBe(0);
    expect(readFileSync(join(top, 'dist/index.html'), 'utf8')).toContain('Demo');

    // A dirty working tree is refused, changing nothing.
    appendFileSync(join(project, 'README.md'), 'local edit\n');
    const dirty = npmRun(project, 'update-bulletin', [upstream]);
    expect(dirty.status).toBe(1);
    expect(dirty.output).toMatch(/uncommitted changes; nothing was changed/);
    rmSync(top, { recursive: true, force: true });
  });
});
