/**
 * Contradictions in a policy are errors that name the file, line and fix, locked here: each is
 * one edit of a fixture under test/fixtures/policy-*, validated as `check` validates it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatFinding } from '../../src/lib/content/findings.ts';
import { validateContent, type ContentFiles } from '../../src/lib/content/validate.ts';
import { readContentFiles } from '../../src/io/read-content.ts';
import { check, contentWith, ROOT } from '../helpers/run.ts';

const NOW = new Date('2026-12-10T12:00:00Z');
const fixture = (name: string) => readContentFiles(join(ROOT, 'test/fixtures', name));

/** The errors of a fixture with one file's text edited, as check prints them. */
function errors(name: string, which: 'site' | 'releases', edit: (text: string) => string): string {
  const files = fixture(name);
  const file = files[which]!;
  const edited: ContentFiles = { ...files, [which]: { file: file.file, text: edit(file.text) } };
  return validateContent(edited, NOW)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => formatFinding(f, 'check').replace(ROOT + '/', ''))
    .join('\n');
}

describe('each fixture validates without errors', () => {
  it.each(['policy-dated-lines', 'policy-small-asap', 'policy-images', 'policy-process', 'policy-maintainers'])('%s', (name) => {
    expect(validateContent(fixture(name), NOW).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('contradictions, with file, line and fix', () => {
  it('a line with its own end date under a "latest N lines, no exceptions" policy', () => {
    expect(errors('policy-maintainers', 'releases', (t) => t.replace('latest: 2.2.4 }', 'latest: 2.2.4, eol: 2027-01-31 }'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-maintainers/releases.yaml:3: error: lines[1].eol: line "2.2" of orbit-toolkit has its own end date, but test/fixtures/policy-maintainers/site.yaml support says only the latest lines are supported, with no exceptions
          fix: remove "eol" (the rule ends the line), or in site.yaml remove no_exceptions and write own_end_dates: true"
    `);
  });

  it('two channels both marked preferred', () => {
    expect(errors('policy-dated-lines', 'site', (t) => t.replace('    email: security@quillframe.example\n', '    email: security@quillframe.example\n    preferred: true\n'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-dated-lines/site.yaml:14: error: channels[1].preferred: two channels are marked preferred (channels[0] and channels[1])
          fix: mark one channel preferred; the order of the list already ranks the others"
    `);
  });

  it('encryption required with no current encryption key', () => {
    expect(errors('policy-process', 'site', (t) => t.replace('    email: security@lists.ledgerline.example\n', '    email: security@lists.ledgerline.example\nencryption: required\n'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-process/site.yaml:9: error: encryption: is "required", but "keys" lists no current encryption key
          fix: list the key reporters encrypt to in "keys" (role: encryption, status: current), or write encryption: optional"
    `);
  });

  it('a stage whose time runs backwards, inside itself and against the stage before', () => {
    expect(errors('policy-process', 'site', (t) => t.replace('from_days: 1, to_days: 7', 'from_days: 7, to_days: 1'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-process/site.yaml:39: error: process.stages[1].when.to_days: the stage's time runs backwards: to_days (1) is before from_days (7)
          fix: swap them"
    `);
    expect(errors('policy-process', 'site', (t) => t.replace('{ of: report, within_days: 1 }', '{ of: report, from_days: 10, to_days: 12 }'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-process/site.yaml:39: error: process.stages[1].when: the process runs backwards: "Fix developed" comes after "Committee formed" in the list but is timed before it
          fix: put the stages in the order they happen, or correct the days"
    `);
  });

  it('a release hour without a time zone', () => {
    expect(errors('policy-process', 'site', (t) => t.replace('    time_zone: UTC\n    avoid_days', '    avoid_days'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-process/site.yaml:47: error: process.release.time: "15:00" names no time zone
          fix: add time_zone: UTC (or another IANA name) under process.release"
    `);
  });

  it('a channel key that is not a listed encryption key, and a channel without its address', () => {
    expect(errors('policy-maintainers', 'site', (t) => t.replace('file: cleo.asc\n    label: Cleo Marsh\n', 'file: cleo.asc\n    label: Cleo Marsh\n').replace('    role: encryption\n    status: current\n    file: cleo.asc', '    role: encryption\n    status: retired\n    file: cleo.asc').replace('  - kind: report-form\n    url: https://example.org/vendor/orbit-toolkit/security/advisories/new\n', '  - kind: report-form\n'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-maintainers/site.yaml:14: error: channels[1].kind: a report-form channel needs a "url"
          fix: add url: https://... (the address reporters open)
      test/fixtures/policy-maintainers/site.yaml:11: error: channels[0].people[0].key: names the key 11B606F3F06035813523B6605CECAC5ACFDB0A85, which "keys" does not list as a current encryption key
          fix: add the key to "keys" with role: encryption and status: current, or correct the fingerprint"
    `);
  });

  it('a disclosure span that says two things, and a support policy with no rule', () => {
    expect(errors('policy-small-asap', 'site', (t) => t.replace('    to_be_decided: true\n', '    to_be_decided: true\n    days: 30\n').replace('updated:', 'support: { ending_soon_days: 30 }\nupdated:'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-small-asap/site.yaml:19: error: disclosure.embargo: must say exactly one of: days, a range (min_days and max_days, optional typical_days), negotiated: true, or to_be_decided: true
          fix: keep the one the policy states; put detail in "note"
      test/fixtures/policy-small-asap/site.yaml:26: error: support: states no rule: neither latest_lines nor own_end_dates
          fix: write latest_lines: N, own_end_dates: true, or both"
    `);
  });

  it('a field of the first site.yaml shape says what replaced it', () => {
    expect(errors('policy-small-asap', 'site', (t) => t.replace('acknowledgement:\n  as_soon_as_possible: true\n', 'acknowledgement_days: 3\n'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-small-asap/site.yaml:16: error: acknowledgement_days: was replaced by "acknowledgement"
          fix: write acknowledgement: { working_days: N } (or calendar_days, or as_soon_as_possible: true)"
    `);
    expect(errors('policy-small-asap', 'site', (t) => t.replace('channels:\n  - kind: email\n    email: pebble@pebble-parse.example\n', 'contacts:\n  email: pebble@pebble-parse.example\n'))).toMatchInlineSnapshot(`
      "test/fixtures/policy-small-asap/site.yaml:6: error: contacts: was replaced by "channels", an ordered list of ways to report
          fix: write channels: [{ kind: email, email: ... }, { kind: report-form, url: ..., preferred: true }]"
    `);
  });
});

describe('npm run check on a contradiction', () => {
  it('fails, naming the file and line', () => {
    const dir = contentWith(
      { 'releases.yaml': 'lines:\n  - { name: "2.3", package: orbit-toolkit, released: 2026-10-01, latest: 2.3.1, eol: 2027-10-01 }\n' },
      join(ROOT, 'test/fixtures/policy-maintainers'),
    );
    const r = check(dir, '2026-12-10T12:00:00Z');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/releases\.yaml:2: error: lines\[0\]\.eol: line "2\.3" of orbit-toolkit has its own end date, but .*site\.yaml support says only the latest lines are supported, with no exceptions/);
  });
});
