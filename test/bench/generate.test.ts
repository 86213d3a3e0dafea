/**
 * The benchmark's generated content (bench/generate.ts), without the timing: a small run makes
 * the mix the benchmark promises, passes `npm run check` as a maintainer's content would, and is
 * the same bytes every time. Speed is never asserted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_NOW, generateContent } from '../../bench/generate.ts';
import { check, tempDir } from '../helpers/run.ts';

/** Every file under a folder with its text, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

describe('the benchmark generator', () => {
  const dir = join(tempDir('bench'), 'content');
  const made = generateContent(dir, { advisories: 20 });

  it('makes revisions, a withdrawal, an embargo, a draft and announcements', async () => {
    expect(await made).toMatchObject({ advisories: 20, withdrawn: 1, embargoed: 1, drafts: 1 });
    const stats = await made;
    expect(stats.revisions).toBeGreaterThan(0);
    expect(stats.announcements).toBeGreaterThan(0);
    const files = snapshot(dir);
    const advisories = [...files.keys()].filter((f) => f.startsWith('advisories/'));
    expect(advisories.filter((f) => /^advisories\/[^/]+\.md$/.test(f))).toHaveLength(20);
    expect(advisories.filter((f) => f.endsWith('/v1.md'))).toHaveLength(stats.revisions);
    const texts = [...files.values()].join('\n');
    expect(texts).toMatch(/score: CVSS:3\.1\//);
    expect(texts).toMatch(/score: CVSS:4\.0\//);
    expect(texts).toMatch(/- CVE-\d{4}-\d+/);
    // Sealed by the seal command: every non-draft revision has its seal.
    const lock = JSON.parse(files.get('bulletin.lock')!) as { advisories: Record<string, Record<string, unknown>> };
    const seals = Object.values(lock.advisories).reduce((n, revisions) => n + Object.keys(revisions).length, 0);
    expect(seals).toBe(20 + stats.revisions - stats.drafts);
  });

  it('passes npm run check', async () => {
    await made;
    const r = check(dir, BENCH_NOW);
    expect(r.output).toContain('0 errors, 0 warnings');
    expect(r.status).toBe(0);
  });

  it('writes the same bytes every time', async () => {
    await made;
    const again = join(tempDir('bench'), 'content');
    await generateContent(again, { advisories: 20 });
    expect(snapshot(again)).toEqual(snapshot(dir));
  });
});
