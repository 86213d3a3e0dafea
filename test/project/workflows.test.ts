/** The GitHub workflows parse, pin every action by commit, keep .well-known/ and sign on main. */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/run.ts';

const DIR = join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

/** Every `uses:` value anywhere in a parsed workflow. */
function uses(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(uses);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => (k === 'uses' && typeof v === 'string' ? [v] : uses(v)));
  }
  return [];
}

describe('GitHub workflows', () => {
  it('exist for pull requests and for publishing', () => {
    expect(files.sort()).toEqual(['publish.yml', 'pull-request.yml']);
  });

  it.each(files)('%s parses as YAML and pins every action to a 40-hex commit with a version comment', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const doc = parse(text);
    // Every job runs on a named runner and has steps.
    const jobs = Object.values(doc.jobs as Record<string, { 'runs-on'?: unknown; steps?: unknown[] }>);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job['runs-on']).toMatch(/^ubuntu-/);
      expect(job.steps?.length).toBeGreaterThan(0);
    }
    const all = uses(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const u of all) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    for (const line of text.split('\n').filter((l) => /uses:/.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('checks pull requests against the base branch with annotations, tests, and builds without the key', () => {
    const text = readFileSync(join(DIR, 'pull-request.yml'), 'utf8');
    const doc = parse(text);
    expect(Object.keys(doc.on)).toEqual(['pull_request']);
    expect(text).toContain('npm run check -- --against "origin/${{ github.base_ref }}" --format github');
    expect(text).toContain('npm test');
    expect(text).not.toContain('secrets.');
  });

  it('publishes on main, hourly and by hand, signed, keeping hidden files, failing by name without the secret', () => {
    const text = readFileSync(join(DIR, 'publish.yml'), 'utf8');
    const doc = parse(text);
    expect(doc.on.push.branches).toEqual(['main']);
    expect(doc.on.schedule[0].cron).toMatch(/^\d+ \* \* \* \*$/);
    expect(doc.on).toHaveProperty('workflow_dispatch');
    const steps = doc.jobs.build.steps as { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[];
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toMatchObject({ BULLETIN_REQUIRE_SIGNING: '1', BULLETIN_SIGNING_KEY: '${{ secrets.BULLETIN_SIGNING_KEY }}' });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toMatchObject({ path: 'dist/', 'include-hidden-files': true });
    expect(steps.some((s) => s.run?.includes('--against'))).toBe(true);
    // The first step, run as the runner would (sh) without the secret: fails naming it.
    const run = (key: string) => spawnSync('/bin/sh', ['-e', '-c', steps[0]!.run!], { env: { PATH: process.env.PATH, BULLETIN_SIGNING_KEY: key }, encoding: 'utf8' });
    const missing = run('');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('the repository secret BULLETIN_SIGNING_KEY is not set');
    expect(run('-----BEGIN PGP PRIVATE KEY BLOCK-----').status).toBe(0);
  });

  describe('the check against the commit before the push', () => {
    const steps = parse(readFileSync(join(DIR, 'publish.yml'), 'utf8')).jobs.build.steps as { name?: string; if?: string; run?: string; env?: Record<string, string> }[];
    const step = steps.find((s) => s.run?.includes('--against'))!;
    // An `npm` that records its arguments, so the step's script runs as the runner would run it (sh).
    const bin = tempDir('fake-npm');
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm $*"\n');
    chmodSync(join(bin, 'npm'), 0o755);
    const run = (before: string) =>
      spawnSync('/bin/sh', ['-e', '-c', step.run!.replace(/\$\{\{ github\.event_name \}\}/g, 'push')], { env: { PATH: `${bin}:${process.env.PATH}`, BEFORE: before }, encoding: 'utf8' });

    it('reads the commit from the event, runs on every trigger', () => {
      expect(step.env).toEqual({ BEFORE: '${{ github.event.before }}' });
      expect(step.if).toBeUndefined();
    });

    it('checks against the commit before a push', () => {
      const r = run('3d3c42e5aac5ba805825da76410c181273ba90b1');
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe('npm run check -- --against 3d3c42e5aac5ba805825da76410c181273ba90b1 --format github');
    });

    it.each([
      ['the first push of a new repository (forty zeros)', '0'.repeat(40)],
      ['a scheduled or manual run (no commit)', ''],
    ])('skips the comparison with a notice on %s', (_what, before) => {
      const r = run(before);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('npm ');
      expect(r.stdout).toMatch(/^::notice title=No previous commit::.*the comparison with published text is skipped$/m);
    });
  });
});
