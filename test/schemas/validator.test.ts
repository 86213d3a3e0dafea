/**
 * The validator over the real schemas with small edits to the bundled example: every bad input
 * the foundation issue names, with the message a maintainer sees locked.
 */
import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../src/lib/content/findings.ts';
import { validateContent, type ContentFiles } from '../../src/lib/content/validate.ts';
import { readContentFiles } from '../../src/io/read-content.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { EXAMPLE_CONTENT } from '../helpers/run.ts';

const example = readContentFiles(EXAMPLE_CONTENT);
const NOW = new Date(EXAMPLE_NOW);

/** The example with one file's text edited. */
function edited(which: 'site' | 'releases', edit: (text: string) => string): ContentFiles {
  const file = example[which]!;
  return { ...example, [which]: { file: file.file, text: edit(file.text) } };
}

const show = (findings: Finding[]) => findings.map((f) => formatFinding(f, 'check')).join('\n');
const errorsOf = (files: ContentFiles) => validateContent(files, NOW).findings.filter((f) => f.severity === 'error');

describe('the bundled example', () => {
  it('validates with no errors and yields content', () => {
    const r = validateContent(example, NOW);
    expect(r.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(r.content?.site.name).toBe('Lanternfish');
    expect(r.content?.lines.map((l) => l.name)).toEqual(['0.10', '0.11', '0.12', '0.13', '0.14', '1.4', '2.0']);
    expect(r.content?.policy.map((p) => p.slug)).toEqual(['10-reporting', '20-what-happens-next', '30-scope', '40-safe-harbour']);
  });
});

describe('bad input, each reported with file, line, field and fix', () => {
  it('broken YAML', () => {
    const errors = errorsOf(edited('site', (t) => t.replace('email: security@lanternfish.example', 'email: [security@lanternfish.example')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(15);
    expect(errors[0]!.file).toBe('content/site.yaml');
    expect(errors[0]!.line).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/^the YAML cannot be read: /);
  });

  it('a missing required field', () => {
    expect(show(errorsOf(edited('site', (t) => t.replace(/^ids:\n.*\n/m, ''))))).toMatchInlineSnapshot(`
      "content/site.yaml:3: error: ids: is missing
          fix: add "ids" (see docs/content.md#siteyaml)"
    `);
  });

  it('a wrong type', () => {
    expect(show(errorsOf(edited('site', (t) => t.replace('working_days: 3', 'working_days: three'))))).toMatchInlineSnapshot(`
      "content/site.yaml:32: error: acknowledgement.working_days: must be a number, not "three"
          fix: write a number (see docs/content.md#siteyaml)"
    `);
  });

  it('an impossible date', () => {
    expect(show(errorsOf(edited('releases', (t) => t.replace('released: 2026-01-20', 'released: 2026-02-30'))))).toMatchInlineSnapshot(`
      "content/releases.yaml:17: error: lines[2].released: is not a real calendar date
          fix: write a day that exists (months have 28 to 31 days)"
    `);
  });

  it('an unquoted line name that YAML reads as a number', () => {
    expect(show(errorsOf(edited('releases', (t) => t.replace('name: "0.10"', 'name: 0.10'))))).toMatchInlineSnapshot(`
      "content/releases.yaml:3: error: lines[0].name: 0.10 was read by YAML as the number 0.1, not the name "0.10"
          fix: quote it: name: "0.10""
    `);
  });

  it('an unknown package', () => {
    expect(show(errorsOf(edited('releases', (t) => t.replace('package: lanternfish\n    released: 2025-01-15', 'package: lanternfsh\n    released: 2025-01-15'))))).toMatchInlineSnapshot(`
      "content/releases.yaml:4: error: lines[0].package: names the package "lanternfsh", which site.yaml does not list
          fix: use one of: "lanternfish", "lanternfish-cli", or add the package to site.yaml "packages""
    `);
  });

  it('a duplicate line', () => {
    const dup = '\n  - name: "0.13"\n    package: lanternfish\n    released: 2026-06-02\n    latest: 0.13.1\n';
    expect(show(errorsOf(edited('releases', (t) => t + dup)))).toMatchInlineSnapshot(`
      "content/releases.yaml:46: error: lines[7].name: line "0.13" of lanternfish is listed twice (first at line 22)
          fix: keep one entry per line and merge their fields"
    `);
  });

  it('dates out of order', () => {
    expect(show(errorsOf(edited('releases', (t) => t.replace('eol: 2026-07-31', 'eol: 2025-06-30'))))).toMatchInlineSnapshot(`
      "content/releases.yaml:13: error: lines[1].eol: support ends (2025-06-30) before the line is released (2025-07-01)
          fix: put "eol" on or after "released""
    `);
  });

  it('a latest release outside its line', () => {
    expect(show(errorsOf(edited('releases', (t) => t.replace('latest: 0.13.2', 'latest: 0.12.9'))))).toMatchInlineSnapshot(`
      "content/releases.yaml:25: error: lines[3].latest: 0.12.9 is outside the line's range >=0.13.0 <0.14.0
          fix: give the newest release of line 0.13, or correct "range""
    `);
  });

  it('an unknown field (a typo)', () => {
    expect(show(errorsOf(edited('site', (t) => t.replace('ending_soon_days: 60', 'ending_son_days: 60'))))).toMatchInlineSnapshot(`
      "content/site.yaml:36: error: support.ending_son_days: unknown field "ending_son_days"
          fix: did you mean "ending_soon_days"? Otherwise remove it (see docs/content.md#siteyaml)"
    `);
  });

  it('a value outside its choices', () => {
    expect(show(errorsOf(edited('site', (t) => t.replace('setup: private-repository', 'setup: secret'))))).toMatchInlineSnapshot(`
      "content/site.yaml:28: error: embargo.setup: is "secret", which is not allowed
          fix: use one of: "public-repository", "private-repository""
    `);
  });

  it('a time zone that does not exist', () => {
    expect(show(errorsOf(edited('site', (t) => t.replace('time_zone: Europe/Lisbon', 'time_zone: Europe/Atlantis'))))).toMatchInlineSnapshot(`
      "content/site.yaml:30: error: time_zone: is not an IANA time zone name
          fix: write a name such as Europe/Berlin, America/New_York or UTC"
    `);
  });

  it('several problems in one run, in several files', () => {
    const files = edited('site', (t) => t.replace('working_days: 3', 'working_days: -1').replace(/^updated: .*$/m, 'updated: yesterday'));
    const both = { ...files, releases: edited('releases', (t) => t.replace('name: "0.11"', 'name: 0.11')).releases };
    const errors = errorsOf(both);
    expect(errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual([
      'content/site.yaml:32 acknowledgement.working_days',
      'content/site.yaml:85 updated',
      'content/releases.yaml:8 lines[1].name',
    ]);
  });

  it('policy front matter missing its title, and a policy file without front matter', () => {
    const files = {
      ...example,
      policy: [
        { file: 'content/policy/50-x.md', text: '---\norder: 5\n---\nText\n' },
        { file: 'content/policy/60-y.md', text: 'Just text\n' },
      ],
    };
    expect(show(errorsOf(files))).toMatchInlineSnapshot(`
      "content/policy/50-x.md:2: error: title: is missing
          fix: add "title" (see docs/content.md#policy)
      content/policy/60-y.md:1: error: the file has no front matter
          fix: start the file with a front matter block between two "---" lines (see docs/content.md#policy)"
    `);
  });

  it('missing site.yaml and releases.yaml', () => {
    expect(show(errorsOf({ ...example, site: undefined, releases: undefined }))).toMatchInlineSnapshot(`
      "content/site.yaml: error: the file is missing
          fix: create it with the project's name, URLs, contacts and policies (see docs/content.md, or copy the bundled example's)
      content/releases.yaml: error: the file is missing
          fix: create it with a "lines" list (see docs/content.md, or copy the bundled example's)"
    `);
  });
});
