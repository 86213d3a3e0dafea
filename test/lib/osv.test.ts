/**
 * OSV both ways: `toOsv` over advisories made with the real schema, every record checked against
 * the OSV JSON schema; `fromOsv` over a table of the variants real databases publish; and each
 * against the other (a record imported and exported again keeps its meaning).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { groupHistories, toRevision } from '../../src/lib/advisory/history.ts';
import { canonicalEcosystem, fromOsv, isZeroDate, osvIndex, osvZip, toOsv, type OsvRecord } from '../../src/lib/exports/osv.ts';
import { publishedAdvisories } from '../../src/lib/publication/publication.ts';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import { expectSameMeaning, osvSchemaErrors } from '../helpers/osv.ts';
import { ROOT } from '../helpers/run.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const FIXTURES = join(ROOT, 'test/fixtures/osv-import');

/** A published advisory from revisions given as front matter (number and date set per revision). */
function advisory(id: string, revisions: Record<string, unknown>[], body = 'What went wrong.\n\n## Impact\n\nWho is affected.\n') {
  const revs = revisions.map(({ date, ...extra }, i) => {
    const front = advisorySchema.parse({ id, summary: 'A flaw', ...extra, revision: { number: i + 1, date: date ?? `2026-0${i + 1}-10T10:00:00Z`, summary: 'x' } });
    const text = `---\n${YAML.stringify(front)}---\n${body}`;
    return toRevision(front, body, `content/advisories/${id}.md`, text, i === revisions.length - 1);
  });
  const [a] = publishedAdvisories(groupHistories(revs), NOW);
  if (!a) throw new Error('not published');
  return a;
}

describe('toOsv', () => {
  it('maps the newest published revision, dated by its revisions, valid against the OSV schema', () => {
    const a = advisory('EXA-2026-0001', [
      { aliases: ['CVE-2026-41234'], date: '2026-08-04T15:00:00Z' },
      {
        aliases: ['CVE-2026-41234'],
        summary: 'Request smuggling',
        date: '2026-08-11T09:00:00Z',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', base_score: 9.8 }],
        affected: [{ package: { ecosystem: 'npm', name: 'lanternfish' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0.10.0' }, { fixed: '0.12.3' }] }] }],
        references: [{ type: 'FIX', url: 'https://example.org/commit/1' }],
        credits: [{ name: 'Mira', type: 'FINDER' }],
        cwe: ['CWE-444'],
      },
    ]);
    const r = toOsv(a);
    expect(osvSchemaErrors(r)).toEqual([]);
    expect(r).toEqual({
      schema_version: '1.6.0',
      id: 'x_EXA-2026-0001',
      modified: '2026-08-11T09:00:00Z',
      published: '2026-08-04T15:00:00Z',
      aliases: ['CVE-2026-41234'],
      summary: 'Request smuggling',
      details: 'What went wrong.\n\n## Impact\n\nWho is affected.',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [{ package: { ecosystem: 'npm', name: 'lanternfish' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0.10.0' }, { fixed: '0.12.3' }] }] }],
      references: [{ type: 'FIX', url: 'https://example.org/commit/1' }],
      credits: [{ name: 'Mira', type: 'FINDER' }],
      database_specific: { cwe_ids: ['CWE-444'], bulletin_id: 'EXA-2026-0001' },
    });
  });

  it.each([
    { id: 'GHSA-7q4m-2x9v-c3hf', recordId: 'GHSA-7q4m-2x9v-c3hf' },
    { id: 'GO-2026-0001', recordId: 'GO-2026-0001' },
    { id: 'EXA-2026-0001', recordId: 'x_EXA-2026-0001' },
    { id: 'LF-2026-7', recordId: 'x_LF-2026-7' },
  ])('names $id as $recordId (SPEC "IDs")', ({ id, recordId }) => {
    const r = toOsv(advisory(id, [{}]));
    expect(r.id).toBe(recordId);
    expect(r.database_specific?.['bulletin_id']).toBe(recordId === id ? undefined : id);
    expect(osvSchemaErrors(r)).toEqual([]);
  });

  it('carries withdrawn from the revision that withdrew the advisory, and never a zero date', () => {
    const r = toOsv(advisory('EXA-2026-0002', [{}, { withdrawn: '2026-02-10T10:00:00Z', withdrawn_reason: 'Not a vulnerability.' }]));
    expect(r).toMatchObject({ published: '2026-01-10T10:00:00Z', modified: '2026-02-10T10:00:00Z', withdrawn: '2026-02-10T10:00:00Z' });
    expect(osvSchemaErrors(r)).toEqual([]);
  });

  it('keeps a container image (OCI, which OSV does not register) out of affected, with its versions under database_specific, and stays valid', () => {
    const site = { packages: [{ name: 'harbour-relay', ecosystem: 'OCI' as const, image: { registry: 'ghcr.io/harbour/relay', tag_scheme: 'v{version}' } }] };
    const image = {
      package: { ecosystem: 'OCI', name: 'harbour-relay', purl: 'pkg:oci/relay?repository_url=ghcr.io/harbour' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '3.4.0' }, { fixed: '3.4.2' }] }],
      versions: ['3.4.0', '3.4.1'],
    };
    const npm = { package: { ecosystem: 'npm', name: 'harbour-client' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }] };
    const both = toOsv(advisory('HR-2026-0001', [{ affected: [image, npm], cwe: ['CWE-20'] }]), site);
    expect(osvSchemaErrors(both)).toEqual([]);
    expect(both.affected).toEqual([npm]);
    expect(both.database_specific).toEqual({
      cwe_ids: ['CWE-20'],
      container_images: [
        {
          name: 'harbour-relay',
          image: 'ghcr.io/harbour/relay',
          purl: 'pkg:oci/relay?repository_url=ghcr.io/harbour',
          ranges: [{ type: 'SEMVER', events: [{ introduced: '3.4.0' }, { fixed: '3.4.2' }] }],
          versions: ['3.4.0', '3.4.1'],
        },
      ],
      bulletin_id: 'HR-2026-0001',
    });
    // Only the image: no affected entry at all, still a valid record; without site.yaml's packages, no registry address.
    const only = toOsv(advisory('HR-2026-0002', [{ affected: [image] }]));
    expect(osvSchemaErrors(only)).toEqual([]);
    expect(only.affected).toEqual([]);
    expect((only.database_specific?.['container_images'] as { image?: string }[])[0]?.image).toBeUndefined();
    // What the schema says of the image as an affected package, which is why it is not one.
    expect(osvSchemaErrors({ ...only, affected: [image] }).join('\n')).toMatch(/affected\/0\/package\/ecosystem/);
  });

  it('indexes {id, modified} sorted by ID, and zips byte-reproducibly with sorted entries and fixed times', () => {
    const records = [toOsv(advisory('GO-2026-0002', [{}])), toOsv(advisory('EXA-2026-0001', [{}, {}]))];
    expect(osvIndex(records)).toEqual([
      { id: 'GO-2026-0002', modified: '2026-01-10T10:00:00Z' },
      { id: 'x_EXA-2026-0001', modified: '2026-02-10T10:00:00Z' },
    ]);
    const zip = osvZip(records);
    expect(Buffer.from(osvZip([...records].reverse())).equals(Buffer.from(zip))).toBe(true);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(['GO-2026-0002.json', 'x_EXA-2026-0001.json']);
    expect(JSON.parse(Buffer.from(entries['GO-2026-0002.json'] as Uint8Array).toString('utf8'))).toEqual(records[0]);
  });
});

describe('fromOsv', () => {
  const base = { id: 'GHSA-aaaa-bbbb-cccc', modified: '2026-01-02T00:00:00Z', published: '2026-01-01T00:00:00Z', summary: 'A flaw', details: 'Details.' };
  const pkg = { ecosystem: 'npm', name: 'left-trim' };

  it.each([
    { name: 'not an object', input: [], reason: /not an OSV record/ },
    { name: 'not OSV', input: { name: 'left-trim', version: '1.0.0' }, reason: /not an OSV record/ },
    { name: 'no ID', input: { modified: '2026-01-01T00:00:00Z', summary: 'x' }, reason: /no "id"/ },
    { name: 'an unregistered prefix', input: { ...base, id: 'ACME-2026-1' }, reason: /not start with a prefix registered with OSV/ },
    { name: 'an x_ ID', input: { ...base, id: 'x_EXA-2026-0001' }, reason: /not start with a prefix registered/ },
    { name: 'an unknown range type', input: { ...base, affected: [{ package: pkg, ranges: [{ type: 'CALVER', events: [{ introduced: '0' }] }] }] }, reason: /unknown range type "CALVER"/ },
    { name: 'a range without events', input: { ...base, affected: [{ package: pkg, ranges: [{ type: 'SEMVER', events: [] }] }] }, reason: /has no events/ },
    { name: 'an ecosystem OSV does not know', input: { ...base, affected: [{ package: { ecosystem: 'Homebrew', name: 'x' } }] }, reason: /"Homebrew" is not an ecosystem OSV knows/ },
    { name: 'an entry without a package', input: { ...base, affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] }, reason: /no package/ },
  ])('refuses $name', ({ input, reason }) => {
    const r = fromOsv(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.fix).not.toBe('');
    }
  });

  it('reads zero dates as "not known"', () => {
    expect(isZeroDate('0001-01-01T00:00:00Z')).toBe(true);
    expect(isZeroDate('2026-01-01T00:00:00Z')).toBe(false);
    const r = fromOsv({ ...base, published: '0001-01-01T00:00:00Z', modified: '0001-01-01T00:00:00Z' });
    expect(r).toMatchObject({ ok: true });
    if (r.ok) {
      expect(r.published).toBeUndefined();
      expect(r.modified).toBeUndefined();
      expect(r.notes).toContain('published: 0001-01-01T00:00:00Z means "not known"');
    }
  });

  it('moves severity inside affected to the advisory, keeps one vector per CVSS version and says so', () => {
    const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';
    const other = 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';
    const r = fromOsv({ ...base, affected: [{ package: pkg, severity: [{ type: 'CVSS_V3', score: v31 }] }, { package: { ...pkg, name: 'b' }, severity: [{ type: 'CVSS_V3', score: other }] }] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.front.severity).toEqual([{ type: 'CVSS_V3', score: v31 }]);
    expect(r.notes.join('\n')).toMatch(/a second CVSS 3.1 vector .* not mapped/);
  });

  it('keeps ECOSYSTEM and GIT ranges, explicit versions, last_affected and extras as written', () => {
    const affected = [
      { package: { ecosystem: 'Go', name: 'example.org/x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '1.21' }] }], versions: ['1.20', '1.21'], ecosystem_specific: { imports: [{ path: 'example.org/x' }] }, database_specific: { k: 1 } },
      { package: { ecosystem: 'Go', name: 'example.org/y' }, ranges: [{ type: 'GIT', repo: 'https://example.org/y.git', events: [{ introduced: '0' }, { fixed: 'abc123' }] }] },
    ];
    const r = fromOsv({ ...base, affected });
    if (!r.ok) throw new Error(r.reason);
    expect(r.front.affected).toEqual([{ ...affected[0] }, { ...affected[1], versions: [] }]);
  });

  it('writes the ecosystem as OSV registers it', () => {
    expect(canonicalEcosystem('kubernetes')).toBe('Kubernetes');
    expect(canonicalEcosystem('debian:12')).toBe('Debian:12');
    expect(canonicalEcosystem('NoSuch')).toBe('NoSuch');
  });

  it('takes CWE IDs from database_specific.cwe_ids and keeps the rest of database_specific', () => {
    const r = fromOsv({ ...base, database_specific: { cwe_ids: ['CWE-79'], severity: 'HIGH' } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.front.cwe).toEqual(['CWE-79']);
    expect(r.front.database_specific).toEqual({ severity: 'HIGH' });
  });

  it('reports fields Bulletin has no place for', () => {
    const r = fromOsv({ ...base, upstream: ['CVE-2026-1'], references: [{ type: 'NOPE', url: 'https://x.example/' }, { type: 'WEB', url: 'ftp://x.example/' }] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.notes).toEqual([
      'upstream: not mapped (Bulletin has no such field)',
      'references[0]: not mapped ({"type":"NOPE","url":"https://x.example/"})',
      'references[1]: not mapped ({"type":"WEB","url":"ftp://x.example/"})',
    ]);
  });
});

describe('toOsv after fromOsv: the fixture records keep their meaning', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it.each(files)('%s', (file) => {
    const original = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as OsvRecord;
    const r = fromOsv(original);
    if (!r.ok) throw new Error(r.reason);
    const date = r.published ?? r.modified ?? '2026-06-01T00:00:00Z';
    const front = advisorySchema.parse({ ...r.front, revision: { number: 1, date: r.front.withdrawn ?? date, summary: 'Imported.' } });
    const rev = toRevision(front, r.body, `content/advisories/${front.id}.md`, 'text', true);
    const [a] = publishedAdvisories(groupHistories([rev]), new Date('2027-01-01T00:00:00Z'));
    const back = toOsv(a!);
    expect(osvSchemaErrors(back)).toEqual([]);
    expectSameMeaning(back, original);
  });
});
