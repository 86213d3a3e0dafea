/**
 * `check --against` and site.yaml (issue #10 item 12): a change to site.yaml that changes the
 * rating or the response-time target published advisories show is a warning listing each of
 * them, so the change is made knowingly; a change that alters nothing published says nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { contentWith, EXAMPLE_CONTENT, runScript } from '../helpers/run.ts';

const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8');

/** A published advisory rated High by its CVSS 3.1 vector and Medium by its CVSS 4.0 one. */
const TWO_VECTORS = `---
id: EXA-2026-0006
summary: Header injection in redirects
severity:
  - type: CVSS_V3
    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N
  - type: CVSS_V4
    score: CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N
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
---
Text.
`;

/** A target (a copy of the example with EXA-2026-0006 published), and check of a change to its site.yaml --against its lock. */
function against(siteText: string) {
  const target = contentWith({ 'advisories/EXA-2026-0006.md': TWO_VECTORS });
  const sealed = runScript('seal', { BULLETIN_CONTENT_DIR: target, BULLETIN_NOW: '2026-08-01T00:00:00Z' }, ['EXA-2026-0006']);
  expect(sealed.status, sealed.output).toBe(0);
  const dir = contentWith({ 'site.yaml': siteText }, target);
  const r = runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW }, ['--against', join(target, 'bulletin.lock')]);
  return { ...r, report: r.output.split('\n').filter((l) => /: (error|warning): |^\s+fix: /.test(l)).map((l) => l.replace(/\S*?test\/\.tmp\/content-[^/]+\//g, '').replace(/\S*?test\/\.tmp\/content-[^/]+\/content\/bulletin\.lock/g, 'the target\'s lock')).join('\n') };
}

describe('check --against and site.yaml', () => {
  it('lists every published revision whose rating changes with cvss.rating_version', () => {
    const r = against(site.replace('rating_version: "3.1"', 'rating_version: "4.0"'));
    expect(r.status, r.output).toBe(0);
    expect(r.report).toMatchInlineSnapshot(`
      "content/site.yaml: warning: compared with content/bulletin.lock, this site.yaml changes what 1 published revision shows without a new revision: EXA-2026-0006 v1 (rating High -> Medium, response target 14 days -> 30 days)
          fix: make the change knowingly: say so in the pull request (and, where readers must know, in a new revision of each advisory with npm run revise), or keep cvss.rating_version and response_times as they were"
    `);
  });

  it('lists every published revision whose response target changes', () => {
    const r = against(site.replace('    critical: 7\n', '    critical: 3\n'));
    expect(r.status, r.output).toBe(0);
    expect(r.report).toMatchInlineSnapshot(`
      "content/site.yaml: warning: compared with content/bulletin.lock, this site.yaml changes what 2 published revisions show without a new revision: EXA-2026-0001 v1 (response target 7 days -> 3 days); EXA-2026-0001 v2 (response target 7 days -> 3 days)
          fix: make the change knowingly: say so in the pull request (and, where readers must know, in a new revision of each advisory with npm run revise), or keep cvss.rating_version and response_times as they were"
    `);
  });

  it('says nothing when nothing published changes', () => {
    const r = against(site.replace('    low: best-effort\n', '    low: 90\n'));
    expect(r.status, r.output).toBe(0);
    expect(r.report).toBe('');
  });
});
