/**
 * `npm run new` mints the next ID from the template and writes a draft with no publication time
 * that check accepts; seal refuses it; it builds and reaches no output; once it is not a draft it
 * needs a date, and a date that has passed is said to publish at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW, EXAMPLE_TEST_KEY } from '../helpers/example.ts';
import { build, check, contentWith, ROOT, runScript } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

describe('npm run new', () => {
  it('writes EXA-2026-0006 then EXA-2026-0007 as drafts, and check still passes', () => {
    const dir = contentWith();
    const env = { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW };
    const first = runScript('new', env, ['Header names are compared case-sensitively']);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/EXA-2026-0006\.md \(a draft, with no publication time\)/);
    const text = readFileSync(join(dir, 'advisories/EXA-2026-0006.md'), 'utf8');
    expect(text).toMatch(/^---\nid: EXA-2026-0006\nsummary: Header names are compared case-sensitively\ndraft: true\n/);
    // No publication time: the draft publishes at no time until it is given one.
    expect(text).toMatch(/\nrevision:\n  number: 1\n  summary: Initial publication\.\n---\n/);
    expect(text).not.toMatch(/^\s+date:/m);
    expect(runScript('new', env, ['Another one']).output).toMatch(/EXA-2026-0007\.md/);
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
  });

  it('asks for a title', () => {
    const r = runScript('new', { BULLETIN_CONTENT_DIR: contentWith(), BULLETIN_NOW: EXAMPLE_NOW });
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/usage: npm run new -- "<one line saying what is wrong>"/);
  });

  it('new then seal does not publish: seal refuses the draft and leaves the lock alone; not a draft, it needs a date; a past date is said to publish now', () => {
    const dir = contentWith();
    const env = { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW };
    expect(runScript('new', env, ['A draft']).status).toBe(0);
    const lockFile = join(dir, 'bulletin.lock');
    const lock = readFileSync(lockFile, 'utf8');
    const r = runScript('seal', env, ['EXA-2026-0006']);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/EXA-2026-0006 revision 1 is a draft, so it was not sealed and will not be published/);
    expect(readFileSync(lockFile, 'utf8')).toBe(lock);
    expect(runScript('seal', env, ['--all']).status).toBe(0);
    expect(readFileSync(lockFile, 'utf8')).toBe(lock);

    // "draft: true" removed but no date: check and seal refuse, naming the field and the fix.
    const file = join(dir, 'advisories/EXA-2026-0006.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
    const undated = check(dir, EXAMPLE_NOW);
    expect(undated.status).toBe(1);
    expect(undated.output).toMatch(/EXA-2026-0006\.md:\d+: error: revision\.date: is missing, and the revision is not a draft, so when it publishes is not known\n    fix: add revision\.date: when it publishes/);
    const refused = runScript('seal', env, ['EXA-2026-0006']);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/nothing was sealed[\s\S]*revision\.date: is missing/);
    expect(readFileSync(lockFile, 'utf8')).toBe(lock);

    writeFileSync(file, readFileSync(file, 'utf8').replace('  number: 1\n', '  number: 1\n  date: 2026-08-31\n'));
    const sealed = runScript('seal', env, ['EXA-2026-0006']);
    expect(sealed.status, sealed.output).toBe(0);
    expect(sealed.output).toMatch(/EXA-2026-0006 revision 1 is dated 2026-08-31, which has passed: sealing publishes it now/);
  });

  it('a draft without a date builds, is not published, and changes no output file (the example\'s manifest still matches)', () => {
    const dir = contentWith();
    expect(runScript('new', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW }, ['Header names are compared case-sensitively']).status).toBe(0);
    const r = build(dir, EXAMPLE_NOW, { BULLETIN_SIGNING_KEY_FILE: EXAMPLE_TEST_KEY });
    expect(r.status, r.output).toBe(0);
    const lines = listFiles(r.outDir).map((f) => `${createHash('sha256').update(readFileSync(join(r.outDir, f))).digest('hex')}  ${f}`);
    expect(lines.join('\n') + '\n').toBe(readFileSync(join(ROOT, 'test/fixtures/example.manifest'), 'utf8'));
  });
});
