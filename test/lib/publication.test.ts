/** The embargo rule (SPEC rule 1) just before and just after release, and what the guard holds back. */
import { describe, expect, it } from 'vitest';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import { groupHistories, toRevision, type Revision } from '../../src/lib/advisory/history.ts';
import { isPublished, publishedAdvisories } from '../../src/lib/publication/publication.ts';
import { heldBackTokens } from '../../src/lib/publication/plan.ts';

function rev(o: { id?: string; n?: number; date: string | null; draft?: boolean; aliases?: string[]; withdrawn?: string }): Revision {
  const id = o.id ?? 'EXA-2026-0001';
  const front = advisorySchema.parse({
    id,
    summary: 'x',
    aliases: o.aliases ?? [],
    draft: o.draft ?? false,
    ...(o.withdrawn ? { withdrawn: o.withdrawn, withdrawn_reason: 'not a vulnerability' } : {}),
    revision: { number: o.n ?? 1, ...(o.date === null ? {} : { date: o.date }), summary: 's' },
  });
  return toRevision(front, 'body', `content/advisories/${id}.md`, `${id}${o.n}${o.date}`, true);
}

describe('isPublished', () => {
  it.each([
    ['one second before', '2026-10-15T14:00:00Z', '2026-10-15T13:59:59Z', false, false],
    ['at the moment', '2026-10-15T14:00:00Z', '2026-10-15T14:00:00Z', false, true],
    ['one second after', '2026-10-15T14:00:00Z', '2026-10-15T14:00:01Z', false, true],
    ['an offset, before', '2026-10-15T16:00:00+02:00', '2026-10-15T13:59:59Z', false, false],
    ['an offset, at the moment', '2026-10-15T16:00:00+02:00', '2026-10-15T14:00:00Z', false, true],
    ['a bare day, the evening before (UTC)', '2026-10-15', '2026-10-14T23:59:59Z', false, false],
    ['a bare day, at midnight UTC', '2026-10-15', '2026-10-15T00:00:00Z', false, true],
    ['a draft, long after', '2026-10-15T14:00:00Z', '2030-01-01T00:00:00Z', true, false],
    ['a draft without a date (npm run new), long after', null, '2030-01-01T00:00:00Z', true, false],
  ])('%s', (_name, date, now, draft, expected) => {
    expect(isPublished(rev({ date, draft }), new Date(now))).toBe(expected);
  });
});

describe('publishedAdvisories', () => {
  const histories = groupHistories([
    rev({ n: 1, date: '2026-08-04T15:00:00Z', aliases: [] }),
    rev({ n: 2, date: '2026-08-11T09:00:00Z', aliases: ['CVE-2026-41234'] }),
    rev({ n: 3, date: '2026-10-01T00:00:00Z', aliases: ['CVE-2026-41234', 'CVE-2026-99999'] }),
    rev({ id: 'EXA-2026-0002', date: '2026-05-05T10:00:00Z' }),
    rev({ id: 'EXA-2026-0002', n: 2, date: '2026-05-20T10:00:00Z', withdrawn: '2026-05-20T10:00:00Z' }),
    rev({ id: 'EXA-2026-0004', date: '2026-10-15T14:00:00Z', aliases: ['CVE-2026-48810'] }),
    rev({ id: 'EXA-2026-0005', date: '2026-09-20', draft: true }),
  ]);

  it.each([
    ['before anything', '2026-05-05T09:59:59Z', []],
    ['the first publication', '2026-05-05T10:00:00Z', ['EXA-2026-0002@1']],
    ['the withdrawal', '2026-05-20T10:00:00Z', ['EXA-2026-0002@2 withdrawn']],
    ['between revisions', '2026-08-10T00:00:00Z', ['EXA-2026-0001@1', 'EXA-2026-0002@2 withdrawn']],
    ['the example now', '2026-09-01T12:00:00Z', ['EXA-2026-0001@2', 'EXA-2026-0002@2 withdrawn']],
    ['just before the embargo ends', '2026-10-15T13:59:59Z', ['EXA-2026-0001@3', 'EXA-2026-0002@2 withdrawn']],
    ['the embargo ends', '2026-10-15T14:00:00Z', ['EXA-2026-0004@1', 'EXA-2026-0001@3', 'EXA-2026-0002@2 withdrawn']],
  ])('%s', (_name, now, expected) => {
    const shown = publishedAdvisories(histories, new Date(now)).map((a) => `${a.id}@${a.current.number}${a.withdrawn ? ' withdrawn' : ''}`);
    expect(shown).toEqual(expected);
  });

  it('keeps every alias a published revision carried', () => {
    const [a] = publishedAdvisories(histories, new Date('2026-10-01T00:00:00Z'));
    expect(a!.aliases).toEqual(['CVE-2026-41234', 'CVE-2026-99999']);
    expect(a!.published.toISOString()).toBe('2026-08-04T15:00:00.000Z');
    expect(a!.modified.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it.each([
    ['the example now', '2026-09-01T12:00:00Z', ['/advisories/EXA-2026-0001/v3/', 'CVE-2026-48810', 'CVE-2026-99999', 'EXA-2026-0004', 'EXA-2026-0005']],
    ['after the pending revision', '2026-10-01T00:00:00Z', ['CVE-2026-48810', 'EXA-2026-0004', 'EXA-2026-0005']],
    ['after the embargo', '2026-10-15T14:00:00Z', ['EXA-2026-0005']],
  ])('holds back, at %s', (_name, now, expected) => {
    expect(heldBackTokens(histories, new Date(now))).toEqual(expected);
  });
});

describe('a draft without a date', () => {
  const histories = groupHistories([rev({ date: '2026-08-04T15:00:00Z' }), rev({ id: 'EXA-2026-0006', date: null, draft: true, aliases: ['CVE-2026-66666'] })]);

  it('is never published, however late', () => {
    for (const now of ['2026-09-01T12:00:00Z', '2099-12-31T23:59:59Z']) expect(publishedAdvisories(histories, new Date(now)).map((a) => a.id)).toEqual(['EXA-2026-0001']);
  });

  it('is held back: its ID and alias are guarded tokens', () => {
    expect(heldBackTokens(histories, new Date('2099-12-31T23:59:59Z'))).toEqual(['CVE-2026-66666', 'EXA-2026-0006']);
  });

  it('only a draft may have no date', () => {
    const front = advisorySchema.parse({ id: 'EXA-2026-0007', summary: 'x', revision: { number: 1, summary: 's' } });
    expect(() => toRevision(front, 'body', 'content/advisories/EXA-2026-0007.md', 'text', true)).toThrow('a revision that is not a draft needs revision.date');
  });
});
