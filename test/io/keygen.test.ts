/** `npm run keygen` never leaves a private key in a git working tree unless git ignores it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { contentWith, ROOT, runScript, tempDir } from '../helpers/run.ts';

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

/** A fresh git repository holding a copy of the example content. */
function repo(): { top: string; content: string } {
  const top = tempDir('keygen-repo');
  git(top, 'init', '-q');
  return { top, content: contentWith() };
}

const keygen = (content: string, out: string) =>
  runScript('keygen', { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: EXAMPLE_NOW }, ['--name', 'Test security', '--email', 'security@test.example', '--out', out, '--public', join(content, 'keys', `new-${Math.random().toString(36).slice(2)}.asc`)]);

describe('npm run keygen', () => {
  it('refuses a path inside a repository that git does not ignore, and writes nothing', () => {
    const { top, content } = repo();
    const keysBefore = readdirSync(join(content, 'keys'));
    const r = keygen(content, join(top, 'signing-key.asc'));
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/signing-key\.asc is inside the git repository .* git does not ignore it[\s\S]*fix: /);
    expect(existsSync(join(top, 'signing-key.asc'))).toBe(false);
    expect(readdirSync(join(content, 'keys'))).toEqual(keysBefore);
  });

  it('writes to a path the repository ignores, mode 0600', () => {
    const { top, content } = repo();
    writeFileSync(join(top, '.gitignore'), '*.private.asc\n');
    const out = join(top, 'signing-key.private.asc');
    const r = keygen(content, out);
    expect(r.status, r.output).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(git(top, 'status', '--porcelain').stdout).not.toContain('private');
  });

  it("Bulletin's own .gitignore covers the key file names keygen suggests", () => {
    for (const name of ['signing-key.private.asc', 'keys/project.private.asc']) {
      expect(git(ROOT, 'check-ignore', '-q', '--no-index', name).status, name).toBe(0);
    }
  });
});
