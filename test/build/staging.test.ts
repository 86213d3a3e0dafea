/**
 * SPEC rule 10 after the build (issue #10 item 5): `npm run build` removes its work folder (staging,
 * handoff, Astro's cache and data store) on success and on failure, so nothing unpublished stays
 * under .bulletin/ or .astro/ for a CI cache or artifact upload to carry. Each build runs in a
 * project copy of its own, so other tests' builds are not in the way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { projectCopy, runIn } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

// Held back at EXAMPLE_NOW in the bundled example: a draft and an embargoed advisory.
const UNPUBLISHED = ['EXA-2026-0004', 'EXA-2026-0005', 'CVE-2026-48810'];

function leftovers(project: string): string[] {
  const found: string[] = [];
  for (const folder of ['.bulletin', '.astro']) {
    const abs = join(project, folder);
    if (!existsSync(abs)) continue;
    for (const file of listFiles(abs)) {
      const text = readFileSync(join(abs, file), 'latin1');
      if (UNPUBLISHED.some((t) => text.includes(t))) found.push(`${folder}/${file}`);
    }
  }
  return found;
}

describe('the build work folder', () => {
  it('is gone after a build that succeeded; only the development key stays in .bulletin/', () => {
    const project = projectCopy();
    const r = runIn(project, 'build', { BULLETIN_NOW: EXAMPLE_NOW });
    expect(r.status, r.output).toBe(0);
    expect(existsSync(join(project, 'dist/index.html'))).toBe(true);
    expect(readdirSync(join(project, '.bulletin'))).toEqual(['development-signing-key.asc']);
    expect(leftovers(project)).toEqual([]);
  });

  it('is gone after a build the output guard stopped, and dist/ was never written', () => {
    // A file under public/ that names an embargoed advisory: only the guard can see it.
    const project = projectCopy({ 'public/leak.txt': 'Coming soon: EXA\u20112026\u20110005.\n' });
    const r = runIn(project, 'build', { BULLETIN_NOW: EXAMPLE_NOW });
    expect(r.status).toBe(1);
    expect(r.output).toContain('leak.txt: "EXA-2026-0005"');
    expect(r.output).toMatch(/was not changed/);
    expect(existsSync(join(project, 'dist'))).toBe(false);
    expect(readdirSync(join(project, '.bulletin'))).toEqual(['development-signing-key.asc']);
    expect(leftovers(project)).toEqual([]);
  });
});
