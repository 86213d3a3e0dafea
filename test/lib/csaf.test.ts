/**
 * The CSAF 2.0 mapping: file names as the standard derives them, vers ranges, package URLs, the
 * provider's indexes, and whole documents for the advisory shapes that matter (fixed and
 * end-of-life lines, no severity, another vendor's package, withdrawn, nothing affected), each
 * passing the CSAF validator's strict schema and mandatory tests.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { groupHistories, toRevision } from '../../src/lib/advisory/history.ts';
import { csafChanges, csafEntry, csafIndex, providerMetadata, purlOf, sortKeys, toCsaf, versRange, type CsafEntry } from '../../src/lib/exports/csaf.ts';
import { toReleaseLine } from '../../src/lib/policy/releases.ts';
import { publishedAdvisories } from '../../src/lib/publication/publication.ts';
import { csafFileName, csafPath } from '../../src/lib/publication/paths.ts';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import { releasesSchema } from '../../src/schemas/releases.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { validateCsaf } from '../helpers/csaf.ts';
import { providerSchemaErrors } from '../helpers/csaf-provider.ts';

const NOW = new Date('2026-09-01T12:00:00Z');

const site = siteSchema.parse(
  YAML.parse(`
name: Example
url: https://security.example.org/
repository: https://github.com/example/lanternfish
channels: [{ kind: email, email: security@example.org }]
packages: [{ name: lanternfish, ecosystem: npm }, { name: lanternfish-cli, ecosystem: npm }]
ids: { template: "EXA-{year}-{seq:4}" }
embargo: { setup: public-repository }
time_zone: UTC
acknowledgement: { working_days: 3 }
support: { latest_lines: 2 }
response_times: { targets: { critical: 7, high: 14, medium: 30, low: best-effort } }
disclosure: { embargo: { days: 90 }, distributor_notice: { to_be_decided: true } }
updated: 2026-08-20
`),
);

const lines = releasesSchema
  .parse(
    YAML.parse(`
lines:
  - { name: "0.11", package: lanternfish, released: 2025-07-01, latest: 0.11.6 }
  - { name: "0.12", package: lanternfish, released: 2026-01-20, latest: 0.12.4 }
  - { name: "0.13", package: lanternfish, released: 2026-06-01, latest: 0.13.2 }
  - { name: "1.4", package: lanternfish-cli, released: 2025-05-01, latest: 1.4.3 }
`),
  )
  .lines.map(toReleaseLine);

const BASE = { id: 'EXA-2026-0001', summary: 'Smuggling', revision: { number: 1, date: '2026-08-04T15:00:00Z', summary: 'Initial publication.' } };

function advisory(...fronts: Record<string, unknown>[]) {
  const revisions = fronts.map((f, i) => toRevision(advisorySchema.parse({ ...BASE, ...f }), 'Details in markdown.', `EXA-2026-0001/v${i + 1}.md`, JSON.stringify(f), i === fronts.length - 1));
  return publishedAdvisories(groupHistories(revisions), NOW)[0]!;
}

const own = (events: Record<string, string>[]) => ({ affected: [{ package: { ecosystem: 'npm', name: 'lanternfish' }, ranges: [{ type: 'SEMVER', events }] }] });

describe('csafFileName (CSAF 2.0 section 5.1)', () => {
  it.each([
    ['EXA-2026-0001', 'exa-2026-0001.json'],
    ['GHSA-7q4m-2x9v-c3hf', 'ghsa-7q4m-2x9v-c3hf.json'],
    // The standard's own examples.
    ['Example Company - 2019-YH3234', 'example_company_-_2019-yh3234.json'],
    ['RHBA-2019:0024', 'rhba-2019_0024.json'],
    ['cisco-sa-20190513-secureboot', 'cisco-sa-20190513-secureboot.json'],
    ['PYSEC-2021.12+x', 'pysec-2021_12+x.json'],
  ])('%s -> %s', (id, name) => expect(csafFileName(id)).toBe(name));

  it('places a document in its TLP folder and the year of its first publication', () => {
    expect(csafPath('WHITE', 2026, 'RHBA-2019:0024')).toBe('.well-known/csaf/white/2026/rhba-2019_0024.json');
  });
});

describe('versRange and purlOf', () => {
  it.each([
    ['npm', '>=0.12.0 <0.13.0', 'vers:npm/>=0.12.0|<0.13.0'],
    ['crates.io', '>=1.2.0 <2.0.0-0', 'vers:crates.io/>=1.2.0|<2.0.0-0'],
    ['npm', '^1.4.0', 'vers:npm/>=1.4.0|<2.0.0-0'],
    ['npm', '1.x || 3.x', '1.x || 3.x'],
    ['npm', 'not a range', 'not a range'],
  ])('%s %s -> %s', (eco, range, vers) => expect(versRange(eco, range)).toBe(vers));

  it.each([
    ['npm', 'lanternfish', undefined, 'pkg:npm/lanternfish'],
    ['npm', '@example/cli', '1.4.3', 'pkg:npm/%40example/cli@1.4.3'],
    ['crates.io', 'hyper', '1.0.0', 'pkg:cargo/hyper@1.0.0'],
    ['Go', 'golang.org/x/net', undefined, 'pkg:golang/golang.org/x/net'],
    ['Debian', 'openssl', undefined, undefined],
  ])('%s %s %s -> %s', (eco, name, version, purl) => expect(purlOf(eco, name, version)).toBe(purl));
});

describe('index.txt and changes.csv', () => {
  const entry = (id: string, initial: string, current: string): CsafEntry => ({ id, title: id, address: '', relative: `2026/${id.toLowerCase()}.json`, initial: new Date(initial), current: new Date(current) });
  const entries = [entry('A-1', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), entry('B-2', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'), entry('C-3', '2026-01-05T00:00:00Z', '2026-03-01T00:00:00Z')];
  it('lists one path a line', () => expect(csafIndex(entries)).toBe('2026/a-1.json\n2026/b-2.json\n2026/c-3.json\n'));
  it('orders changes newest first, ties by path', () => {
    expect(csafChanges(entries)).toBe('"2026/a-1.json","2026-03-01T00:00:00Z"\n"2026/c-3.json","2026-03-01T00:00:00Z"\n"2026/b-2.json","2026-02-01T00:00:00Z"\n');
  });
  it('an entry is relative to the TLP folder', () => {
    const a = advisory(own([{ introduced: '0' }, { fixed: '0.12.3' }]));
    expect(csafEntry(site, a)).toMatchObject({ address: '.well-known/csaf/white/2026/exa-2026-0001.json', relative: '2026/exa-2026-0001.json' });
  });
});

it('sortKeys orders every object\'s keys, leaving arrays in order', () => {
  expect(JSON.stringify(sortKeys({ b: 1, a: [{ d: 1, c: 2 }, 3] }))).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
});

describe('toCsaf', () => {
  const status = (doc: any) => doc.vulnerabilities[0].product_status;
  const remediations = (doc: any) => (doc.vulnerabilities[0].remediations ?? []).map((r: any) => `${r.category} ${r.product_ids.join(',')}: ${r.details}`);
  const branches = (doc: any) =>
    (doc.product_tree?.branches ?? []).flatMap((v: any) => v.branches.flatMap((p: any) => p.branches.map((b: any) => `${v.name} / ${p.name} / ${b.category} ${b.name} = ${b.product.product_id}`)));

  it.each<[string, Record<string, unknown>[], (doc: any) => void]>([
    [
      'fixed in supported lines, no fix for an end-of-life line, a line introduced mid-way',
      [{ ...own([{ introduced: '0.11.2' }, { fixed: '0.12.3' }, { introduced: '0.13.0' }, { fixed: '0.13.1' }]), severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }],
      (doc) => {
        expect(branches(doc)).toEqual([
          'Example / lanternfish / product_version_range vers:npm/>=0.13.0|<0.13.1 = CSAFPID-lanternfish-0.13-affected',
          'Example / lanternfish / product_version 0.13.1 = CSAFPID-lanternfish-0.13.1',
          'Example / lanternfish / product_version_range vers:npm/>=0.12.0|<0.12.3 = CSAFPID-lanternfish-0.12-affected',
          'Example / lanternfish / product_version 0.12.3 = CSAFPID-lanternfish-0.12.3',
          'Example / lanternfish / product_version_range vers:npm/>=0.11.2|<0.12.0 = CSAFPID-lanternfish-0.11-affected',
        ]);
        expect(remediations(doc)).toEqual([
          'vendor_fix CSAFPID-lanternfish-0.13-affected: lanternfish 0.13: Upgrade to 0.13.1.',
          'vendor_fix CSAFPID-lanternfish-0.12-affected: lanternfish 0.12: Upgrade to 0.12.3.',
          'no_fix_planned CSAFPID-lanternfish-0.11-affected: lanternfish 0.11: No fix: this line is past end of life; move to a supported line.',
        ]);
        expect(doc.vulnerabilities[0].scores).toHaveLength(1);
      },
    ],
    [
      'not affected lines, and a supported line with no fix yet; no severity, so no scores',
      [own([{ introduced: '0.13.0' }])],
      (doc) => {
        expect(status(doc)).toEqual({ known_affected: ['CSAFPID-lanternfish-0.13-affected'], known_not_affected: ['CSAFPID-lanternfish-0.12', 'CSAFPID-lanternfish-0.11'] });
        expect(remediations(doc)).toEqual(['none_available CSAFPID-lanternfish-0.13-affected: lanternfish 0.13: No fix yet.']);
        expect(doc.vulnerabilities[0].scores).toBeUndefined();
        expect(doc.document.aggregate_severity).toBeUndefined();
      },
    ],
    [
      "another vendor's package, as written, under its own vendor branch",
      [{ affected: [{ package: { ecosystem: 'crates.io', name: 'hyper' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }] }] }],
      (doc) => {
        expect(branches(doc)).toEqual(['Other vendors / hyper / product_version_range vers:crates.io/<1.0.1 = CSAFPID-crates.io-hyper']);
        expect(doc.product_tree.branches[0].branches[0].branches[0].product.product_identification_helper).toEqual({ purl: 'pkg:cargo/hyper' });
      },
    ],
    [
      'two revisions, the second withdrawing: history, dates and a withdrawal note',
      [
        own([{ introduced: '0.13.0' }, { fixed: '0.13.1' }]),
        { ...own([{ introduced: '0.13.0' }, { fixed: '0.13.1' }]), revision: { number: 2, date: '2026-08-20', summary: 'Withdrawn: not a vulnerability.' }, withdrawn: '2026-08-20', withdrawn_reason: 'Not a vulnerability.' },
      ],
      (doc) => {
        const t = doc.document.tracking;
        expect([t.version, t.initial_release_date, t.current_release_date, t.generator.date]).toEqual(['2', '2026-08-04T15:00:00Z', '2026-08-20T00:00:00Z', '2026-08-20T00:00:00Z']);
        expect(t.revision_history.map((r: any) => `${r.number} ${r.summary}`)).toEqual(['1 Initial publication.', '2 Withdrawn: not a vulnerability.']);
        expect(doc.document.notes.map((n: any) => n.title)).toEqual(['Summary', 'Details', 'Withdrawn']);
      },
    ],
    [
      'nothing affected: a csaf_base document, with no product tree and no product status; the security page as the external reference',
      [{}],
      (doc) => {
        expect(doc.document.category).toBe('csaf_base');
        expect(doc.product_tree).toBeUndefined();
        expect(doc.vulnerabilities[0].product_status).toBeUndefined();
        expect(doc.document.references.map((r: any) => r.category)).toEqual(['self', 'self', 'external']);
      },
    ],
    [
      'aliases: the CVE in cve, every ID in ids; CVSS 4.0 in a note; credits as acknowledgments; CWE in a note',
      [
        {
          ...own([{ introduced: '0' }, { fixed: '0.12.3' }]),
          aliases: ['CVE-2026-41234', 'GHSA-7q4m-2x9v-c3hf'],
          severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }],
          credits: [{ name: 'Mira', type: 'FINDER' }],
          cwe: ['CWE-444'],
        },
      ],
      (doc) => {
        const v = doc.vulnerabilities[0];
        expect(v.cve).toBe('CVE-2026-41234');
        expect(v.ids).toEqual([{ system_name: 'EXA', text: 'EXA-2026-0001' }, { system_name: 'GHSA', text: 'GHSA-7q4m-2x9v-c3hf' }]);
        expect(v.notes.map((n: any) => n.title)).toEqual(['Description', 'CWE', 'CVSS 4.0']);
        expect(v.scores).toBeUndefined();
        expect(v.acknowledgments).toEqual([{ names: ['Mira'], summary: 'finder' }]);
      },
    ],
  ])('%s', async (_, fronts, expectations) => {
    const doc = toCsaf(advisory(...fronts), { site, lines, now: NOW });
    const v = await validateCsaf(doc);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expectations(doc);
  });
});

describe('providerMetadata', () => {
  const key = { fingerprint: '6B58 C529 7F4B 818F 6B9B  269F D108 F956 A383 2AFA', file: 'signing.asc', role: 'signing', status: 'current' };
  it.each([
    ['the defaults, no key', site],
    ['a signing key, another TLP label, a namespace and a publisher category', siteSchema.parse({ ...YAML.parse(YAML.stringify(site)), keys: [key], csaf: { tlp: 'GREEN', publisher_category: 'coordinator', namespace: 'https://example.org/' } })],
  ])('passes the CSAF 2.0 provider JSON schema: %s', (_name, s) => {
    const m = providerMetadata(s);
    expect(providerSchemaErrors(m)).toEqual([]);
    expect(m['public_openpgp_keys']).toHaveLength(s.keys.length);
  });
});
