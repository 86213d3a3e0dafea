/** `npm run new` mints the next ID from the template and writes a draft that check accepts. */
import { readFileSync, writeFileSync } from 'node:fs';
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

  it('new then seal does not publish: seal refuses the draft and leaves the lock alone; once not a draft, a past date is said to publish now', () => {
    const dir = contentWith();
    const env = { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW };
    expect(runScript('new', env, ['A draft']).status).toBe(0);
    const lock = readFileSync(join(dir, 'bulletin.lock'), 'utf8');
    const r = runScript('seal', env, ['EXA-2026-0006']);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/EXA-2026-0006 revision 1 is a draft, so it was not sealed and will not be published/);
    expect(readFileSync(join(dir, 'bulletin.lock'), 'utf8')).toBe(lock);
    const file = join(dir, 'advisories/EXA-2026-0006.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
    const sealed = runScript('seal', env, ['EXA-2026-0006']);
    expect(sealed.status, sealed.output).toBe(0);
    expect(sealed.output).toMatch(/EXA-2026-0006 revision 1 is dated \S+, which has passed: sealing publishes it now/);
  });
});
