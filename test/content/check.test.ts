/**
 * Bad input through the commands a maintainer runs: `npm run check` reports every problem with
 * file, line and fix and exits 1; `npm run build` refuses too and leaves dist/ as it was.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, check, contentWith, EXAMPLE_CONTENT, tempDir } from '../helpers/run.ts';

const releases = readFileSync(join(EXAMPLE_CONTENT, 'releases.yaml'), 'utf8');
const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8');

describe('npm run check', () => {
  it('passes on the bundled example and says so', () => {
    const r = check(EXAMPLE_CONTENT, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/0 errors/);
  });

  it.each([
    ['broken YAML', 'site.yaml', site.replace('name: Lanternfish', 'name: [Lanternfish'), /site\.yaml:4: error: the YAML cannot be read/],
    ['a missing required field', 'site.yaml', site.replace(/^updated: .*\n/m, ''), /site\.yaml:\d+: error: updated: is missing\n\s+fix: add "updated"/],
    ['a wrong type', 'site.yaml', site.replace('latest_lines: 2', 'latest_lines: two'), /site\.yaml:\d+: error: support\.latest_lines: must be a number, not "two"/],
    ['an impossible date', 'releases.yaml', releases.replace('released: 2025-07-01', 'released: 2025-13-01'), /releases\.yaml:10: error: lines\[1\]\.released: is not a real calendar date/],
    ['an unquoted line name', 'releases.yaml', releases.replace('name: "0.10"', 'name: 0.10'), /releases\.yaml:3: error: lines\[0\]\.name: 0\.10 was read by YAML as the number 0\.1.*\n\s+fix: quote it: name: "0\.10"/],
    ['an unknown package', 'releases.yaml', releases.replace('package: lanternfish-cli\n    released: 2025-05-01', 'package: lanternfish-tui\n    released: 2025-05-01'), /releases\.yaml:37: error: lines\[5\]\.package: names the package "lanternfish-tui", which site\.yaml does not list/],
    ['a duplicate line', 'releases.yaml', releases + '\n  - name: "2.0"\n    package: lanternfish-cli\n    released: 2026-04-01\n    latest: 2.0.0\n', /lines\[7\]\.name: line "2\.0" of lanternfish-cli is listed twice \(first at line 41\)/],
    ['a changed CSAF TLP label (published documents would move)', 'site.yaml', `${site}\ncsaf:\n  tlp: GREEN\n`, /site\.yaml:\d+: error: csaf\.tlp: csaf\.tlp is GREEN, but published CSAF documents are under \/\.well-known\/csaf\/white\/[^\n]*\n\s+fix: set csaf\.tlp back to WHITE in site\.yaml/],
    ['dates out of order', 'releases.yaml', releases.replace('eol: 2026-09-30', 'eol: 2025-09-30'), /releases\.yaml:20: error: lines\[2\]\.eol: support ends \(2025-09-30\) before the line is released \(2026-01-20\)/],
  ])('reports %s with file, line and fix, and exits 1', (_name, file, text, expected) => {
    const r = check(contentWith({ [file]: text }), EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(expected);
    expect(r.output).toMatch(/fix: /);
  });

  it.each([
    ['a malformed CVSS vector', 'advisories/GHSA-7q4m-2x9v-c3hf.md', (t: string) => t.replace('/A:N', '/A:Q'), /GHSA-7q4m-2x9v-c3hf\.md:9: error: severity\[0\]\.score: metric "A" \(Availability\) has value "Q"/],
    ['a fix before its introduction', 'advisories/EXA-2026-0003.md', (t: string) => t.replace('introduced: 0.13.0', 'introduced: 0.13.5'), /EXA-2026-0003\.md:\d+: error: affected\[0\]\.ranges\[0\]\.events\[1\]\.fixed: "fixed: 0\.13\.2" is lower than "introduced: 0\.13\.5" before it/],
    ['an edited published revision', 'advisories/EXA-2026-0003.md', (t: string) => t.replace('We have not found', 'We never found'), /revision 1 of EXA-2026-0003 was published on 2026-06-25T12:00:00Z and is immutable[\s\S]*npm run revise -- EXA-2026-0003/],
    ['a duplicate key', 'site.yaml', (t: string) => t.replace('time_zone: Europe/Lisbon', 'time_zone: Europe/Lisbon\ntime_zone: UTC'), /site\.yaml:\d+: error: a key appears twice in the same mapping/],
  ])('reports %s in an advisory or site.yaml, and build refuses it too', (_name, file, edit, expected) => {
    const dir = contentWith({ [file]: edit(readFileSync(join(EXAMPLE_CONTENT, file), 'utf8')) });
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(expected);
    const b = build(dir, EXAMPLE_NOW);
    expect(b.status).toBe(1);
    expect(b.output).toMatch(expected);
  });

  it('reports a second problem in the same run', () => {
    const dir = contentWith({
      'site.yaml': site.replace('latest_lines: 2', 'latest_lines: 0'),
      'releases.yaml': releases.replace('name: "0.11"', 'name: 0.11'),
    });
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/site\.yaml:\d+: error: support\.latest_lines: must be more than 0/);
    expect(r.output).toMatch(/releases\.yaml:8: error: lines\[1\]\.name/);
    expect(r.output).toMatch(/2 errors/);
  });

  it('names a content folder that does not exist', () => {
    const r = check(join(tempDir('nowhere'), 'content'), EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/does not exist; set BULLETIN_CONTENT_DIR/);
  });

  it('refuses a BULLETIN_NOW it cannot read', () => {
    const r = check(EXAMPLE_CONTENT, 'next tuesday');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/BULLETIN_NOW is "next tuesday"/);
  });
});

describe('npm run build on bad input', () => {
  it.each([
    ['the content folder', () => EXAMPLE_CONTENT],
    ['a parent of the content folder', () => join(EXAMPLE_CONTENT, '..')],
  ])('refuses an output folder that is %s, and deletes nothing', (_name, out) => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, {}, out());
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/BULLETIN_OUT_DIR \(.*\) is or contains the (content|project) folder/);
    expect(existsSync(join(EXAMPLE_CONTENT, 'site.yaml'))).toBe(true);
  });

  it.each([
    ['an unquoted line name', 'releases.yaml', releases.replace('name: "0.12"', 'name: 0.12'), /releases\.yaml:15: error: lines\[2\]\.name/],
    ['an unknown package', 'releases.yaml', releases.replace('package: lanternfish-cli\n    released: 2025-05-01', 'package: nope\n    released: 2025-05-01'), /lines\[5\]\.package/],
    ['broken YAML', 'site.yaml', site.replace('  email: security', ' email: security'), /site\.yaml:\d+: error: the YAML cannot be read/],
  ])('stops on %s and leaves the existing dist/ untouched', (_name, file, text, expected) => {
    const out = join(tempDir('dist'), 'dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'previously published');
    const r = build(contentWith({ [file]: text }), EXAMPLE_NOW, {}, out);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(expected);
    expect(r.output).toMatch(/was not changed/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previously published');
    expect(existsSync(join(out, 'releases'))).toBe(false);
  });
});
