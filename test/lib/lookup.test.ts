/**
 * "Am I affected?": the decision the browser runs (src/lib/advisory/lookup.ts) over the index the
 * build writes (src/lib/publication/lookup-index.ts) from the bundled example's content, on the
 * table the browser test reads too (test/fixtures/lookup-cases.ts); and the decision's edges on
 * a small index made here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { affectedView } from '../../src/lib/advisory/affected-view.ts';
import { lookUp, type LookupIndex } from '../../src/lib/advisory/lookup.ts';
import { lineOfVersion, readTypedVersion } from '../../src/lib/advisory/ranges.ts';
import { publishedContent } from '../../src/lib/publication/plan.ts';
import { lookupIndex } from '../../src/lib/publication/lookup-index.ts';
import { publishedAdvisories } from '../../src/lib/publication/publication.ts';
import { policyModel } from '../../src/lib/policy/policy.ts';
import { validateFolder } from '../../src/io/run-validation.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { EXAMPLE_CONTENT } from '../helpers/run.ts';
import { LOOKUP_CASES } from '../fixtures/lookup-cases.ts';

/** The example's lookup.json, made by the same functions the build calls. */
async function exampleIndex(): Promise<LookupIndex> {
  const now = new Date(EXAMPLE_NOW);
  const result = await validateFolder({ BULLETIN_CONTENT_DIR: EXAMPLE_CONTENT, BULLETIN_NOW: EXAMPLE_NOW });
  const content = publishedContent(result.content!, now);
  const lines = content.lines;
  const model = policyModel(content.site, lines, now);
  const advisories = publishedAdvisories(content.advisories, now).map((a) => ({
    id: a.id,
    title: a.current.front.summary,
    ratingText: 'rating',
    withdrawn: a.withdrawn,
    front: a.current.front,
    affected: affectedView(a.current.front, content.site, lines, now),
  }));
  return lookupIndex(content.site.packages, lines, model.support, advisories);
}

describe('the shared table over the example', () => {
  let index: LookupIndex;
  beforeAll(async () => {
    index = await exampleIndex();
  });

  it('leaves out withdrawn and unpublished advisories', () => {
    const ids = index.packages.flatMap((p) => p.advisories.map((a) => a.id));
    expect(ids).toEqual(['EXA-2026-0001', 'EXA-2026-0003', 'GHSA-7q4m-2x9v-c3hf']);
    expect(JSON.stringify(index)).not.toMatch(/EXA-2026-000[245]|CVE-2026-48810/);
  });

  for (const c of LOOKUP_CASES) {
    it(`answers ${JSON.stringify(c.typed)}`, () => {
      const answer = lookUp(index, c.typed);
      if ('error' in c.expect) {
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(answer.message).toMatch(c.expect.error);
        return;
      }
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      expect(answer.packages.map((p) => p.package)).toEqual(Object.keys(c.expect.packages));
      for (const p of answer.packages) {
        const want = c.expect.packages[p.package]!;
        expect({ line: p.line?.name, affectedBy: p.hits.map((h) => h.id), upgradeTo: p.upgradeTo }, p.package).toEqual({ line: want.line, affectedBy: want.affectedBy, upgradeTo: want.upgradeTo });
        expect(p.affected).toBe(want.affectedBy.length > 0);
        expect(p.advice).toMatch(want.advice);
      }
    });
  }
});

describe('reading what a reader types', () => {
  it.each([
    ['0.11.4', '0.11.4'],
    ['v0.11.4', '0.11.4'],
    ['V0.11.4', '0.11.4'],
    ['  0.11.4\n', '0.11.4'],
    ['1.0.0-rc.1', '1.0.0-rc.1'],
    ['0.11', null],
    ['vv0.11.4', null],
    ['0.11.4.1', null],
    ['', null],
    ['=0.11.4', null],
  ])('%j -> %j', (typed, want) => {
    expect(readTypedVersion(typed)).toBe(want);
  });

  it('puts a version in the line of its release', () => {
    const lines = [{ name: '1', range: '>=1.0.0 <2.0.0' }, { name: '2', range: '>=2.0.0 <3.0.0' }];
    expect(lineOfVersion('1.9.9', lines)).toBe('1');
    expect(lineOfVersion('2.0.0-rc.1', lines)).toBe('2');
    expect(lineOfVersion('3.0.0', lines)).toBeUndefined();
  });
});

describe('the decision on a small index', () => {
  const line = (name: string, status: 'supported' | 'end-of-life') => ({
    name, range: `>=${name}.0 <${name.split('.')[0]}.${Number(name.split('.')[1]) + 1}.0`, latest: `${name}.9`, status,
    statusText: status === 'supported' ? 'Supported' : 'End of life', endText: 'x', address: `releases/p/${name}/`,
  });
  const index: LookupIndex = {
    packages: [{
      name: 'p', ecosystem: 'npm',
      lines: [line('1.2', 'supported'), line('1.1', 'end-of-life')],
      advisories: [
        { id: 'A', title: 'a', ratingText: 'High', address: 'advisories/A/', affected: { ranges: [{ type: 'SEMVER', events: [{ introduced: '1.1.0' }, { fixed: '1.2.5' }] }], versions: [] }, fixes: { '1.2': { fixedIn: '1.2.5', planned: false }, '1.1': { planned: false } } },
        { id: 'B', title: 'b', ratingText: 'Low', address: 'advisories/B/', affected: { ranges: [], versions: ['1.2.7'] }, fixes: { '1.2': { fixedIn: '1.2.8', planned: true } } },
      ],
    }],
  };

  it('names the highest fix of the line as the release to move to, upcoming where it is planned', () => {
    const a = lookUp(index, '1.2.4');
    expect(a.ok && a.packages[0]!.upgradeTo).toBe('1.2.5');
    const b = lookUp(index, '1.2.7');
    expect(b.ok && [b.packages[0]!.upgradeTo, b.packages[0]!.upgradePlanned, b.packages[0]!.advice]).toEqual(['1.2.8', true, 'Affected. Upgrade to 1.2.8 (an upcoming release), on the same line.']);
  });

  it('says a line past end of life gets no fix', () => {
    const a = lookUp(index, '1.1.3');
    expect(a.ok && a.packages[0]!.advice).toBe('Affected, with no fix on line 1.1: it is past end of life and gets no more security fixes. Move to a supported line (1.2).');
  });

  it('matches a listed version exactly, not its neighbours', () => {
    for (const [v, hit] of [['1.2.6', false], ['1.2.7', true], ['1.2.8', false]] as const) {
      const a = lookUp(index, v);
      expect(a.ok && a.packages[0]!.hits.some((h) => h.id === 'B'), v).toBe(hit);
    }
  });
});
