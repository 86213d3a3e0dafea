/**
 * Advisory content through the validator: each bad input the archive issue names is an error
 * with file, line, field and fix (messages locked), and the example validates cleanly.
 */
import { describe, expect, it } from 'vitest';
import { formatFinding, sortFindings, type Finding } from '../../src/lib/content/findings.ts';
import { validateContent, type ContentFiles } from '../../src/lib/content/validate.ts';
import { readContentFiles } from '../../src/io/read-content.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { EXAMPLE_CONTENT } from '../helpers/run.ts';

const example = readContentFiles(EXAMPLE_CONTENT);
const NOW = new Date(EXAMPLE_NOW);
const NEWEST = 'content/advisories/EXA-2026-0001.md';

/** The example with advisory files edited (path -> text, or a function of the old text), added or removed. */
function withAdvisories(changes: Record<string, string | null | ((t: string) => string)>): ContentFiles {
  const files = new Map(example.advisories.map((f) => [f.file, f.text]));
  for (const [file, change] of Object.entries(changes)) {
    if (change === null) files.delete(file);
    else files.set(file, typeof change === 'function' ? change(files.get(file) ?? '') : change);
  }
  return { ...example, advisories: [...files].map(([file, text]) => ({ file, text })) };
}

/** Errors other than the seal's (edits here are never sealed; the seal has its own tests). */
const errorsOf = (files: ContentFiles): Finding[] =>
  validateContent(files, NOW).findings.filter((f) => f.severity === 'error' && !/seal/i.test(f.message) && !f.file.endsWith('bulletin.lock'));
const show = (findings: Finding[]) => findings.map((f) => formatFinding(f, 'check')).join('\n');
const edit = (from: string | RegExp, to: string) => (t: string) => {
  const out = t.replace(from, to);
  if (out === t) throw new Error(`test edit found nothing to replace: ${from}`);
  return out;
};

const minimal = (id: string, extra = '') => `---
id: ${id}
summary: A test advisory
${extra}revision:
  number: 1
  date: 2026-07-01
  summary: Initial publication.
---
Text.
`;

describe('the example', () => {
  it('validates with no errors', () => {
    expect(errorsOf(example)).toEqual([]);
    const r = validateContent(example, NOW);
    expect(r.content?.advisories.map((h) => `${h.id}:${h.revisions.map((x) => x.number).join(',')}`)).toEqual([
      'EXA-2026-0001:1,2',
      'EXA-2026-0002:1,2',
      'EXA-2026-0003:1',
      'EXA-2026-0004:1',
      'EXA-2026-0005:1',
      'GHSA-7q4m-2x9v-c3hf:1',
    ]);
  });
});

describe('bad advisories', () => {
  it('a malformed vector', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:8: error: severity[0].score: base metric missing: A (Availability)
          fix: write the vector as the calculator at https://www.first.org/cvss/calculator/3.1 gives it"
    `);
  });

  it('a vector of an unknown version', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:8: error: severity[0].score: CVSS version "3.2" is not supported; Bulletin reads CVSS 3.0, 3.1 and 4.0 vectors, which start with "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/"
          fix: score the vulnerability with CVSS 3.1 or 4.0 (https://www.first.org/cvss/calculator/3.1, https://www.first.org/cvss/calculator/4.0) and write the vector the calculator gives"
    `);
  });

  it('a score that disagrees with its vector', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('base_score: 9.8', 'base_score: 8.1') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:9: error: severity[0].base_score: the stated score 8.1 differs from 9.8, the CVSS 3.1 score of CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; state 9.8 or correct the vector
          fix: set base_score: 9.8, or correct the vector"
    `);
  });

  it('a vector under the wrong type', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('  - type: CVSS_V4', '  - type: CVSS_V3') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:10: error: severity[1].type: is CVSS_V3 but the vector is CVSS 4.0
          fix: set type: CVSS_V4"
    `);
  });

  it('an invalid version', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- fixed: 0.12.3', '- fixed: 0.12') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:20: error: affected[0].ranges[0].events[1].fixed: 0.12 was read by YAML as the number 0.12, not the version "0.12"
          fix: write the full version, quoted if needed: fixed: "0.12.0""
    `);
  });

  it('fixed before introduced', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- introduced: 0.13.0\n          - fixed: 0.13.1', '- introduced: 0.13.1\n          - fixed: 0.13.0') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:22: error: affected[0].ranges[0].events[3].fixed: "fixed: 0.13.0" is lower than "introduced: 0.13.1" before it
          fix: if one of 0.13.1 and 0.13.0 is mistyped, correct it; otherwise put events in version order: introduced, then fixed"
    `);
  });

  it('a fix newer than its line has released, and not planned', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- fixed: 0.13.1', '- fixed: 0.13.9') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:22: error: affected[0].ranges[0].events[3].fixed: "fixed: 0.13.9" is not released yet: the newest release of line 0.13 is 0.13.2
          fix: release 0.13.9 first, or list it as planned in line 0.13 of releases.yaml if it ships with this advisory"
    `);
  });

  it('a fix in a release line that does not exist', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- introduced: 0.13.0\n          - fixed: 0.13.1', '- introduced: 0.13.0\n          - fixed: 0.15.1') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:22: error: affected[0].ranges[0].events[3].fixed: "fixed: 0.15.1" falls in no release line of lanternfish in releases.yaml
          fix: correct the version, or add its line to releases.yaml"
    `);
  });

  it('an unknown package of the project (a typo)', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('name: lanternfish\n', 'name: lanternfsh\n') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:15: error: affected[0].package.name: "lanternfsh" is not one of the project's packages
          fix: did you mean "lanternfish"? The project's packages are listed in site.yaml"
    `);
  });

  it('an ecosystem OSV does not know', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('ecosystem: npm', 'ecosystem: NPM') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:14: error: affected[0].package.ecosystem: "NPM" is not an ecosystem OSV knows
          fix: use an OSV ecosystem name such as npm, crates.io, PyPI, Go or Maven (case matters)"
    `);
  });

  it('a duplicate alias across files', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0003.md': edit('summary: Trailers', 'aliases:\n  - CVE-2026-41234\nsummary: Trailers') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0003.md:4: error: aliases[0]: CVE-2026-41234 already leads to EXA-2026-0001
          fix: an ID or alias may belong to one advisory only; remove it here or there"
    `);
  });

  it('an alias that is another advisory\u2019s ID, and IDs that differ only in case', () => {
    expect(show(errorsOf(withAdvisories({
      'content/advisories/EXA-2026-0003.md': edit('summary: Trailers', 'aliases:\n  - ghsa-7q4m-2x9v-c3hf\nsummary: Trailers'),
      'content/advisories/exa-2026-0001.md': minimal('exa-2026-0001'),
    })))).toMatchInlineSnapshot(`
      "content/advisories/exa-2026-0001.md:2: error: id: "exa-2026-0001" follows neither the project's template EXA-{year}-{seq:4} nor a prefix registered with OSV (GHSA-, CVE-, GO-, PYSEC-, RUSTSEC-, ...)
          fix: name the advisory like EXA-2026-0001, or keep the other database's ID as it is written there
      content/advisories/exa-2026-0001.md: error: the ID exa-2026-0001 differs from EXA-2026-0001 only in case
          fix: use one spelling; addresses must not collide or read the same
      content/advisories/EXA-2026-0003.md:4: error: aliases[0]: ghsa-7q4m-2x9v-c3hf already leads to GHSA-7q4m-2x9v-c3hf
          fix: an ID or alias may belong to one advisory only; remove it here or there"
    `);
  });

  it('look-alike IDs and aliases (issue #10 item 8)', () => {
    expect(show(errorsOf(withAdvisories({
      'content/advisories/EXA-2O26-0001.md': minimal('EXA-2O26-0001'),
      'content/advisories/EXA-2026-0003.md': edit('summary: Trailers', 'aliases:\n  - CVE-2026-4l234\n  - EXA-2026-OOO3\nsummary: Trailers'),
      'content/advisories/EXA-2026-0\u04310001.md': minimal('EXA-2026-0\u04310001'),
    })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0б0001.md:2: error: id: is not an ID such as EXA-2026-0001, CVE-2026-41234 or GHSA-7q4m-2x9v-c3hf
          fix: write a prefix, a hyphen and the rest; use only ASCII letters, digits, ".", "_" and "-", with a letter or digit between separators (an ID becomes an address)
      content/advisories/EXA-2O26-0001.md:2: error: id: "EXA-2O26-0001" follows neither the project's template EXA-{year}-{seq:4} nor a prefix registered with OSV (GHSA-, CVE-, GO-, PYSEC-, RUSTSEC-, ...)
          fix: name the advisory like EXA-2026-0001, or keep the other database's ID as it is written there
      content/advisories/EXA-2O26-0001.md: error: the ID EXA-2O26-0001 differs from EXA-2026-0001 only in look-alike characters (0/O, 1/l/I, rn/m, vv/w, cl/d)
          fix: use one spelling; addresses must not collide or read the same
      content/advisories/EXA-2026-0003.md:4: error: aliases[0]: CVE-2026-4l234 already leads to EXA-2026-0001 (it reads the same as CVE-2026-41234: it differs only in look-alike characters (0/O, 1/l/I, rn/m, vv/w, cl/d))
          fix: an ID or alias may belong to one advisory only; remove it here or there
      content/advisories/EXA-2026-0003.md:5: error: aliases[1]: EXA-2026-OOO3 differs from the advisory's own ID EXA-2026-0003 only in look-alike characters (0/O, 1/l/I, rn/m, vv/w, cl/d)
          fix: remove it from aliases, or write the other database's ID exactly"
    `);
  });

  it('aliases that are not IDs (a path, a reserved name, a space)', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0003.md': edit('summary: Trailers', 'aliases:\n  - ../../../evil\n  - year\n  - CVE 2026 1\nsummary: Trailers') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0003.md:4: error: aliases[0]: is not an ID such as EXA-2026-0001, CVE-2026-41234 or GHSA-7q4m-2x9v-c3hf
          fix: write a prefix, a hyphen and the rest; use only ASCII letters, digits, ".", "_" and "-", with a letter or digit between separators (an ID becomes an address)
      content/advisories/EXA-2026-0003.md:5: error: aliases[1]: is not an ID such as EXA-2026-0001, CVE-2026-41234 or GHSA-7q4m-2x9v-c3hf
          fix: write a prefix, a hyphen and the rest; use only ASCII letters, digits, ".", "_" and "-", with a letter or digit between separators (an ID becomes an address)
      content/advisories/EXA-2026-0003.md:6: error: aliases[2]: is not an ID such as EXA-2026-0001, CVE-2026-41234 or GHSA-7q4m-2x9v-c3hf
          fix: write a prefix, a hyphen and the rest; use only ASCII letters, digits, ".", "_" and "-", with a letter or digit between separators (an ID becomes an address)"
    `);
  });

  it('another project\u2019s package with a range out of order, and the project\u2019s name in another ecosystem', () => {
    const other = `  - package:\n      ecosystem: npm\n      name: express\n    ranges:\n      - type: SEMVER\n        events:\n          - introduced: 5.0.0\n          - fixed: 4.0.0\n  - package:\n      ecosystem: PyPI\n      name: lanternfish\n    versions:\n      - "1.0"\n`;
    const files = withAdvisories({ 'content/advisories/EXA-2026-0003.md': edit('references:', other + 'references:') });
    const findings = validateContent(files, NOW).findings.filter((f) => f.file.endsWith('EXA-2026-0003.md') && !/seal/i.test(f.message));
    expect(show(findings)).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0003.md:20: error: affected[1].ranges[0].events[1].fixed: "fixed: 4.0.0" is lower than "introduced: 5.0.0" before it
          fix: if one of 5.0.0 and 4.0.0 is mistyped, correct it; otherwise put events in version order: introduced, then fixed
      content/advisories/EXA-2026-0003.md:22: warning: affected[2].package.ecosystem: "lanternfish" is one of the project's packages, but in npm, not PyPI
          fix: write ecosystem: npm if it is the project's package; if it really is another ecosystem's, leave it"
    `);
  });

  it('a file in advisories/ that is neither an advisory nor a revision', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0001/old.md': minimal('EXA-2026-0001') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001/old.md: error: is neither an advisory (advisories/<ID>.md) nor an earlier revision (advisories/<ID>/v<N>.md), so it would be ignored
          fix: rename it to one of those, or move it out of advisories/"
    `);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0003.md': (t) => `\uFEFF${t}` }))).toEqual([]);
  });

  it('a file name that differs from its ID', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0009.md': minimal('EXA-2026-0010') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0009.md:2: error: id: is "EXA-2026-0010" but the file is named for "EXA-2026-0009"
          fix: rename the file to advisories/EXA-2026-0010.md, or set id: EXA-2026-0009"
    `);
  });

  it('an ID that follows neither the template nor an OSV prefix', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/SEC-1.md': minimal('SEC-1') })))).toMatchInlineSnapshot(`
      "content/advisories/SEC-1.md:2: error: id: "SEC-1" follows neither the project's template EXA-{year}-{seq:4} nor a prefix registered with OSV (GHSA-, CVE-, GO-, PYSEC-, RUSTSEC-, ...)
          fix: name the advisory like EXA-2026-0001, or keep the other database's ID as it is written there"
    `);
  });

  it('a revision number that skips', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('number: 2', 'number: 3') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:43: error: revision.number: revision numbers skip from 1 to 3
          fix: number it 2"
    `);
  });

  it('a revision number that goes backwards', () => {
    expect(show(errorsOf(withAdvisories({
      [NEWEST]: edit('number: 2', 'number: 1'),
      'content/advisories/EXA-2026-0001/v1.md': edit('number: 1', 'number: 2'),
    })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001/v1.md:31: error: revision.number: is 2 but the file is v1.md
          fix: set revision.number: 1, or rename the file to v2.md"
    `);
  });

  it('a revision that publishes before the one it follows', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('date: 2026-08-11T09:00:00Z', 'date: 2026-08-01T09:00:00Z') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:44: error: revision.date: revision 2 publishes (2026-08-01T09:00:00Z) before revision 1 (2026-08-04T15:00:00Z)
          fix: a later revision publishes on or after the one before it"
    `);
  });

  it('modified before published', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('summary: Request', 'published: 2026-08-04T15:00:00Z\nmodified: 2026-08-01T00:00:00Z\nsummary: Request') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:6: error: modified: (2026-08-01T00:00:00Z) is before published (2026-08-04T15:00:00Z)
          fix: remove "modified" (it is derived) or set it to 2026-08-11T09:00:00Z"
    `);
  });

  it('published that is not revision 1\u2019s date', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('summary: Request', 'published: 2026-08-05\nsummary: Request') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:5: error: published: is 2026-08-05, but revision 1 publishes on 2026-08-04T15:00:00Z
          fix: remove "published" (it is derived) or set it to 2026-08-04T15:00:00Z"
    `);
  });

  it('withdrawn without a reason', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0002.md': edit(/withdrawn_reason: .*\n/, '') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0002.md:4: error: withdrawn: is set without a "withdrawn_reason"
          fix: add withdrawn_reason: one sentence on why the advisory is withdrawn"
    `);
  });

  it('a future publication with a bare day', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0004.md': edit('date: 2026-10-15T14:00:00Z', 'date: 2026-10-15') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0004.md:27: error: revision.date: publishes in the future (2026-10-15) but gives only a day
          fix: give an exact RFC 3339 time with offset, e.g. 2026-10-15T14:00:00Z, so the release moment is unambiguous"
    `);
  });

  it('a future publication in a public content repository', () => {
    const files = withAdvisories({});
    const site = { ...files.site!, text: files.site!.text.replace('setup: private-repository', 'setup: public-repository') };
    expect(show(errorsOf({ ...files, site }))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0004.md:27: error: revision.date: publishes in the future (2026-10-15T14:00:00Z), but site.yaml says this content repository is public, so the text is already public
          fix: keep embargoed work in a private fork and merge it at disclosure time with a date that has come (see docs/publishing.md), or change embargo.setup if this repository is private
      content/announcements/2026-10-15-lanternfish-0-13-3.md:5: error: date: publishes in the future (2026-10-15T14:00:00Z), but site.yaml says this content repository is public, so the text is already public
          fix: keep embargoed work in a private fork and merge it at disclosure time with a date that has come (see docs/publishing.md), or change embargo.setup if this repository is private"
    `);
  });

  it('a timeline out of order', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('acknowledged: 2026-07-29', 'acknowledged: 2026-07-20') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:39: error: timeline.acknowledged: (2026-07-20) is before reported (2026-07-28)
          fix: put the timeline in order: reported <= acknowledged <= first_fix_released <= fix_released"
    `);
  });

  it('an earlier revision marked as a draft', () => {
    expect(show(errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0001/v1.md': edit('revision:', 'draft: true\nrevision:') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001/v1.md:30: error: draft: an earlier revision cannot be a draft
          fix: only the newest file, advisories/<ID>.md, may be a draft; remove "draft: true""
    `);
  });

  it('reports problems in several advisories in one run', () => {
    const errors = errorsOf(withAdvisories({
      [NEWEST]: edit('base_score: 9.8', 'base_score: 1.0'),
      'content/advisories/GHSA-7q4m-2x9v-c3hf.md': edit('- fixed: 0.12.2', '- fixed: banana'),
    }));
    expect(errors.map((e) => `${e.file.replace('content/advisories/', '')}:${e.line} ${e.field}`)).toEqual([
      'EXA-2026-0001.md:9 severity[0].base_score',
      'GHSA-7q4m-2x9v-c3hf.md:18 affected[0].ranges[0].events[1].fixed',
    ]);
  });
});

describe('one run: a file that fails its schema still gets every other check on its well-formed parts', () => {
  const THREE = `---
id: EXA-2026-0006
summary: A draft with three mistakes
draft: true
sumary: a misspelt field
severity:
  - type: CVSS_V3
    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.12.1
revision:
  number: 1
  date: 2026-12-20T00:00:00Z
  summary: Initial publication.
---
Text.
`;
  const file = 'content/advisories/EXA-2026-0006.md';
  const only = (files: ContentFiles) => sortFindings(errorsOf(files)).filter((f) => f.file === file || f.file.endsWith('EXA-2026-0006.md'));

  it('a misspelt field, a bad CVSS vector and a range error: all three', () => {
    const text = show(only(withAdvisories({ [file]: THREE })));
    expect(text).toContain('EXA-2026-0006.md:5: error: sumary: unknown field "sumary"');
    expect(text).toContain('EXA-2026-0006.md:8: error: severity[0].score: metric "A" (Availability) has value "Q"');
    expect(text).toMatch(/EXA-2026-0006\.md:17: error: affected\[0\]\.ranges\[0\]\.events\[1\]\.fixed: /);
    expect(only(withAdvisories({ [file]: THREE }))).toHaveLength(3);
  });

  it('an entry that fails its schema is reported once; its well-formed neighbours are still checked', () => {
    const text = THREE.replace('sumary: a misspelt field\n', '')
      .replace('  - type: CVSS_V3\n', '  - type: CVSS_V5\n    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Z\n  - type: CVSS_V3\n')
      .replace('affected:\n', 'affected:\n  - package:\n      ecosystem: npm\n      name: lanternfish\n    ranges:\n      - type: SEMVER\n        events:\n          - introduced: 0.12.0\n          - fixed: 0.12\n');
    const found = only(withAdvisories({ [file]: text })).map((f) => `${f.line} ${f.field}`);
    // severity[0] and affected[0] fail the schema: one finding each, no CVSS or range finding on them.
    expect(found).toEqual(['6 severity[0].type', '9 severity[1].score', '18 affected[0].ranges[0].events[1].fixed', '26 affected[1].ranges[0].events[1].fixed']);
  });

  it('a file named for another ID still gets its CVSS checked, and its alias clash found', () => {
    const text = THREE.replace('sumary: a misspelt field\n', 'aliases:\n  - CVE-2026-41234\n').replace('id: EXA-2026-0006', 'id: EXA-2026-0009');
    const found = only(withAdvisories({ [file]: text })).map((f) => `${f.line} ${f.field}: ${f.message}`);
    expect(found).toEqual([
      '2 id: is "EXA-2026-0009" but the file is named for "EXA-2026-0006"',
      '6 aliases[0]: CVE-2026-41234 already leads to EXA-2026-0001',
      expect.stringMatching(/^9 severity\[0\]\.score: metric "A"/),
      expect.stringMatching(/^18 affected\[0\]\.ranges\[0\]\.events\[1\]\.fixed: /),
    ]);
  });

  it('a YAML error stops the file there (nothing after it can be read)', () => {
    expect(only(withAdvisories({ [file]: THREE.replace('draft: true', 'draft: [true') }))).toHaveLength(1);
  });
});

describe('range messages name the version that is wrong (issue #9)', () => {
  it('a mistyped fix in the first interval is named, not reported as "put events in version order"', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- fixed: 0.12.3', '- fixed: 0.21.3') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:20: error: affected[0].ranges[0].events[1].fixed: "fixed: 0.21.3" falls in no release line of lanternfish in releases.yaml
          fix: correct the version, or add its line to releases.yaml"
    `);
  });

  it('a version that is not SemVer names its event', () => {
    expect(show(errorsOf(withAdvisories({ [NEWEST]: edit('- fixed: 0.12.3', '- fixed: "0.12"') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0001.md:20: error: affected[0].ranges[0].events[1].fixed: "fixed: 0.12" is not a valid SemVer version
          fix: write the full version, e.g. 0.12.0"
    `);
  });
});

describe('revision.date: a draft may leave it out, nothing else may', () => {
  const undated = (extra: string) => `---
id: EXA-2026-0006
summary: A new advisory
${extra}revision:
  number: 1
  summary: Initial publication.
---
Text.
`;
  const file = 'content/advisories/EXA-2026-0006.md';

  it('a draft without a date validates', () => {
    expect(errorsOf(withAdvisories({ [file]: undated('draft: true\n') }))).toEqual([]);
  });

  it('a non-draft without a date is an error with the way out, in the same run as its other problems', () => {
    expect(show(errorsOf(withAdvisories({ [file]: undated('cwe:\n  - CWE444\n') })))).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0006.md:5: error: cwe[0]: must be written CWE-<number>, e.g. CWE-444
          fix: write a valid value (see docs/content.md#advisories)
      content/advisories/EXA-2026-0006.md:7: error: revision.date: is missing, and the revision is not a draft, so when it publishes is not known
          fix: add revision.date: when it publishes (a date such as 2026-10-15, or for a future one an RFC 3339 time with offset such as 2026-10-15T14:00:00Z), or keep "draft: true" until it is ready"
    `);
  });

  it('an earlier revision without a date is an error too', () => {
    const found = errorsOf(withAdvisories({ 'content/advisories/EXA-2026-0001/v1.md': (t: string) => t.replace(/\n  date: [^\n]*/, '') }));
    expect(found.map((f) => `${f.file.replace(/^.*advisories\//, '')} ${f.field}: ${f.message}`)).toEqual(['EXA-2026-0001/v1.md revision.date: is missing, and the revision is not a draft, so when it publishes is not known']);
  });
});
