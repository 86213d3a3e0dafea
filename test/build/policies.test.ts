/**
 * Five kinds of real policy (test/fixtures/policy-*), each built: the security page, the releases
 * page and SECURITY.md say what the fixture states, and nothing it does not (no rule sentence,
 * no promise, no "to be decided", no empty table).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, ROOT } from '../helpers/run.ts';
import { page, tableRows } from '../helpers/site.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { osvSchemaErrors } from '../helpers/osv.ts';
import { validateCsaf } from '../helpers/csaf.ts';

const NOW = '2026-12-10T12:00:00Z';

interface Built {
  dist: string;
  index: HTMLElement;
  releases: HTMLElement;
  /** SECURITY.md as written, and rendered (markdown-it, tables on) and parsed. */
  mdText: string;
  md: HTMLElement;
}

function built(fixture: string): () => Built {
  let b: Built | undefined;
  beforeAll(() => {
    const r = build(join(ROOT, 'test/fixtures', fixture), NOW);
    expect(r.status, r.output).toBe(0);
    const mdText = readFileSync(join(r.outDir, 'SECURITY.md'), 'utf8');
    b = { dist: r.outDir, index: page(r.outDir, 'index.html'), releases: page(r.outDir, 'releases/index.html'), mdText, md: parse(new MarkdownIt().render(mdText)) };
  }, 120_000);
  return () => b as Built;
}

const text = (el: HTMLElement | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();
/** Text with block elements (headings, paragraphs, list items, dt/dd) kept apart by a space. */
const blocks = (el: HTMLElement | null | undefined) => (el?.structuredText ?? '').replace(/\s+/g, ' ').trim();
const section = (root: HTMLElement, id: string) => root.querySelector(`section[aria-labelledby=${id}]`);
/** The text of a SECURITY.md section, from its h2 to the next h2. */
function mdSection(md: HTMLElement, title: string): string {
  const out: string[] = [];
  let on = false;
  for (const el of md.childNodes as HTMLElement[]) {
    if (el.tagName === 'H2') on = el.text === title;
    else if (on) out.push(el.text ?? '');
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

/** The security page and the releases page pass html-validate. */
function itIsValidHtml(b: () => Built) {
  it('the security page and the releases page pass html-validate', async () => {
    expect([...(await htmlProblems(join(b().dist, 'index.html'))), ...(await htmlProblems(join(b().dist, 'releases/index.html')))]).toEqual([]);
  });
}

/** What no page may say unless the fixture says it. */
function expectNothingUnstated(b: Built, stated: { rule?: boolean; tbd?: boolean; preferred?: boolean; ack?: boolean; targets?: boolean }) {
  for (const [where, body] of [['index', text(b.index.querySelector('main') ?? b.index)], ['releases', text(b.releases.querySelector('main') ?? b.releases)], ['SECURITY.md', b.md.text]] as const) {
    if (!stated.rule) expect(body, where).not.toMatch(/latest (\d+ )?release lines? of/i);
    if (!stated.tbd) expect(body, where).not.toMatch(/to be decided/i);
    if (!stated.preferred) expect(body, where).not.toMatch(/preferred/i);
    if (!stated.ack) expect(body, where).not.toMatch(/acknowledge every report/i);
    if (!stated.targets) expect(body, where).not.toMatch(/best effort|target for a fix/i);
  }
  // No empty table anywhere: every table has a body row.
  for (const root of [b.index, b.releases, b.md]) {
    for (const table of root.querySelectorAll('table')) expect(table.querySelectorAll('tbody tr').length, table.toString().slice(0, 200)).toBeGreaterThan(0);
  }
}

describe('a large project with an end date per minor release (policy-dated-lines)', () => {
  const b = built('policy-dated-lines');
  itIsValidHtml(b);

  it('states its own rule, each line with its end date, "ending soon" at its own threshold', () => {
    const { index, releases, md } = b();
    expect(text(section(index, 'supported'))).toContain('Each release line of quillframe gets security fixes until its own end date.');
    expect(tableRows(index.querySelector('#support-table')!).map((r) => `${r[1]} ${r[4]} ${r[5]}`)).toEqual([
      '5.1 Supported until 2027-12-31 (386 days left)',
      '5.0 Ending soon until 2027-01-31 (52 days left)',
      '4.2 Supported until 2028-04-30 (507 days left)',
    ]);
    expect(releases.querySelectorAll('table[data-table=support] tbody tr').map((tr) => tr.getAttribute('data-line'))).toEqual(['quillframe/5.1', 'quillframe/5.0', 'quillframe/4.2', 'quillframe/4.1']);
    expect(text(releases.querySelector('main > p') ?? releases.querySelector('h1')!.nextElementSibling)).toBe('Each release line of quillframe gets security fixes until its own end date.');
    expect(md.querySelectorAll('table')[0]!.text).toContain('Ending soon');
  });

  it('words disclosure as negotiated, distributor notice as a range, encryption as optional with two keys', () => {
    const { index, mdText } = b();
    const disclosure = blocks(section(index, 'disclosure'));
    expect(disclosure).toContain('Embargo agreed with the reporter for each report. Anything from immediate disclosure to a few weeks; about a week is usual');
    expect(disclosure).toContain('Advance notice to distributors from 3 days to 14 days before disclosure, typically 7 days');
    expect(text(index.querySelector('#encryption'))).toBe('Encrypting a report is optional; where you want to, use one of the keys below.');
    expect(text(index.querySelector('.contact-list li'))).toBe('Bug bounty: https://bounty.quillframe.example/programme (preferred)');
    expect(index.querySelectorAll('#keys-table tbody tr').filter((tr) => tr.querySelectorAll('td').map(text).slice(0, 2).join(' ') === 'Encryption Current')).toHaveLength(2);
    expect(mdText).toContain('- Bug bounty (preferred): https://bounty.quillframe.example/programme');
    expect(mdText).toContain('- Email: security@quillframe.example (encryption keys: `26A8A1552A1098B08751193939DB926C96853FB1`, `1BC88ADBBC7664983AC88ABC7B4A76615FD48303`)');
  });

  it('publishes both current encryption keys in /encryption-key.asc', async () => {
    const openpgp = await import('openpgp');
    const keys = await openpgp.readKeys({ armoredKeys: readFileSync(join(b().dist, 'encryption-key.asc'), 'utf8') });
    expect(keys.map((k) => k.getFingerprint().toUpperCase()).sort()).toEqual(['1BC88ADBBC7664983AC88ABC7B4A76615FD48303', '26A8A1552A1098B08751193939DB926C96853FB1']);
  });

  it('says nothing it does not state', () => {
    expectNothingUnstated(b(), { preferred: true, ack: true });
    expect(blocks(section(b().index, 'response-times'))).toBe('Response times This policy states no response-time target.');
  });
});

describe('a small project that replies as soon as possible (policy-small-asap)', () => {
  const b = built('policy-small-asap');
  itIsValidHtml(b);

  it('promises no number of days, and says so in words', () => {
    const { index, mdText } = b();
    expect(text(section(index, 'report'))).toContain('We acknowledge every report as soon as possible.');
    expect(mdText).toContain('We acknowledge every report as soon as possible.');
    expect(`${text(index)} ${mdText}`).not.toMatch(/working day|calendar day/);
  });

  it('lists its undecided points with their partial commitments', () => {
    const { index, md } = b();
    const disclosure = blocks(section(index, 'disclosure'));
    expect(disclosure).toContain('Embargo to be decided. Until then, never longer than 60 days');
    expect(disclosure).toContain('Whether to request CVE IDs Until then: Every advisory is published here with its own ID.');
    expect(mdSection(md, 'Disclosure policy')).toContain('Embargo: to be decided. Until then, never longer than 60 days');
  });

  it('has empty states as sentences, never empty tables', () => {
    const { index, releases, md } = b();
    expect(blocks(section(index, 'supported'))).toBe('Supported versions No release line of Pebble Parse has been published yet.');
    expect(text(releases.querySelector('.empty'))).toBe('No release line of Pebble Parse has been published yet.');
    expect(releases.querySelectorAll('table')).toHaveLength(0);
    expect(mdSection(md, 'Supported versions')).toBe('No release line has been published yet.');
    expect(mdSection(md, 'Keys')).toBe('This project lists no OpenPGP key.');
    expect(text(section(index, 'advisories'))).toContain('No security advisory has been published for Pebble Parse yet.');
    expectNothingUnstated(b(), { tbd: true, ack: true });
  });
});

describe('container images with patched tags (policy-images)', () => {
  const b = built('policy-images');
  itIsValidHtml(b);

  it('lists the image with the tag and patched tag of each supported line', () => {
    const { index, md } = b();
    const table = index.querySelector('table[data-table=image-tags]')!;
    expect(table.getAttribute('data-image')).toBe('ghcr.io/harbour/relay');
    expect(tableRows(table)).toEqual([['3.4', 'ghcr.io/harbour/relay:v3.4.2', 'ghcr.io/harbour/relay:v3.4.2-patched']]);
    expect(text(section(index, 'image-harbour-relay'))).toContain('Patched images are published as the release\'s tag with the suffix -patched.');
    expect(md.text).toContain('ghcr.io/harbour/relay:v3.4.2-patched');
  });

  it('shows an advisory that names the image as its affected package', () => {
    const advisory = page(b().dist, 'advisories/HR-2026-0001/index.html');
    expect(text(advisory.querySelector('h1'))).toContain('Relay forwards requests with an unchecked Host header');
    expect(text(advisory)).toContain('3.4');
  });

  it('exports the advisory as a valid OSV record: the image under database_specific, not as an affected package OSV has no ecosystem for', () => {
    const record = JSON.parse(readFileSync(join(b().dist, 'osv/HR-2026-0001.json'), 'utf8'));
    expect(osvSchemaErrors(record)).toEqual([]);
    expect(record.affected).toEqual([]);
    expect(record.database_specific.container_images).toEqual([
      {
        name: 'harbour-relay',
        image: 'ghcr.io/harbour/relay',
        purl: 'pkg:oci/relay?repository_url=ghcr.io/harbour',
        ranges: [{ type: 'SEMVER', events: [{ introduced: '3.4.0' }, { fixed: '3.4.2' }] }],
      },
    ]);
  });

  it('exports the advisory as a CSAF document that passes the validator, the image a product', async () => {
    const doc = JSON.parse(readFileSync(join(b().dist, '.well-known/csaf/white/2026/hr-2026-0001.json'), 'utf8'));
    const v = await validateCsaf(doc);
    expect(v.errors).toEqual([]);
    expect(doc.product_tree.branches[0].branches.map((b: { name: string }) => b.name)).toEqual(['harbour-relay']);
  });

  it('says nothing it does not state: no latest-N rule, no targets, no disclosure section, no preferred channel', () => {
    expectNothingUnstated(b(), {});
    expect(section(b().index, 'disclosure')).toBeNull();
    expect(b().md.querySelectorAll('h2').map((h) => h.text)).not.toContain('Disclosure policy');
  });
});

describe('a release process with stages, roles and thresholds (policy-process)', () => {
  const b = built('policy-process');
  itIsValidHtml(b);

  it('renders the stages as an ordered list with who and when, and the release rules', () => {
    const { index, md } = b();
    expect(index.querySelectorAll('#timeline > li').map(text)).toEqual([
      'Committee formed: within 1 day of the report (Response committee)',
      'Fix developed: 1 to 7 days after the report (Response committee)',
      'Distributors told: at least 7 days before disclosure (Release manager)',
      'Fixed release and advisory published: on the day of disclosure (Release manager)',
    ]);
    expect(index.querySelectorAll('#roles dt').map(text)).toEqual(['Response committee', 'Release manager']);
    expect(text(index.querySelector('#release-rules'))).toBe('Fixed releases go out at 15:00 (UTC time). No fixed release goes out on a Friday.');
    expect(md.querySelectorAll('ol > li').map((li) => li.text)).toEqual([
      'Committee formed: within 1 day of the report (Response committee)',
      'Fix developed: 1 to 7 days after the report (Response committee)',
      'Distributors told: at least 7 days before disclosure (Release manager)',
      'Fixed release and advisory published: on the day of disclosure (Release manager)',
    ]);
  });

  it('shows the stated target and the thresholds as a short table, and no other rating', () => {
    const { index, md } = b();
    expect(tableRows(index.querySelector('#response-table')!)).toEqual([['Critical', '14 days']]);
    // No clock is named, so the page names none.
    expect(text(section(index, 'response-times'))).toContain('Our target for a fix, in calendar days:');
    expect(text(section(index, 'response-times'))).not.toMatch(/acknowledge/);
    expect(tableRows(index.querySelector('#threshold-table')!)).toEqual([
      ['CVSS score below 4.0', 'fixed in public, without an embargo'],
      ['Critical, High', 'fixed in a release of its own, outside the usual schedule'],
    ]);
    expect(md.querySelectorAll('table').map((t) => tableRows(t))).toContainEqual([['Critical', '14 days']]);
    expect(text(section(index, 'report'))).toContain('We acknowledge every report within 3 calendar days.');
    expectNothingUnstated(b(), { rule: true, ack: true, targets: true });
    expect(`${text(b().index)} ${b().mdText}`).not.toMatch(/best effort|High\s+\d+ days/);
  });
});

describe('reports to named maintainers, latest line only (policy-maintainers)', () => {
  const b = built('policy-maintainers');
  itIsValidHtml(b);

  it('lists the maintainers with their own addresses and key, and no invented team address', () => {
    const { index, mdText } = b();
    const people = index.querySelectorAll('.contact-list > li > ul > li').map(text);
    expect(people).toEqual(['Cleo Marsh: cleo@orbit-toolkit.example (encryption key: 11B6 06F3 F060 3581 3523 B660 5CEC AC5A CFDB 0A85)', 'Dev Patel: dev@orbit-toolkit.example']);
    expect(text(index.querySelectorAll('.contact-list > li')[1])).toBe("Private report form: https://example.org/vendor/orbit-toolkit/security/advisories/new for reporters who prefer the repository's form");
    expect(mdText).toContain('  - Cleo Marsh: cleo@orbit-toolkit.example (encryption key: `11B606F3F06035813523B6605CECAC5ACFDB0A85`)');
    expect(mdText).not.toMatch(/security@orbit/);
  });

  it('states the latest-line rule and no exception sentence', () => {
    const { index, releases } = b();
    expect(text(section(index, 'supported'))).toContain('The latest release line of orbit-toolkit gets security fixes.');
    expect(text(releases)).not.toContain('keeps it, even outside that rule');
    expect(tableRows(releases.querySelector('table[data-table=support]')!).map((r) => `${r[1]} ${r[4]}`)).toEqual(['2.3 Supported', '2.2 End of life']);
  });

  it('keeps the long project name in every page title', () => {
    for (const p of [b().index, b().releases, page(b().dist, 'advisories/index.html')]) {
      expect(text(p.querySelector('title'))).toMatch(/Orbit Toolkit/);
    }
    expectNothingUnstated(b(), { rule: true });
  });
});
