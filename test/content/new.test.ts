/** `npm run new` mints the next ID from the template and writes a draft that check accepts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { check, contentWith, runScript } from '../helpers/run.ts';

describe('npm run new', () => {
  it('writes EXA-2026-0006 then EXA-2026-0007 as drafts, and check still passes', () => {
    const dir = contentWith();
    const env = { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW };
    const first = runScript('new', env, ['Header names are compared case-sensitively']);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/EXA-2026-0006\.md \(a draft\)/);
    const text = readFileSync(join(dir, 'advisories/EXA-2026-0006.md'), 'utf8');
    expect(text).toMatch(/^---\nid: EXA-2026-0006\nsummary: Header names are compared case-sensitively\ndraft: true\n/);
    expect(runScript('new', env, ['Another one']).output).toMatch(/EXA-2026-0007\.md/);
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
  });

  it('asks for a title', () => {
    const r = runScript('new', { BULLETIN_CONTENT_DIR: contentWith(), BULLETIN_NOW: EXAMPLE_NOW });
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/usage: npm run new -- "<one line saying what is wrong>"/);
  });
});
