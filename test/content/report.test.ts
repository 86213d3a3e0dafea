/**
 * The one reporter: `check` prints the same findings as text, as one JSON document, or as GitHub
 * Actions annotations that name the file and line of each (a schema error, a CVSS error and a
 * range error, in one run); GITHUB_ACTIONS=true chooses annotations; an unknown format is refused.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { check, contentWith, runScript } from '../helpers/run.ts';

const draft = (id: string, lines: string) => `---
id: ${id}
summary: A draft with one mistake
draft: true
${lines}revision:
  number: 1
  date: 2026-12-20T00:00:00Z
  summary: Initial publication.
---
Text.
`;

const BROKEN = {
  // A schema error: an unknown field (line 5).
  'advisories/EXA-2026-0006.md': draft('EXA-2026-0006', 'severity_rating: high\n'),
  // A CVSS error: a metric that does not exist (line 7).
  'advisories/EXA-2026-0007.md': draft('EXA-2026-0007', 'severity:\n  - type: CVSS_V3\n    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q\n'),
  // A range error: the fix comes before the introduction (line 13 or 14).
  'advisories/EXA-2026-0008.md': draft(
    'EXA-2026-0008',
    'affected:\n  - package:\n      ecosystem: npm\n      name: lanternfish\n    ranges:\n      - type: SEMVER\n        events:\n          - introduced: 0.13.0\n          - fixed: 0.12.1\n',
  ),
};

describe('check --format', () => {
  const dir = contentWith(BROKEN);
  const run = (args: string[], env: Record<string, string> = {}) =>
    runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW, ...env }, ['--against', `${dir}/bulletin.lock`, ...args]);

  it('github: one annotation per finding, naming the file and line of each kind of error', () => {
    const r = run(['--format', 'github']);
    expect(r.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    const at = (file: string) => annotations.filter((a) => a.includes(`file=${dir.replace(/^.*\/test\//, 'test/')}`) || a.includes(file));
    const of = (id: string) => annotations.find((a) => a.includes(`${id}.md,`)) ?? '';
    expect(of('EXA-2026-0006')).toMatch(/^::error file=[^,]*EXA-2026-0006\.md,line=5/);
    expect(of('EXA-2026-0007')).toMatch(/^::error file=[^,]*EXA-2026-0007\.md,line=7,title=severity\[0\]\.score::/);
    expect(of('EXA-2026-0008')).toMatch(/^::error file=[^,]*EXA-2026-0008\.md,line=1[34],title=affected\[0\]\.ranges\[0\]\.events/);
    expect(at('').length).toBeGreaterThanOrEqual(3);
    // Data is escaped: no raw newline inside an annotation, the fix follows as %0A.
    expect(of('EXA-2026-0007')).toContain('%0Afix: ');
  });

  it('json: one document with the same findings as the text report', () => {
    const text = run([]);
    const json = run(['--format', 'json']);
    expect(json.status).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.errors).toBeGreaterThanOrEqual(3);
    const lines = doc.findings.map((f: { file: string; line: number | null; severity: string }) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.severity}:`);
    for (const l of lines) expect(text.output).toContain(l);
    expect(text.output).toMatch(new RegExp(`${doc.errors} errors?, ${doc.warnings} warnings?`));
  });

  it('GITHUB_ACTIONS=true chooses annotations; --format overrides it', () => {
    expect(run([], { GITHUB_ACTIONS: 'true' }).stdout).toMatch(/^::error file=/m);
    expect(run(['--format', 'text'], { GITHUB_ACTIONS: 'true' }).stdout).not.toMatch(/^::error/m);
  });

  it('refuses an unknown format, naming the option', () => {
    const r = run(['--format', 'xml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--format xml is not a report format: use text, json, github');
  });

  it('a clean folder gives an empty JSON report and exit 0', () => {
    const clean = contentWith();
    const r = runScript('check', { BULLETIN_CONTENT_DIR: clean, BULLETIN_NOW: EXAMPLE_NOW }, ['--against', `${clean}/bulletin.lock`, '--format', 'json']);
    expect(r.status, r.output).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'check', errors: 0 });
  });
});

describe('check: one file with a schema error, a CVSS error and a range error, all in one run', () => {
  const ONE = {
    'advisories/EXA-2026-0006.md': draft(
      'EXA-2026-0006',
      // A misspelt field (line 5), a metric that does not exist (line 8), a fix before its introduction (line 17).
      'severty: high\nseverity:\n  - type: CVSS_V3\n    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q\naffected:\n  - package:\n      ecosystem: npm\n      name: lanternfish\n    ranges:\n      - type: SEMVER\n        events:\n          - introduced: 0.13.0\n          - fixed: 0.12.1\n',
    ),
  };
  const dir = contentWith(ONE);
  const run = (args: string[]) => runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW }, ['--against', `${dir}/bulletin.lock`, ...args]);

  it('text: the three findings, each at its file and line', () => {
    const r = run([]);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/EXA-2026-0006\.md:5: error: severty: unknown field "severty"\n    fix: did you mean "severity"\?/);
    expect(r.output).toMatch(/EXA-2026-0006\.md:8: error: severity\[0\]\.score: metric "A" \(Availability\) has value "Q"/);
    expect(r.output).toMatch(/EXA-2026-0006\.md:17: error: affected\[0\]\.ranges\[0\]\.events\[1\]\.fixed: /);
    expect(r.output).toContain('3 errors, 0 warnings');
  });

  it('github: three annotations, each naming the file, line and field', () => {
    const r = run(['--format', 'github']);
    expect(r.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.map((a) => /^::error file=[^,]*EXA-2026-0006\.md,line=(\d+),title=([^:]*)::/.exec(a)?.slice(1).join(' '))).toEqual([
      '5 severty',
      '8 severity[0].score',
      '17 affected[0].ranges[0].events[1].fixed',
    ]);
  });
});
