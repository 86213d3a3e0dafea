/**
 * Announcements: read with the real schema from small files, checked against revisions made
 * the way readRevisions makes them, the example's packages and release lines, and a fixed "now".
 * What a maintainer reads is locked with inline snapshots.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { groupHistories, historyOf, sourceHash, toRevision, type Revision } from '../../src/lib/advisory/history.ts';
import {
  announcementPublication,
  checkAnnouncements,
  isAnnouncementPublished,
  readAnnouncements,
  type Announcement,
} from '../../src/lib/announcement/announcements.ts';
import { formatFinding, type Finding } from '../../src/lib/content/findings.ts';
import { announcementOutputs, heldBackAnnouncementTokens } from '../../src/lib/publication/plan.ts';
import { toReleaseLine } from '../../src/lib/policy/releases.ts';
import { emptyLock } from '../../src/lib/sealing/lock.ts';
import { checkAnnouncementSeals, sealAnnouncements, sealRevisions } from '../../src/lib/sealing/seal.ts';
import type { SourceFile } from '../../src/lib/content/source.ts';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import type { Lock } from '../../src/schemas/lock.ts';
import { releasesSchema } from '../../src/schemas/releases.ts';
import { siteSchema, type Site } from '../../src/schemas/site.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const LOCK = 'content/bulletin.lock';
const DIR = 'content/announcements';

/** A revision as readRevisions would make it. */
function rev(id: string, n: number, date: string, { draft = false, aliases = [] as string[], newest = true } = {}): Revision {
  const front = { id, aliases, summary: `Summary of ${id}`, revision: { number: n, date, summary: n === 1 ? 'Initial publication.' : 'Corrected.' }, ...(draft ? { draft } : {}) };
  const body = 'What is wrong.\n';
  const file = newest ? `content/advisories/${id}.md` : `content/advisories/${id}/v${n}.md`;
  return toRevision(advisorySchema.parse(front), body, file, `---\n${YAML.stringify(front)}---\n${body}`, newest);
}

// Shaped like the bundled example: 0001 published twice, 0004 embargoed, 0005 a draft.
const HISTORIES = groupHistories([
  rev('EXA-2026-0001', 1, '2026-08-04T15:00:00Z', { newest: false }),
  rev('EXA-2026-0001', 2, '2026-08-11T09:00:00Z', { aliases: ['CVE-2026-41234'] }),
  rev('EXA-2026-0004', 1, '2026-10-15T14:00:00Z'),
  rev('EXA-2026-0005', 1, '2026-09-20', { draft: true }),
]);

const SITE_YAML = `
name: Example
url: https://security.example.org/
repository: https://github.com/example/lanternfish
channels:
  - kind: email
    email: security@example.org
packages:
  - name: lanternfish
    ecosystem: npm
  - name: lanternfish-cli
    ecosystem: npm
ids:
  template: EXA-{year}-{seq:4}
embargo:
  setup: private-repository
time_zone: Europe/Lisbon
acknowledgement:
  working_days: 3
support:
  latest_lines: 2
response_times:
  targets: { critical: 7, high: 14, medium: 30, low: best-effort }
disclosure:
  embargo:
    days: 90
  distributor_notice:
    to_be_decided: true
updated: 2026-08-20
`;

function site(setup: 'private-repository' | 'public-repository' = 'private-repository'): Site {
  const raw = YAML.parse(SITE_YAML);
  raw.embargo.setup = setup;
  return siteSchema.parse(raw);
}

const LINES = releasesSchema
  .parse(
    YAML.parse(`
lines:
  - { name: "0.12", package: lanternfish, released: 2026-01-20, latest: 0.12.4 }
  - { name: "0.13", package: lanternfish, released: 2026-06-01, latest: 0.13.2, planned: [{ version: 0.13.3, date: 2026-10-15 }] }
  - { name: "2.0", package: lanternfish-cli, released: 2026-04-01, latest: 2.0.1 }
`),
  )
  .lines.map(toReleaseLine);

interface Spec {
  name?: string;
  title?: string;
  date?: string;
  advisories?: string[];
  releases?: [string, string][];
  draft?: boolean;
  body?: string;
}

/** An announcement file: front matter written line by line, so line numbers are predictable. */
function file({
  name = '2026-08-04-lanternfish-0-13-1',
  title = 'Lanternfish 0.13.1 fixes request smuggling',
  date = '2026-08-04T15:00:00Z',
  advisories = ['EXA-2026-0001@v1'],
  releases = [['lanternfish', '0.13.1']],
  draft = false,
  body = 'Upgrade now.\n',
}: Spec = {}): SourceFile {
  const lines = [
    '---',
    `title: ${title}`,
    `date: ${date}`,
    ...(advisories.length ? ['advisories:', ...advisories.map((a) => `  - ${a}`)] : ['advisories: []']),
    ...(releases.length ? ['releases:', ...releases.flatMap(([p, v]) => [`  - package: ${p}`, `    version: ${v}`])] : []),
    ...(draft ? ['draft: true'] : []),
    '---',
  ];
  return { file: `${DIR}/${name}.md`, text: `${lines.join('\n')}\n${body}` };
}

/** One announcement read without findings. */
function ann(spec: Spec = {}): Announcement {
  const { announcements, findings } = readAnnouncements([file(spec)]);
  expect(findings).toEqual([]);
  return announcements[0] as Announcement;
}

const formatted = (findings: readonly Finding[]) => findings.map((f) => formatFinding(f, 'check'));

describe('readAnnouncements', () => {
  it('reads a well-formed file into an announcement', () => {
    const f = file({ advisories: ['EXA-2026-0001@v1', 'EXA-2026-0004@v12'], draft: true });
    const { announcements, findings, failedSlugs } = readAnnouncements([f]);
    expect(findings).toEqual([]);
    expect(failedSlugs.size).toBe(0);
    const [a] = announcements;
    expect(a).toMatchObject({
      slug: 'lanternfish-0-13-1',
      file: `${DIR}/2026-08-04-lanternfish-0-13-1.md`,
      date: new Date('2026-08-04T15:00:00Z'),
      body: 'Upgrade now.\n',
      sha256: sourceHash(f.text),
      draft: true,
      refs: [{ id: 'EXA-2026-0001', number: 1 }, { id: 'EXA-2026-0004', number: 12 }],
    });
    expect(a?.front.releases).toEqual([{ package: 'lanternfish', version: '0.13.1' }]);
    // The seal does not depend on a checkout's line endings.
    expect(readAnnouncements([{ ...f, text: f.text.replace(/\n/g, '\r\n') }]).announcements[0]?.sha256).toBe(a?.sha256);
  });

  it('accepts a bare date, an offset whose UTC day is the file\'s, and no releases', () => {
    expect(ann({ date: '2026-08-04', releases: [] }).date).toEqual(new Date('2026-08-04T00:00:00Z'));
    expect(ann({ date: '2026-08-04T23:30:00+02:00' }).date).toEqual(new Date('2026-08-04T21:30:00Z'));
  });

  const cases: { name: string; spec: Spec; failed: string[] }[] = [
    { name: 'a file name without a date', spec: { name: 'lanternfish-0-13-1' }, failed: ['lanternfish-0-13-1'] },
    { name: 'a file name with capitals and dots', spec: { name: '2026-08-04-Lanternfish 0.13.1' }, failed: ['lanternfish-0-13-1'] },
    { name: 'a time on another UTC day than the file name', spec: { date: '2026-08-04T23:30:00-02:00' }, failed: ['lanternfish-0-13-1'] },
    { name: 'a bare date that is not the file name\'s', spec: { date: '2026-08-05' }, failed: ['lanternfish-0-13-1'] },
    { name: 'a reference without @', spec: { advisories: ['EXA-2026-0001v2'] }, failed: ['lanternfish-0-13-1'] },
    { name: 'a reference without v', spec: { advisories: ['EXA-2026-0001@2'] }, failed: ['lanternfish-0-13-1'] },
    { name: 'a reference without a revision', spec: { advisories: ['EXA-2026-0001'] }, failed: ['lanternfish-0-13-1'] },
    { name: 'a reference that is not one', spec: { advisories: ['the smuggling one'] }, failed: ['lanternfish-0-13-1'] },
    { name: 'the same revision twice', spec: { advisories: ['EXA-2026-0001@v1', 'EXA-2026-0001@v1'] }, failed: ['lanternfish-0-13-1'] },
    { name: 'the same release twice', spec: { releases: [['lanternfish', '0.13.1'], ['lanternfish', '0.13.1']] }, failed: ['lanternfish-0-13-1'] },
    { name: 'no advisories', spec: { advisories: [] }, failed: ['lanternfish-0-13-1'] },
    { name: 'a version YAML reads as a number', spec: { releases: [['lanternfish', '0.13']] }, failed: ['lanternfish-0-13-1'] },
  ];

  it.each(cases)('refuses $name, and keeps its seal out of the orphan check', ({ spec, failed }) => {
    const { announcements, findings, failedSlugs } = readAnnouncements([file(spec)]);
    expect(announcements).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).toMatchObject({ severity: 'error', file: expect.stringMatching(/^content\/announcements\//) });
    expect([...failedSlugs]).toEqual(failed);
  });

  it('says what is wrong and what to do, in these words', () => {
    const report = Object.fromEntries(cases.map((c) => [c.name, formatted(readAnnouncements([file(c.spec)]).findings)]));
    expect(report).toMatchInlineSnapshot(`
      {
        "a bare date that is not the file name's": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:3: error: date: is 2026-08-05 but the file name is dated 2026-08-04
          fix: rename the file to 2026-08-05-lanternfish-0-13-1.md, or correct "date"",
        ],
        "a file name with capitals and dots": [
          "content/announcements/2026-08-04-Lanternfish 0.13.1.md: error: the file name "2026-08-04-Lanternfish 0.13.1.md" is not <date>-<slug>.md
          fix: rename it to 2026-08-04-lanternfish-0-13-1.md: the announcement's date (its UTC day), then a slug of lower-case letters, digits and single hyphens",
        ],
        "a file name without a date": [
          "content/announcements/lanternfish-0-13-1.md: error: the file name "lanternfish-0-13-1.md" is not <date>-<slug>.md
          fix: rename it to 2026-08-04-lanternfish-0-13-1.md: the announcement's date (its UTC day), then a slug of lower-case letters, digits and single hyphens",
        ],
        "a reference that is not one": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: "the smuggling one" is not an advisory revision written ID@vN
          fix: write the advisory ID, "@v" and the revision number, e.g. EXA-2026-0001@v2",
        ],
        "a reference without @": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: "EXA-2026-0001v2" is not an advisory revision written ID@vN
          fix: write it EXA-2026-0001@v2: the advisory ID, "@v" and the revision number",
        ],
        "a reference without a revision": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: "EXA-2026-0001" is not an advisory revision written ID@vN
          fix: add the revision it announces: EXA-2026-0001@v1 names revision 1, EXA-2026-0001@v2 revision 2",
        ],
        "a reference without v": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: "EXA-2026-0001@2" is not an advisory revision written ID@vN
          fix: write it EXA-2026-0001@v2: the advisory ID, "@v" and the revision number",
        ],
        "a time on another UTC day than the file name": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:3: error: date: is 2026-08-04T23:30:00-02:00, which is 2026-08-05 in UTC, but the file name is dated 2026-08-04
          fix: rename the file to 2026-08-05-lanternfish-0-13-1.md, or correct "date"",
        ],
        "a version YAML reads as a number": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:8: error: releases[0].version: must be a version written as a quoted string, not number 0.13
          fix: write a string (see docs/content.md#announcements)",
        ],
        "no advisories": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:4: error: advisories: must be at least 1 item, not a list
          fix: change it (see docs/content.md#announcements)",
        ],
        "the same release twice": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:9: error: releases[1]: lists lanternfish 0.13.1 twice (first at line 7)
          fix: remove one of them",
        ],
        "the same revision twice": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:6: error: advisories[1]: names EXA-2026-0001@v1 twice (first at line 5)
          fix: remove one of them",
        ],
      }
    `);
  });

  it('names an unknown field with its line', () => {
    const f = file();
    const { findings } = readAnnouncements([{ ...f, text: f.text.replace('date:', 'subject: Oops\ndate:') }]);
    expect(formatted(findings)).toMatchInlineSnapshot(`
      [
        "content/announcements/2026-08-04-lanternfish-0-13-1.md:3: error: subject: unknown field "subject"
          fix: remove it, or check its spelling against docs/content.md#announcements",
      ]
    `);
  });
});

describe('checkAnnouncements', () => {
  const cases: { name: string; announcements: Spec[]; severity?: Finding['severity']; site?: Site }[] = [
    { name: 'an unknown advisory', announcements: [{ advisories: ['EXA-2026-0009@v1'] }] },
    { name: 'an ID in the wrong case', announcements: [{ advisories: ['exa-2026-0001@v1'] }] },
    { name: 'an alias instead of the ID', announcements: [{ advisories: ['CVE-2026-41234@v2'] }] },
    { name: 'the revision after the newest', announcements: [{ advisories: ['EXA-2026-0001@v3'] }] },
    { name: 'a revision far past the newest', announcements: [{ advisories: ['EXA-2026-0004@v4'] }] },
    { name: 'a draft revision', announcements: [{ advisories: ['EXA-2026-0005@v1'] }] },
    { name: 'a draft revision, named by a draft', announcements: [{ advisories: ['EXA-2026-0005@v1'], draft: true }], severity: 'warning' },
    { name: 'one slug for two dates', announcements: [{}, { name: '2026-09-01-lanternfish-0-13-1', date: '2026-09-01' }] },
    { name: 'a package site.yaml does not list', announcements: [{ releases: [['lanternfish-server', '1.0.0']] }] },
    { name: 'a package in the wrong case', announcements: [{ releases: [['Lanternfish', '0.13.1']] }] },
    { name: 'a version that is not SEMVER', announcements: [{ releases: [['lanternfish', '0.13.x']] }] },
    { name: 'a version in no line', announcements: [{ releases: [['lanternfish', '0.9.1']] }] },
    { name: 'a version neither released nor planned', announcements: [{ releases: [['lanternfish', '0.13.4']] }] },
    { name: 'a future date in a public repository', announcements: [{ name: '2026-10-15-lanternfish-0-13-3', date: '2026-10-15T14:00:00Z', advisories: ['EXA-2026-0004@v1'], releases: [['lanternfish', '0.13.3']] }], site: site('public-repository') },
  ];
  const run = (specs: Spec[], s = site()) => checkAnnouncements(specs.map((spec) => ann(spec)), HISTORIES, s, LINES, NOW);

  it.each(cases)('reports $name', ({ announcements, severity = 'error', site: s }) => {
    const findings = run(announcements, s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(severity);
  });

  it('passes released and planned versions of the project\'s packages, and published or embargoed revisions', () => {
    const specs: Spec[] = [
      { advisories: ['EXA-2026-0001@v1', 'EXA-2026-0001@v2'], releases: [['lanternfish', '0.12.3'], ['lanternfish', '0.13.1'], ['lanternfish-cli', '2.0.1']] },
      { name: '2026-10-15-lanternfish-0-13-3', date: '2026-10-15T14:00:00Z', advisories: ['EXA-2026-0004@v1'], releases: [['lanternfish', '0.13.3']] },
    ];
    expect(run(specs)).toEqual([]);
    // In a private repository a future date is an embargo; without "now" the rule is not applied.
    expect(checkAnnouncements(specs.map((s) => ann(s)), HISTORIES, site('public-repository'), LINES)).toEqual([]);
  });

  it('says what is wrong and what to do, in these words', () => {
    const report = Object.fromEntries(cases.map((c) => [c.name, formatted(run(c.announcements, c.site))]));
    expect(report).toMatchInlineSnapshot(`
      {
        "a draft revision": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: revision 1 of EXA-2026-0005 is a draft, so it is never published, and neither is an announcement that names it
          fix: finish the revision first (remove "draft: true" from content/advisories/EXA-2026-0005.md, then npm run seal -- EXA-2026-0005), or make this announcement a draft too (draft: true) until then",
        ],
        "a draft revision, named by a draft": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: warning: advisories[0]: revision 1 of EXA-2026-0005 is a draft
          fix: before this announcement leaves draft, finish that revision: remove "draft: true" from content/advisories/EXA-2026-0005.md and run npm run seal -- EXA-2026-0005",
        ],
        "a future date in a public repository": [
          "content/announcements/2026-10-15-lanternfish-0-13-3.md:3: error: date: publishes in the future (2026-10-15T14:00:00Z), but site.yaml says this content repository is public, so the text is already public
          fix: keep embargoed work in a private fork and merge it at disclosure time with a date that has come (see docs/publishing.md), or change embargo.setup if this repository is private",
        ],
        "a package in the wrong case": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:7: error: releases[0].package: names the package "Lanternfish", which site.yaml does not list
          fix: did you mean "lanternfish"? Package names keep their exact case",
        ],
        "a package site.yaml does not list": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:7: error: releases[0].package: names the package "lanternfish-server", which site.yaml does not list
          fix: use one of: "lanternfish", "lanternfish-cli", or add the package to site.yaml "packages"",
        ],
        "a revision far past the newest": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: EXA-2026-0004 has no revision 4: its newest is revision 1
          fix: name a revision that exists: EXA-2026-0004@v1",
        ],
        "a version in no line": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:8: error: releases[0].version: 0.9.1 falls in no release line of lanternfish in releases.yaml
          fix: correct the version, or add its line to releases.yaml",
        ],
        "a version neither released nor planned": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:8: error: releases[0].version: lanternfish 0.13.4 is not released: the newest release of line 0.13 is 0.13.2, and releases.yaml does not plan it
          fix: correct the version; or, once it has shipped, set "latest" of line 0.13 to 0.13.4; or list it as planned in line 0.13 of releases.yaml if it ships with the announcement",
        ],
        "a version that is not SEMVER": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:8: error: releases[0].version: "0.13.x" is not a valid SEMVER version
          fix: write the full version (major.minor.patch), e.g. 0.13.0",
        ],
        "an ID in the wrong case": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: there is no advisory exa-2026-0001
          fix: did you mean EXA-2026-0001@v1? IDs keep their exact case",
        ],
        "an alias instead of the ID": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: CVE-2026-41234 is an alias of EXA-2026-0001, not an advisory ID
          fix: name the advisory by its ID: EXA-2026-0001@v2",
        ],
        "an unknown advisory": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: there is no advisory EXA-2026-0009
          fix: name an advisory of advisories/ by its ID (its file name without .md) and revision, e.g. EXA-2026-0001@v1",
        ],
        "one slug for two dates": [
          "content/announcements/2026-09-01-lanternfish-0-13-1.md: error: the slug "lanternfish-0-13-1" is also used by content/announcements/2026-08-04-lanternfish-0-13-1.md: both would publish at /announcements/lanternfish-0-13-1/
          fix: give this announcement a slug of its own, e.g. rename the file to 2026-09-01-lanternfish-0-13-1-update.md (announcements are never revised: a follow-up is a new announcement)",
        ],
        "the revision after the newest": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md:5: error: advisories[0]: EXA-2026-0001 has no revision 3: its newest is revision 2
          fix: open revision 3 first (npm run revise -- EXA-2026-0001), or name one that exists: EXA-2026-0001@v1 to EXA-2026-0001@v2",
        ],
      }
    `);
  });
});

describe('when an announcement publishes', () => {
  const cases: { name: string; spec: Spec; publication: string; published: [string, boolean][] }[] = [
    {
      name: 'its own date, when later than the revision',
      spec: { name: '2026-08-20-lanternfish-0-13-1', date: '2026-08-20' },
      publication: '2026-08-20T00:00:00.000Z',
      published: [['2026-08-19T23:59:59Z', false], ['2026-08-20T00:00:00Z', true]],
    },
    {
      name: 'the revision\'s date, when later than its own',
      spec: { name: '2026-08-01-lanternfish-0-13-3', date: '2026-08-01', advisories: ['EXA-2026-0004@v1'] },
      publication: '2026-10-15T14:00:00.000Z',
      published: [[NOW.toISOString(), false], ['2026-10-15T13:59:59Z', false], ['2026-10-15T14:00:00Z', true]],
    },
    {
      name: 'the latest of several revisions, one not published yet',
      spec: { advisories: ['EXA-2026-0001@v2', 'EXA-2026-0004@v1'] },
      publication: '2026-10-15T14:00:00.000Z',
      published: [[NOW.toISOString(), false], ['2026-10-15T14:00:00Z', true]],
    },
    {
      name: 'never, for a draft',
      spec: { draft: true },
      publication: '2026-08-04T15:00:00.000Z',
      published: [[NOW.toISOString(), false], ['2030-01-01T00:00:00Z', false]],
    },
    {
      name: 'never, while a revision it names is a draft',
      spec: { advisories: ['EXA-2026-0001@v1', 'EXA-2026-0005@v1'] },
      publication: '2026-09-20T00:00:00.000Z',
      published: [['2026-09-20T00:00:00Z', false], ['2030-01-01T00:00:00Z', false]],
    },
    {
      name: 'never, while a revision it names does not exist',
      spec: { advisories: ['EXA-2026-0001@v3'] },
      publication: '2026-08-04T15:00:00.000Z',
      published: [['2030-01-01T00:00:00Z', false]],
    },
  ];

  it.each(cases)('$name', ({ spec, publication, published }) => {
    const a = ann(spec);
    expect(announcementPublication(a, HISTORIES).toISOString()).toBe(publication);
    for (const [now, expected] of published) expect([now, isAnnouncementPublished(a, HISTORIES, new Date(now))]).toEqual([now, expected]);
  });

  it('holds back the addresses of what is not published', () => {
    const published = ann();
    const embargoed = ann({ name: '2026-10-15-lanternfish-0-13-3', date: '2026-10-15T14:00:00Z', advisories: ['EXA-2026-0004@v1'] });
    expect(announcementOutputs('lanternfish-0-13-3', NOW).map((o) => o.address)).toEqual(['announcements/lanternfish-0-13-3/', 'announcements/lanternfish-0-13-3.txt']);
    expect(heldBackAnnouncementTokens([published, embargoed], HISTORIES, NOW)).toEqual(['/announcements/lanternfish-0-13-3.txt', '/announcements/lanternfish-0-13-3/']);
  });
});

describe('announcement seals', () => {
  const EMBARGOED: Spec = { name: '2026-10-15-lanternfish-0-13-3', date: '2026-10-15T14:00:00Z', advisories: ['EXA-2026-0004@v1'], releases: [['lanternfish', '0.13.3']] };
  const edited = { body: 'Upgrade now, and rotate your proxy logs.\n' };
  /** The lock `npm run seal -- --all` would write for these announcements at NOW, starting empty. */
  const lockOf = (...announcements: Announcement[]): Lock => sealAnnouncements(announcements, HISTORIES, emptyLock(), 'all', NOW).lock;
  /** EXA-2026-0004 moved to a later day before publication. */
  const moved = groupHistories([...HISTORIES.flatMap((h) => h.revisions.filter((r) => r.id !== 'EXA-2026-0004')), rev('EXA-2026-0004', 1, '2026-10-20T14:00:00Z')]);

  const cases: { name: string; announcements: Announcement[]; lock: Lock; histories?: typeof HISTORIES; failed?: string[]; expected: Pick<Finding, 'severity' | 'file'>[] }[] = [
    { name: 'a sealed announcement that matches', announcements: [ann()], lock: lockOf(ann()), expected: [] },
    { name: 'an unsealed announcement', announcements: [ann()], lock: emptyLock(), expected: [{ severity: 'error', file: `${DIR}/2026-08-04-lanternfish-0-13-1.md` }] },
    { name: 'an altered published announcement', announcements: [ann(edited)], lock: lockOf(ann()), expected: [{ severity: 'error', file: `${DIR}/2026-08-04-lanternfish-0-13-1.md` }] },
    { name: 'a published announcement made a draft again', announcements: [ann({ draft: true })], lock: lockOf(ann()), expected: [{ severity: 'error', file: `${DIR}/2026-08-04-lanternfish-0-13-1.md` }] },
    { name: 'an altered unpublished announcement', announcements: [ann({ ...EMBARGOED, ...edited })], lock: lockOf(ann(EMBARGOED)), expected: [{ severity: 'error', file: `${DIR}/2026-10-15-lanternfish-0-13-3.md` }] },
    { name: 'an unpublished announcement whose advisory moved', announcements: [ann(EMBARGOED)], lock: lockOf(ann(EMBARGOED)), histories: moved, expected: [{ severity: 'error', file: `${DIR}/2026-10-15-lanternfish-0-13-3.md` }] },
    { name: 'a draft without a seal', announcements: [ann({ draft: true })], lock: emptyLock(), expected: [] },
    { name: 'a published announcement whose file is gone', announcements: [], lock: lockOf(ann()), expected: [{ severity: 'error', file: LOCK }] },
    { name: 'an unpublished announcement whose file is gone', announcements: [], lock: lockOf(ann(EMBARGOED)), expected: [{ severity: 'warning', file: LOCK }] },
    { name: 'a published announcement whose file could not be read', announcements: [], lock: lockOf(ann()), failed: ['lanternfish-0-13-1'], expected: [] },
  ];

  it.each(cases)('$name', ({ announcements, lock, histories = HISTORIES, failed = [], expected }) => {
    const findings = checkAnnouncementSeals(announcements, histories, lock, LOCK, NOW, new Set(failed));
    expect(findings.map(({ severity, file }) => ({ severity, file }))).toEqual(expected);
  });

  it('says what is wrong and the way out, in these words', () => {
    const report = Object.fromEntries(
      cases.filter((c) => c.expected.length).map((c) => [c.name, formatted(checkAnnouncementSeals(c.announcements, c.histories ?? HISTORIES, c.lock, LOCK, NOW))]),
    );
    expect(report).toMatchInlineSnapshot(`
      {
        "a published announcement made a draft again": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md: error: announcement lanternfish-0-13-1 was published on 2026-08-04T15:00:00Z and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/announcements/2026-08-04-lanternfish-0-13-1.md, or take the file from the main branch if the change is committed). Announcements are never revised: to correct or add to it, publish a follow-up announcement in a new file, e.g. content/announcements/2026-09-01-lanternfish-0-13-1-update.md",
        ],
        "a published announcement whose file is gone": [
          "content/bulletin.lock: error: announcements.lanternfish-0-13-1: announcement lanternfish-0-13-1 was published on 2026-08-04T15:00:00Z, but its file is gone
          fix: restore content/announcements/<date>-lanternfish-0-13-1.md from git (git log -- content/announcements/ names it): published announcements are never removed. To correct one, publish a follow-up announcement",
        ],
        "an altered published announcement": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md: error: announcement lanternfish-0-13-1 was published on 2026-08-04T15:00:00Z and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/announcements/2026-08-04-lanternfish-0-13-1.md, or take the file from the main branch if the change is committed). Announcements are never revised: to correct or add to it, publish a follow-up announcement in a new file, e.g. content/announcements/2026-09-01-lanternfish-0-13-1-update.md",
        ],
        "an altered unpublished announcement": [
          "content/announcements/2026-10-15-lanternfish-0-13-3.md: error: announcement lanternfish-0-13-3 changed since it was sealed
          fix: run: npm run seal -- lanternfish-0-13-3 again",
        ],
        "an unpublished announcement whose advisory moved": [
          "content/announcements/2026-10-15-lanternfish-0-13-3.md: error: announcement lanternfish-0-13-3 was sealed to publish on 2026-10-15T14:00:00Z, but now publishes on 2026-10-20T14:00:00Z (the later of its date and the revisions it names)
          fix: run: npm run seal -- lanternfish-0-13-3 again",
        ],
        "an unpublished announcement whose file is gone": [
          "content/bulletin.lock: warning: announcements.lanternfish-0-13-3: the lock holds a seal for announcement lanternfish-0-13-3, which has no file and is not published
          fix: run: npm run seal -- lanternfish-0-13-3 to tidy the lock",
        ],
        "an unsealed announcement": [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md: error: announcement lanternfish-0-13-1 is not sealed
          fix: run: npm run seal -- lanternfish-0-13-1, and commit content/bulletin.lock with it",
        ],
      }
    `);
  });

  it('leaves the seals of a slug two files share to the duplicate finding', () => {
    const twin = ann({ name: '2026-09-01-lanternfish-0-13-1', date: '2026-09-01' });
    expect(checkAnnouncementSeals([ann(), twin], HISTORIES, lockOf(ann()), LOCK, NOW)).toEqual([]);
  });

  describe('sealAnnouncements', () => {
    it('records hash, the later publication time and addresses of every non-draft announcement', () => {
      const a = ann({ ...EMBARGOED, name: '2026-10-01-lanternfish-0-13-3', date: '2026-10-01' });
      const result = sealAnnouncements([a, ann({ draft: true, name: '2026-08-04-draft' })], HISTORIES, emptyLock(), 'all', NOW);
      expect(result).toMatchObject({ sealed: ['announcement lanternfish-0-13-3'], removed: [], refused: [] });
      expect(result.lock.announcements).toEqual({
        'lanternfish-0-13-3': { sha256: a.sha256, published: '2026-10-15T14:00:00Z', addresses: ['/announcements/lanternfish-0-13-3/', '/announcements/lanternfish-0-13-3.txt'] },
      });
    });

    it('seals only what it is given, by slug or file name, leaves the advisories alone and never changes the lock it is given', () => {
      const lock = sealRevisions(HISTORIES, emptyLock(), 'all', NOW).lock;
      const before = structuredClone(lock);
      const result = sealAnnouncements([ann(), ann(EMBARGOED)], HISTORIES, lock, ['2026-10-15-lanternfish-0-13-3'], NOW);
      expect(result.sealed).toEqual(['announcement lanternfish-0-13-3']);
      expect(Object.keys(result.lock.announcements)).toEqual(['lanternfish-0-13-3']);
      expect(result.lock.advisories).toEqual(before.advisories);
      expect(lock).toEqual(before);
    });

    it('is idempotent', () => {
      const first = sealAnnouncements([ann(), ann(EMBARGOED)], HISTORIES, emptyLock(), 'all', NOW);
      const again = sealAnnouncements([ann(), ann(EMBARGOED)], HISTORIES, first.lock, 'all', NOW);
      expect(again).toMatchObject({ sealed: [], removed: [], refused: [], lock: first.lock });
    });

    it('seals an unpublished announcement again after an edit or a moved advisory', () => {
      const editedAnn = ann({ ...EMBARGOED, ...edited });
      expect(sealAnnouncements([editedAnn], HISTORIES, lockOf(ann(EMBARGOED)), ['lanternfish-0-13-3'], NOW)).toMatchObject({ sealed: ['announcement lanternfish-0-13-3'], refused: [] });
      const result = sealAnnouncements([ann(EMBARGOED)], moved, lockOf(ann(EMBARGOED)), 'all', NOW);
      expect(result.lock.announcements['lanternfish-0-13-3']?.published).toBe('2026-10-20T14:00:00Z');
    });

    it('refuses to touch a published seal, and says to publish a follow-up', () => {
      const before = lockOf(ann());
      const result = sealAnnouncements([ann(edited)], HISTORIES, before, ['lanternfish-0-13-1'], NOW);
      expect(result.sealed).toEqual([]);
      expect(result.lock).toEqual(before);
      expect(formatted(result.refused)).toMatchInlineSnapshot(`
        [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md: error: announcement lanternfish-0-13-1 was published on 2026-08-04T15:00:00Z and is immutable, but this file no longer matches its seal
            fix: restore the published text (git checkout -- content/announcements/2026-08-04-lanternfish-0-13-1.md, or take the file from the main branch if the change is committed). Announcements are never revised: to correct or add to it, publish a follow-up announcement in a new file, e.g. content/announcements/2026-09-01-lanternfish-0-13-1-update.md",
        ]
      `);
    });

    it('refuses an announcement whose publication time is not known, an unknown name and a shared slug', () => {
      const twin = ann({ name: '2026-09-01-lanternfish-0-13-1', date: '2026-09-01' });
      const result = sealAnnouncements([ann({ advisories: ['EXA-2026-0005@v1', 'EXA-2026-0001@v9'] })], HISTORIES, emptyLock(), 'all', NOW);
      const unknown = sealAnnouncements([ann()], HISTORIES, emptyLock(), ['Lanternfish-0-13-1', 'fixes'], NOW);
      const shared = sealAnnouncements([ann(), twin], HISTORIES, emptyLock(), 'all', NOW);
      for (const r of [result, unknown, shared]) expect(r.lock).toEqual(emptyLock());
      expect(formatted([...result.refused, ...unknown.refused, ...shared.refused])).toMatchInlineSnapshot(`
        [
          "content/announcements/2026-08-04-lanternfish-0-13-1.md: error: announcement lanternfish-0-13-1 names EXA-2026-0005@v1 (a draft), EXA-2026-0001@v9 (no such revision), so when it publishes is not known yet
            fix: name revisions that exist and are not drafts (npm run check says which), then run npm run seal -- lanternfish-0-13-1 again",
          "content/announcements/: error: there is no announcement Lanternfish-0-13-1
            fix: did you mean lanternfish-0-13-1? npm run seal -- lanternfish-0-13-1",
          "content/announcements/: error: there is no announcement fixes
            fix: give an announcement's slug, its file name without the date and .md (lanternfish-0-13-1 for 2026-08-04-lanternfish-0-13-1.md), or an advisory ID, or --all to seal everything",
          "content/announcements/2026-09-01-lanternfish-0-13-1.md: error: the slug "lanternfish-0-13-1" is also used by content/announcements/2026-08-04-lanternfish-0-13-1.md, so neither can be sealed
            fix: give this announcement a slug of its own, e.g. rename the file to 2026-09-01-lanternfish-0-13-1-update.md",
        ]
      `);
    });

    it('tidies stale seals of unpublished announcements, and refuses to drop a published one', () => {
      const before = lockOf(ann(), ann(EMBARGOED), ann({ ...EMBARGOED, name: '2026-10-15-lanternfish-0-13-3-cli' }));
      // The embargoed one became a draft again, the CLI one and the published one were deleted.
      const result = sealAnnouncements([ann({ ...EMBARGOED, draft: true })], HISTORIES, before, 'all', NOW);
      expect(result.removed).toEqual(['announcement lanternfish-0-13-3 (now a draft)', 'announcement lanternfish-0-13-3-cli (its file is gone)']);
      expect(result.lock.announcements).toEqual({ 'lanternfish-0-13-1': before.announcements['lanternfish-0-13-1'] });
      expect(result.refused.map((f) => f.message)).toEqual(['announcement lanternfish-0-13-1 was published on 2026-08-04T15:00:00Z, but its file is gone']);
    });
  });
});

describe('historyOf', () => {
  it.each([
    ['an advisory of the list', 'EXA-2026-0004', 'EXA-2026-0004'],
    ['an ID of another case', 'exa-2026-0004', undefined],
    ['an alias, which is not an ID', 'CVE-2026-41234', undefined],
    ['an unknown ID', 'EXA-2026-0099', undefined],
  ])('finds %s by its exact ID', (_name, id, found) => {
    expect(historyOf(HISTORIES, id)?.id).toBe(found);
  });

  it('answers for each list on its own, and for a list that grew', () => {
    const other = groupHistories([rev('EXA-2026-0099', 1, '2026-08-04T15:00:00Z')]);
    expect(historyOf(other, 'EXA-2026-0099')?.id).toBe('EXA-2026-0099');
    expect(historyOf(HISTORIES, 'EXA-2026-0099')).toBeUndefined();
    const grown = [...HISTORIES];
    expect(historyOf(grown, 'EXA-2026-0099')).toBeUndefined();
    grown.push(other[0]!);
    expect(historyOf(grown, 'EXA-2026-0099')?.id).toBe('EXA-2026-0099');
  });
});
