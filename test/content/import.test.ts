/**
 * `npm run import` as a maintainer runs it, on a copy of the bundled example: the fixture records
 * (test/fixtures/osv-import/) go in, bad files are refused by name while the others go through,
 * nothing already there changes, nothing is half written, and importing again changes nothing.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, contentWith, ROOT, runScript, tempDir } from '../helpers/run.ts';

const FIXTURES = join(ROOT, 'test/fixtures/osv-import');
const NOW = '2026-12-01T00:00:00Z';

/** Every file under a folder with its sha256. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')]),
  );
}

const run = (content: string, args: string[], now = NOW) => runScript('import', { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: now }, args);

describe('npm run import', () => {
  it('imports the good records, refuses each bad file by name, and leaves the rest of the content folder as it was', () => {
    const content = contentWith();
    const before = snapshot(content);
    const r = run(content, [FIXTURES]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    const refusal = (file: string) => lines.find((l) => l.startsWith(`test/fixtures/osv-import/bad/${file}:`));
    expect(refusal('invalid.json')).toMatch(/refused: is not valid JSON/);
    expect(refusal('no-id.json')).toMatch(/refused: the record has no "id"/);
    expect(refusal('not-osv.json')).toMatch(/refused: is not an OSV record/);
    expect(refusal('unknown-range.json')).toMatch(/GHSA-r4ng-e7yp-e000 refused: affected\[0\]\.ranges\[0\] has the unknown range type "CALVER"/);
    expect(refusal('collides.json')).toMatch(/GHSA-c0ll-1des-w1th refused: its alias CVE-2026-41234 already leads to the advisory EXA-2026-0001/);
    expect(r.stdout).toMatch(/GO-2099-0101 merged into GHSA-q4m2-7hv3-x8cf/);
    expect(r.stdout).toMatch(/12 record\(s\) in [\d.]+ s: 6 imported, 1 merged, 0 unchanged, 0 revised, 5 refused/);

    const after = snapshot(content);
    for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);
    const added = [...after.keys()].filter((f) => !before.has(f)).sort();
    expect(added).toEqual(
      ['CVE-2099-10004.md', 'GHSA-2f3x-9q7m-wc4h.md', 'GHSA-8v2c-4r6p-jm9q.md', 'GHSA-q4m2-7hv3-x8cf.md', 'GO-2099-0102.md', 'GO-2099-0103.md'].map((f) => `/advisories/${f}`),
    );
    expect(added.some((f) => f.endsWith('.tmp'))).toBe(false);

    // What was imported passes check once sealed, and importing again changes nothing.
    expect(runScript('seal', { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: NOW }, ['--all']).status).toBe(0);
    const checked = check(content, NOW);
    expect(checked.output).toMatch(/0 errors/);
    const sealed = snapshot(content);
    const again = run(content, [FIXTURES]);
    expect(again.stdout).toMatch(/0 imported, 0 merged, 7 unchanged, 0 revised, 5 refused/);
    expect(snapshot(content)).toEqual(sealed);
  });

  it('turns a changed record into a new revision, never an edit of the sealed one', () => {
    const content = contentWith();
    const input = tempDir('osv-in');
    cpSync(join(FIXTURES, 'GO-2099-0103.json'), join(input, 'GO-2099-0103.json'));
    expect(run(content, [input]).status).toBe(0);
    expect(runScript('seal', { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: NOW }, ['--all']).status).toBe(0);
    const v1 = readFileSync(join(content, 'advisories/GO-2099-0103.md'), 'utf8');

    const record = JSON.parse(readFileSync(join(FIXTURES, 'GO-2099-0103.json'), 'utf8'));
    record.affected[0].ranges[0].events[1].fixed = '0.4.2';
    writeFileSync(join(input, 'GO-2099-0103.json'), JSON.stringify(record));
    const r = run(content, [input]);
    expect(r.stdout).toMatch(/GO-2099-0103 revised \(revision 2 of GO-2099-0103\)/);
    expect(readFileSync(join(content, 'advisories/GO-2099-0103/v1.md'), 'utf8')).toBe(v1);
    const v2 = readFileSync(join(content, 'advisories/GO-2099-0103.md'), 'utf8');
    expect(v2).toMatch(/fixed: 0\.4\.2/);
    expect(v2).toMatch(/number: 2\n\s+date: 2026-12-01T00:00:00Z/);
    expect(runScript('seal', { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: NOW }, ['--all']).status).toBe(0);
    expect(check(content, NOW).output).toMatch(/0 errors/);
  });

  it('says how it is used, and names a path that does not exist', () => {
    expect(run(contentWith(), []).stderr).toMatch(/usage: npm run import -- <OSV .json files or folders holding them>/);
    const r = run(contentWith(), ['/nonexistent/records']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\/nonexistent\/records: refused: does not exist/);
  });
});
