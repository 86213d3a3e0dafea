/**
 * The import plan: records in, files and outcomes out, over advisories made with the real schema.
 * Merging records of one vulnerability, re-imports that change nothing, changed records that open
 * a revision, and every refusal with its reason.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { groupHistories, toRevision } from '../../src/lib/advisory/history.ts';
import { parseMarkdown } from '../../src/lib/content/source.ts';
import { planImport, summarize, type ExistingContent, type ImportFile } from '../../src/lib/import/osv-import.ts';
import { advisorySchema } from '../../src/schemas/advisory.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const EMPTY: ExistingContent = { histories: [], newestText: new Map(), failedIds: new Set() };

function record(id: string, extra: Record<string, unknown> = {}): ImportFile {
  const r = {
    id,
    modified: '2026-03-02T00:00:00Z',
    published: '2026-03-01T00:00:00Z',
    summary: `Flaw ${id}`,
    details: `About ${id}.`,
    affected: [{ package: { ecosystem: 'Go', name: 'example.org/x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }] }],
    ...extra,
  };
  return { file: `in/${id}.json`, text: JSON.stringify(r) };
}

/** The content folder after writing a plan's files (newest files only). */
function contentOf(writes: { path: string; text: string }[]): ExistingContent {
  const revisions = writes.map((w) => {
    const { front, body } = parseMarkdown({ file: `content/advisories/${w.path}`, text: w.text });
    const data = advisorySchema.parse(front.data);
    return toRevision(data, body, `content/advisories/${w.path}`, w.text, !w.path.includes('/'));
  });
  return { histories: groupHistories(revisions), newestText: new Map(writes.filter((w) => !w.path.includes('/')).map((w) => [w.path.slice(0, -3), w.text])), failedIds: new Set() };
}

describe('planImport', () => {
  it('writes one advisory per record, dated by the record, as the schema accepts', () => {
    const plan = planImport([record('GHSA-aaaa-bbbb-cccc')], EMPTY, NOW);
    expect(plan.outcomes).toEqual([{ file: 'in/GHSA-aaaa-bbbb-cccc.json', status: 'imported', id: 'GHSA-aaaa-bbbb-cccc', advisory: 'GHSA-aaaa-bbbb-cccc', notes: [] }]);
    expect(plan.writes.map((w) => w.path)).toEqual(['GHSA-aaaa-bbbb-cccc.md']);
    const { front, body } = parseMarkdown({ file: 'x.md', text: plan.writes[0]!.text });
    expect(advisorySchema.parse(front.data)).toMatchObject({ id: 'GHSA-aaaa-bbbb-cccc', summary: 'Flaw GHSA-aaaa-bbbb-cccc', revision: { number: 1, date: '2026-03-01T00:00:00Z' } });
    expect(body.trim()).toBe('About GHSA-aaaa-bbbb-cccc.');
  });

  it('merges records of one vulnerability into the first ID, adding only what the other lacks, and says so', () => {
    const go = record('GO-2026-0001', {
      aliases: ['GHSA-aaaa-bbbb-cccc', 'CVE-2026-1'],
      affected: [
        { package: { ecosystem: 'Go', name: 'example.org/x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '9.9.9' }] }] },
        { package: { ecosystem: 'Go', name: 'example.org/y' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] },
      ],
      references: [{ type: 'FIX', url: 'https://example.org/fix' }],
    });
    const plan = planImport([go, record('GHSA-aaaa-bbbb-cccc', { aliases: ['CVE-2026-1'] })], EMPTY, NOW);
    expect(plan.outcomes.map((o) => [o.id, o.status, o.advisory, o.reason])).toEqual([
      ['GHSA-aaaa-bbbb-cccc', 'imported', 'GHSA-aaaa-bbbb-cccc', 'merged GO-2026-0001 into GHSA-aaaa-bbbb-cccc'],
      ['GO-2026-0001', 'merged', 'GHSA-aaaa-bbbb-cccc', undefined],
    ]);
    const front = advisorySchema.parse(parseMarkdown({ file: 'x.md', text: plan.writes[0]!.text }).front.data);
    expect(front.aliases).toEqual(['CVE-2026-1', 'GO-2026-0001']);
    expect(front.affected.map((a) => [a.package.name, a.ranges[0]?.events[1]])).toEqual([['example.org/x', { fixed: '1.0.1' }], ['example.org/y', { fixed: '2.0.0' }]]);
    expect(front.references).toEqual([{ type: 'FIX', url: 'https://example.org/fix' }]);
  });

  it('changes nothing when the same records come again, in any order', () => {
    const files = [record('GO-2026-0001', { aliases: ['GHSA-aaaa-bbbb-cccc'] }), record('GHSA-aaaa-bbbb-cccc')];
    const first = planImport(files, EMPTY, NOW);
    const again = planImport([...files].reverse(), contentOf(first.writes), NOW);
    expect(again.writes).toEqual([]);
    expect(summarize(again.outcomes)).toEqual({ imported: 0, merged: 0, unchanged: 2, revised: 0, refused: 0 });
    const one = planImport([files[0]!], contentOf(first.writes), NOW);
    expect(one.writes).toEqual([]);
  });

  it('opens a new revision for a changed record, keeping the old file byte for byte', () => {
    const first = planImport([record('GHSA-aaaa-bbbb-cccc')], EMPTY, NOW);
    const changed = record('GHSA-aaaa-bbbb-cccc', { modified: '2026-04-01T00:00:00Z', details: 'About it, corrected.' });
    const plan = planImport([changed], contentOf(first.writes), NOW);
    expect(plan.outcomes[0]).toMatchObject({ status: 'revised', reason: 'revision 2 of GHSA-aaaa-bbbb-cccc' });
    expect(plan.writes.map((w) => [w.path, w.create])).toEqual([['GHSA-aaaa-bbbb-cccc/v1.md', true], ['GHSA-aaaa-bbbb-cccc.md', false]]);
    expect(plan.writes[0]!.text).toBe(first.writes[0]!.text);
    expect(advisorySchema.parse(parseMarkdown({ file: 'x.md', text: plan.writes[1]!.text }).front.data).revision).toMatchObject({ number: 2, date: '2026-04-01T00:00:00Z' });
  });

  it('dates a revision at the import when the record\'s own dates are unknown (zero)', () => {
    const plan = planImport([record('GO-2026-0002', { published: '0001-01-01T00:00:00Z', modified: '0001-01-01T00:00:00Z' })], EMPTY, NOW);
    expect(plan.writes[0]!.text).toMatch(/date: 2026-12-01T00:00:00Z/);
    expect(plan.outcomes[0]!.notes).toContain('published: not known; revision 1 is dated at the import (2026-12-01T00:00:00Z)');
  });

  it('keeps a withdrawn record\'s history: published, then withdrawn', () => {
    const plan = planImport([record('GO-2026-0003', { withdrawn: '2026-05-01T00:00:00Z' })], EMPTY, NOW);
    expect(plan.writes.map((w) => w.path)).toEqual(['GO-2026-0003/v1.md', 'GO-2026-0003.md']);
    const v2 = advisorySchema.parse(parseMarkdown({ file: 'x.md', text: plan.writes[1]!.text }).front.data);
    expect(v2).toMatchObject({ withdrawn: '2026-05-01T00:00:00Z', revision: { number: 2, date: '2026-05-01T00:00:00Z' } });
  });

  it.each([
    { name: 'invalid JSON', file: { file: 'in/bad.json', text: '{"id": ' }, reason: /is not valid JSON/ },
    { name: 'a record without an ID', file: { file: 'in/no-id.json', text: '{"modified": "2026-01-01T00:00:00Z", "summary": "x"}' }, reason: /has no "id"/ },
    { name: 'not OSV', file: { file: 'in/package.json', text: '{"name": "x", "version": "1.0.0"}' }, reason: /not an OSV record/ },
    { name: 'an unknown range type', file: record('GHSA-aaaa-bbbb-dddd', { affected: [{ package: { ecosystem: 'Go', name: 'x' }, ranges: [{ type: 'CALVER', events: [{ introduced: '0' }] }] }] }), reason: /unknown range type/ },
    { name: 'an alias that is not an ID', file: record('GHSA-aaaa-bbbb-eeee', { aliases: ['not an id'] }), reason: /aliases.0 is not an ID/ },
  ])('refuses $name, naming the file, and imports the rest', ({ file, reason }) => {
    const plan = planImport([file, record('GHSA-ffff-gggg-hhhh')], EMPTY, NOW);
    expect(plan.outcomes.find((o) => o.file === file.file)).toMatchObject({ status: 'refused', reason: expect.stringMatching(reason) });
    expect(plan.writes.map((w) => w.path)).toEqual(['GHSA-ffff-gggg-hhhh.md']);
  });

  it('refuses a record whose alias already leads to another advisory', () => {
    const existing = contentOf(planImport([record('GHSA-aaaa-bbbb-cccc', { aliases: ['CVE-2026-1'] })], EMPTY, NOW).writes);
    const plan = planImport([record('GO-2026-0009', { aliases: ['CVE-2026-1'] })], existing, NOW);
    expect(plan.outcomes[0]).toMatchObject({ status: 'refused', reason: 'its alias CVE-2026-1 already leads to the advisory GHSA-aaaa-bbbb-cccc' });
    expect(plan.writes).toEqual([]);
  });

  it('merges a record whose ID an existing advisory lists among its aliases into that advisory', () => {
    const existing = contentOf(planImport([record('GHSA-aaaa-bbbb-cccc', { aliases: ['CVE-2026-1'] })], EMPTY, NOW).writes);
    const plan = planImport([record('CVE-2026-1', { references: [{ type: 'WEB', url: 'https://cve.example/1' }] })], existing, NOW);
    expect(plan.outcomes[0]).toMatchObject({ status: 'revised', advisory: 'GHSA-aaaa-bbbb-cccc' });
  });

  it('refuses to go past a draft', () => {
    const text = `---\n${YAML.stringify({ id: 'GHSA-aaaa-bbbb-cccc', summary: 'x', draft: true, revision: { number: 1, date: '2026-01-01', summary: 'x' } })}---\nx\n`;
    const plan = planImport([record('GHSA-aaaa-bbbb-cccc')], contentOf([{ path: 'GHSA-aaaa-bbbb-cccc.md', text }]), NOW);
    expect(plan.outcomes[0]).toMatchObject({ status: 'refused', reason: 'revision 1 of GHSA-aaaa-bbbb-cccc is a draft, open for editing' });
  });
});
