/**
 * Hostile and careless input through `check` and `build` both (issue #10 items 7 and 8): whatever
 * `check` accepts, `build` builds; what `build` could not turn into a safe address, `check`
 * refuses with file, line, field and fix, and `build` refuses the same way, without a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, check, contentWith, EXAMPLE_CONTENT, runScript } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8');
const releases = readFileSync(join(EXAMPLE_CONTENT, 'releases.yaml'), 'utf8');

const advisory = (id: string, extra = '', draft = true) => `---
id: ${JSON.stringify(id)}
${extra}summary: A test advisory
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.13.2
revision:
  number: 1
  date: 2026-08-20T00:00:00Z
  summary: Initial publication.
${draft ? 'draft: true\n' : ''}---
Text.
`;

/** The report's lines about the files a case touched, without the summary. */
const findingsIn = (output: string, ...files: string[]) =>
  output
    .split('\n')
    .map((l) => l.replace(/^.*?content\//, 'content/'))
    .filter((l, i, all) => files.some((f) => l.startsWith(`content/${f}`)) || (l.startsWith('    fix:') && files.some((f) => (all[i - 1] ?? '').startsWith(`content/${f}`))))
    .join('\n');

const CASES: [name: string, changes: Record<string, string>, files: string[]][] = [
  ['an ID with "?"', { 'advisories/GHSA-ab?c-1234.md': advisory('GHSA-ab?c-1234') }, ['advisories/GHSA-ab?c-1234.md']],
  ['an ID with "#"', { 'advisories/GHSA-ab#c-1234.md': advisory('GHSA-ab#c-1234') }, ['advisories/GHSA-ab#c-1234.md']],
  ['an ID with "%"', { 'advisories/GHSA-ab%2e-1234.md': advisory('GHSA-ab%2e-1234') }, ['advisories/GHSA-ab%2e-1234.md']],
  ['GHSA-.. as an ID', { 'advisories/GHSA-...md': advisory('GHSA-..') }, ['advisories/GHSA-...md']],
  ['an alias with a path in it', { 'advisories/EXA-2026-0006.md': advisory('EXA-2026-0006', 'aliases:\n  - CVE-2026-1/../../x\n') }, ['advisories/EXA-2026-0006.md']],
  ['a related ID with a quote', { 'advisories/EXA-2026-0006.md': advisory('EXA-2026-0006', 'related:\n  - CVE-2026-1"x\n') }, ['advisories/EXA-2026-0006.md']],
  ['a site URL with a quote', { 'site.yaml': site.replace(/^url: .*$/m, 'url: "https://security.lanternfish.example/a\\"b/"') }, ['site.yaml']],
  ['a site URL with a query', { 'site.yaml': site.replace(/^url: .*$/m, 'url: https://security.lanternfish.example/?x=1') }, ['site.yaml']],
  ['a package name with ../', { 'site.yaml': site.replace('  - name: lanternfish-cli\n', '  - name: ../lanternfish-cli\n'), 'releases.yaml': releases.replaceAll('package: lanternfish-cli', 'package: ../lanternfish-cli') }, ['site.yaml', 'releases.yaml']],
  ['a line name with ../', { 'releases.yaml': releases.replace('name: "0.10"', 'name: "../0.10"') }, ['releases.yaml']],
];

describe('hostile input', () => {
  it.each(CASES)('check refuses %s, with file, line, field and fix', (_name, changes, files) => {
    const r = check(contentWith(changes), EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(findingsIn(r.output, ...files)).toMatchSnapshot();
  });

  it.each(CASES)('build refuses %s the same way, without a stack trace', (_name, changes, files) => {
    const r = build(contentWith(changes), EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/stopped before building/);
    expect(r.output).not.toMatch(/^\s+at /m);
    expect(findingsIn(r.output, ...files)).toMatch(/error: /);
  });

  it('builds what check accepts at the edge of the safe names', () => {
    const dir = contentWith({
      'advisories/GHSA-9z.y_x-0001.md': advisory('GHSA-9z.y_x-0001', 'aliases:\n  - CVE-2026-00001\nrelated:\n  - OSV-2026.1_2\n', false),
      'site.yaml': site.replace('  - name: lanternfish-cli\n    ecosystem: npm\n', '  - name: lanternfish-cli\n    ecosystem: npm\n  - name: lantern.fish_x-y\n    ecosystem: npm\n'),
      'releases.yaml': `${releases}\n  - name: "1.0"\n    package: lantern.fish_x-y\n    released: 2026-01-01\n    latest: 1.0.0\n`,
    });
    const sealed = runScript('seal', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: '2026-08-01T00:00:00Z' }, ['GHSA-9z.y_x-0001']);
    expect(sealed.status, sealed.output).toBe(0);
    const checked = runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW }, ['--against', join(dir, 'bulletin.lock')]);
    expect(checked.status, checked.output).toBe(0);
    const r = build(dir, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    const files = listFiles(r.outDir);
    expect(files).toContain('advisories/GHSA-9z.y_x-0001/index.html');
    expect(files).toContain('advisories/CVE-2026-00001/index.html');
    expect(files).toContain('releases/lantern.fish_x-y/1.0/index.html');
  });
});
