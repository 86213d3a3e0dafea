/**
 * The seal: revisions built with the real schema over small front matter, a lock, and "now".
 * What a maintainer reads is locked with inline snapshots.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { groupHistories, sourceHash, toRevision, type Revision } from '../../src/lib/advisory/history.ts';
import { formatFinding, type Finding } from '../../src/lib/content/findings.ts';
import { parseMarkdown } from '../../src/lib/content/source.ts';
import { checkAgainst, emptyLock, parseLock, serializeLock } from '../../src/lib/sealing/lock.ts';
import { reviseSource } from '../../src/lib/sealing/revise.ts';
import { checkSeals, draftRefusals, publishesNowNotes, sealRevisions } from '../../src/lib/sealing/seal.ts';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import type { Lock, Seal } from '../../src/schemas/lock.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const LOCK = 'content/bulletin.lock';
const PAST = '2026-08-04';
const FUTURE = '2026-10-15T14:00:00Z';

interface RevisionSpec {
  id?: string;
  n?: number;
  /** null: no date (a draft as npm run new writes it). */
  date?: string | null;
  draft?: boolean;
  aliases?: string[];
  body?: string;
  /** Whether this is `<ID>.md` rather than `<ID>/v<N>.md`. */
  newest?: boolean;
}

/** A revision as readRevisions would make it, from a small front matter and body. */
function rev({ id = 'EXA-2026-0001', n = 1, date = PAST, draft = false, aliases = [], body = 'Two Content-Length headers.\n', newest = true }: RevisionSpec = {}): Revision {
  const front = {
    id,
    aliases,
    summary: 'Request smuggling through conflicting Content-Length headers',
    revision: { number: n, ...(date === null ? {} : { date }), summary: n === 1 ? 'Initial publication.' : 'Corrected the fixed version.' },
    ...(draft ? { draft } : {}),
  };
  const text = `---\n${YAML.stringify(front)}---\n${body}`;
  const file = newest ? `content/advisories/${id}.md` : `content/advisories/${id}/v${n}.md`;
  return toRevision(advisorySchema.parse(front), body, file, text, newest);
}

/** The lock `npm run seal -- --all` would write for these revisions at NOW, starting empty. */
function lockOf(...revisions: Revision[]): Lock {
  return sealRevisions(groupHistories(revisions), emptyLock(), 'all', NOW).lock;
}

const formatted = (findings: readonly Finding[]) => findings.map((f) => formatFinding(f, 'check'));

describe('checkSeals', () => {
  const edited = { body: 'Two Content-Length headers, or one and Transfer-Encoding.\n' };
  const cases: { name: string; revisions: Revision[]; lock: Lock; expected: Pick<Finding, 'severity' | 'file'>[] }[] = [
    { name: 'a sealed revision that matches', revisions: [rev()], lock: lockOf(rev()), expected: [] },
    { name: 'an unsealed revision', revisions: [rev()], lock: emptyLock(), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    { name: 'an unsealed future revision', revisions: [rev({ date: FUTURE })], lock: emptyLock(), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    { name: 'an altered published revision', revisions: [rev(edited)], lock: lockOf(rev()), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    {
      name: 'an altered published earlier revision',
      revisions: [rev({ ...edited, newest: false }), rev({ n: 2, date: '2026-08-11' })],
      lock: lockOf(rev({ newest: false }), rev({ n: 2, date: '2026-08-11' })),
      expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001/v1.md' }],
    },
    {
      name: 'a published revision moved to a later date',
      revisions: [rev({ date: FUTURE })],
      lock: lockOf(rev()),
      expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }],
    },
    { name: 'a published revision made a draft again', revisions: [rev({ draft: true })], lock: lockOf(rev()), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    { name: 'an altered unpublished revision', revisions: [rev({ ...edited, date: FUTURE })], lock: lockOf(rev({ date: FUTURE })), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    { name: 'a draft without a seal', revisions: [rev({ draft: true })], lock: emptyLock(), expected: [] },
    { name: 'a draft without a date, without a seal', revisions: [rev({ draft: true, date: null })], lock: emptyLock(), expected: [] },
    { name: 'a draft without a date, with a stale unpublished seal', revisions: [rev({ draft: true, date: null })], lock: lockOf(rev({ date: FUTURE })), expected: [] },
    { name: 'a published revision made an undated draft again', revisions: [rev({ draft: true, date: null })], lock: lockOf(rev()), expected: [{ severity: 'error', file: 'content/advisories/EXA-2026-0001.md' }] },
    { name: 'a draft with a stale unpublished seal', revisions: [rev({ draft: true, date: FUTURE, ...edited })], lock: lockOf(rev({ date: FUTURE })), expected: [] },
    { name: 'a published revision whose file is gone', revisions: [], lock: lockOf(rev()), expected: [{ severity: 'error', file: LOCK }] },
    { name: 'an unpublished revision whose file is gone', revisions: [rev()], lock: lockOf(rev(), rev({ n: 2, date: FUTURE })), expected: [{ severity: 'warning', file: LOCK }] },
  ];

  it.each(cases)('$name', ({ revisions, lock, expected }) => {
    const findings = checkSeals(groupHistories(revisions), lock, LOCK, NOW);
    expect(findings.map(({ severity, file }) => ({ severity, file }))).toEqual(expected);
    for (const f of findings) expect(f.fix).not.toBe('');
  });

  it('says what is wrong and the way out, in these words', () => {
    const report = Object.fromEntries(cases.filter((c) => c.expected.length).map((c) => [c.name, formatted(checkSeals(groupHistories(c.revisions), c.lock, LOCK, NOW))]));
    expect(report).toMatchInlineSnapshot(`
      {
        "a published revision made a draft again": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001.md, or take the file from the main branch if the change is committed), then publish the change as a new revision: run npm run revise -- EXA-2026-0001 and edit the new revision",
        ],
        "a published revision made an undated draft again": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001.md, or take the file from the main branch if the change is committed), then publish the change as a new revision: run npm run revise -- EXA-2026-0001 and edit the new revision",
        ],
        "a published revision moved to a later date": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001.md, or take the file from the main branch if the change is committed), then publish the change as a new revision: run npm run revise -- EXA-2026-0001 and edit the new revision",
        ],
        "a published revision whose file is gone": [
          "content/bulletin.lock: error: advisories.EXA-2026-0001.1: revision 1 of EXA-2026-0001 was published on 2026-08-04, but its file is gone
          fix: restore content/advisories/EXA-2026-0001.md from git: published revisions are never removed. To retract the advisory, publish a revision that withdraws it (npm run revise -- EXA-2026-0001, then set withdrawn and withdrawn_reason)",
        ],
        "an altered published earlier revision": [
          "content/advisories/EXA-2026-0001/v1.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001/v1.md, or take the file from the main branch if the change is committed): earlier revisions are never edited. To correct the advisory, edit its newest revision if it is a draft, else run npm run revise -- EXA-2026-0001 and edit the new one",
        ],
        "an altered published revision": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001.md, or take the file from the main branch if the change is committed), then publish the change as a new revision: run npm run revise -- EXA-2026-0001 and edit the new revision",
        ],
        "an altered unpublished revision": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 changed since it was sealed
          fix: run: npm run seal -- EXA-2026-0001 again",
        ],
        "an unpublished revision whose file is gone": [
          "content/bulletin.lock: warning: advisories.EXA-2026-0001.2: the lock holds a seal for revision 2 of EXA-2026-0001, which has no file and is not published
          fix: run: npm run seal -- EXA-2026-0001 to tidy the lock",
        ],
        "an unsealed future revision": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 is not sealed
          fix: run: npm run seal -- EXA-2026-0001, and commit content/bulletin.lock with it",
        ],
        "an unsealed revision": [
          "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 is not sealed
          fix: run: npm run seal -- EXA-2026-0001, and commit content/bulletin.lock with it",
        ],
      }
    `);
  });

  it('leaves the seals of an advisory whose file could not be read to that file\'s findings', () => {
    expect(checkSeals([], lockOf(rev()), LOCK, NOW, new Set(['EXA-2026-0001']))).toEqual([]);
  });

  it('reads a seal as published by its own time when the revision says otherwise', () => {
    // Sealed for yesterday, then re-dated to the future: still immutable.
    const [f] = checkSeals(groupHistories([rev({ date: FUTURE })]), lockOf(rev()), LOCK, NOW);
    expect(f?.message).toMatch(/was published on 2026-08-04 and is immutable/);
    expect(f?.fix).toMatch(/npm run revise -- EXA-2026-0001/);
  });
});

describe('checkAgainst', () => {
  const published = lockOf(rev({ aliases: ['CVE-2026-41234'] }), rev({ id: 'EXA-2026-0002', date: FUTURE }));
  const entry = (lock: Lock, id: string, n: string): Seal => lock.advisories[id]?.[n] as Seal;
  const withEntry = (lock: Lock, id: string, n: string, seal: Seal | undefined): Lock => {
    const next = structuredClone(lock);
    const revisions = { ...next.advisories[id] };
    if (seal) revisions[n] = seal;
    else delete revisions[n];
    next.advisories[id] = revisions;
    return next;
  };
  const announced: Seal = { sha256: sourceHash('mailed'), published: '2026-08-05T00:00:00Z', addresses: ['/announcements/2026-08-lanternfish-0-12-3/'] };

  const cases: { name: string; current: Lock; target: Lock; expected: string[] }[] = [
    { name: 'nothing changed', current: published, target: published, expected: [] },
    {
      name: 'a published seal changed',
      current: withEntry(published, 'EXA-2026-0001', '1', { ...entry(published, 'EXA-2026-0001', '1'), sha256: sourceHash('edited') }),
      target: published,
      expected: ['the published seal of revision 1 of EXA-2026-0001 changed (published on 2026-08-04)'],
    },
    {
      name: 'a published seal removed',
      current: withEntry(published, 'EXA-2026-0001', '1', undefined),
      target: published,
      expected: [
        'the published seal of revision 1 of EXA-2026-0001 is gone (published on 2026-08-04)',
        'published address /advisories/EXA-2026-0001/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
        'published address /advisories/EXA-2026-0001/v1/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
        'published address /advisories/CVE-2026-41234/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
        'published address /osv/EXA-2026-0001.json disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
      ],
    },
    {
      name: 'a published alias dropped from the lock',
      current: withEntry(published, 'EXA-2026-0001', '1', { ...entry(published, 'EXA-2026-0001', '1'), addresses: ['/advisories/EXA-2026-0001/', '/advisories/EXA-2026-0001/v1/', '/osv/EXA-2026-0001.json'] }),
      target: published,
      expected: ['published address /advisories/CVE-2026-41234/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)'],
    },
    {
      name: 'a published seal that gained addresses (a new export): append-only, so fine',
      current: published,
      target: withEntry(published, 'EXA-2026-0001', '1', { ...entry(published, 'EXA-2026-0001', '1'), addresses: ['/advisories/EXA-2026-0001/', '/advisories/EXA-2026-0001/v1/', '/advisories/CVE-2026-41234/'] }),
      expected: [],
    },
    {
      name: 'a published seal that lost an address a later revision still lists',
      current: (() => {
        const both = lockOf(rev({ n: 1, newest: false, aliases: ['CVE-2026-41234'] }), rev({ n: 2, date: '2026-08-11', aliases: ['CVE-2026-41234'] }));
        const first = entry(both, 'EXA-2026-0001', '1');
        return withEntry(both, 'EXA-2026-0001', '1', { ...first, addresses: first.addresses.filter((a) => a !== '/advisories/CVE-2026-41234/') });
      })(),
      target: lockOf(rev({ n: 1, newest: false, aliases: ['CVE-2026-41234'] })),
      expected: ['published address /advisories/CVE-2026-41234/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)'],
    },
    {
      name: 'a published seal whose time changed',
      current: withEntry(published, 'EXA-2026-0001', '1', { ...entry(published, 'EXA-2026-0001', '1'), published: '2026-08-03T00:00:00Z' }),
      target: published,
      expected: ['the published seal of revision 1 of EXA-2026-0001 changed (published on 2026-08-04)'],
    },
    {
      name: 'an address kept by a later revision',
      current: lockOf(rev({ n: 1, newest: false, aliases: ['CVE-2026-41234'] }), rev({ n: 2, date: '2026-08-11' })),
      target: lockOf(rev({ n: 1, newest: false, aliases: ['CVE-2026-41234'] })),
      expected: [],
    },
    { name: 'a seal unpublished on the target changed or gone', current: withEntry(published, 'EXA-2026-0002', '1', undefined), target: published, expected: [] },
    { name: 'a published announcement changed', current: published, target: { ...published, announcements: { '2026-08-lanternfish-0-12-3': announced } }, expected: ['the published seal of announcement 2026-08-lanternfish-0-12-3 is gone (published on 2026-08-05)', 'published address /announcements/2026-08-lanternfish-0-12-3/ disappeared (published by announcement 2026-08-lanternfish-0-12-3 on 2026-08-05)'] },
  ];

  it.each(cases)('$name', ({ current, target, expected }) => {
    const findings = checkAgainst(current, target, NOW, LOCK);
    expect(findings.map((f) => f.message)).toEqual(expected);
    for (const f of findings) expect(f).toMatchObject({ severity: 'error', file: LOCK });
  });

  it('gives the way out', () => {
    const changed = withEntry(published, 'EXA-2026-0001', '1', { ...entry(published, 'EXA-2026-0001', '1'), sha256: sourceHash('edited'), addresses: [] });
    expect(formatted(checkAgainst(changed, published, NOW, LOCK)).slice(0, 2)).toMatchInlineSnapshot(`
      [
        "content/bulletin.lock: error: advisories.EXA-2026-0001.1: the published seal of revision 1 of EXA-2026-0001 changed (published on 2026-08-04)
          fix: published texts are immutable: restore its file and its entry in content/bulletin.lock as they are on the target branch, and publish the change as a new revision instead (npm run revise -- EXA-2026-0001, edit it, npm run seal -- EXA-2026-0001)",
        "content/bulletin.lock: error: advisories.EXA-2026-0001.1.addresses: published address /advisories/EXA-2026-0001/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)
          fix: published addresses never disappear: restore the alias or revision that published it, and its entry in content/bulletin.lock",
      ]
    `);
  });
});

describe('sealRevisions', () => {
  it('records hash, publication time in UTC and addresses of every non-draft revision', () => {
    const r = rev({ aliases: ['CVE-2026-41234'] });
    const result = sealRevisions(groupHistories([r, rev({ id: 'EXA-2026-0005', draft: true })]), emptyLock(), 'all', NOW);
    expect(result.sealed).toEqual(['EXA-2026-0001 revision 1']);
    expect(result.refused).toEqual([]);
    expect(result.lock.advisories).toEqual({
      'EXA-2026-0001': {
        '1': {
          sha256: r.sha256,
          published: '2026-08-04T00:00:00Z',
          addresses: ['/advisories/EXA-2026-0001/', '/advisories/EXA-2026-0001/v1/', '/advisories/CVE-2026-41234/', '/osv/EXA-2026-0001.json'],
        },
      },
    });
  });

  it('adds new addresses (a new export) to a published seal, leaving its hash and time as they are', () => {
    const r = rev({ aliases: ['CVE-2026-41234'] });
    const full = lockOf(r);
    const old: Seal = { ...(full.advisories['EXA-2026-0001']?.['1'] as Seal), addresses: ['/advisories/CVE-2026-41234/', '/advisories/EXA-2026-0001/'] };
    const before: Lock = { ...full, advisories: { 'EXA-2026-0001': { '1': old } } };
    expect(formatted(checkSeals(groupHistories([r]), before, LOCK, NOW))).toMatchInlineSnapshot(`
      [
        "content/bulletin.lock: error: advisories.EXA-2026-0001.1.addresses: the seal of revision 1 of EXA-2026-0001 does not record /advisories/EXA-2026-0001/v1/, /osv/EXA-2026-0001.json, which it publishes
          fix: run: npm run seal -- EXA-2026-0001 (it adds the addresses and leaves the hash and time as they are), and commit content/bulletin.lock",
      ]
    `);
    const result = sealRevisions(groupHistories([r]), before, 'all', NOW);
    expect(result.sealed).toEqual(['EXA-2026-0001 revision 1 (new addresses only)']);
    expect(result.lock.advisories['EXA-2026-0001']?.['1']).toEqual({
      sha256: old.sha256,
      published: old.published,
      addresses: ['/advisories/CVE-2026-41234/', '/advisories/EXA-2026-0001/', '/advisories/EXA-2026-0001/v1/', '/osv/EXA-2026-0001.json'],
    });
    expect(checkSeals(groupHistories([r]), result.lock, LOCK, NOW)).toEqual([]);
    expect(checkAgainst(result.lock, before, NOW, LOCK)).toEqual([]);
    expect(checkAgainst(before, result.lock, NOW, LOCK).map((f) => f.message)).toEqual([
      'published address /advisories/EXA-2026-0001/v1/ disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
      'published address /osv/EXA-2026-0001.json disappeared (published by revision 1 of EXA-2026-0001 on 2026-08-04)',
    ]);
  });

  it('writes a time with an offset as UTC, without milliseconds', () => {
    const lock = lockOf(rev({ date: '2026-10-15T16:00:00+02:00' }));
    expect(lock.advisories['EXA-2026-0001']?.['1']?.published).toBe('2026-10-15T14:00:00Z');
  });

  it('seals only the advisories it is given, and never changes the lock it is given', () => {
    const lock = emptyLock();
    const result = sealRevisions(groupHistories([rev(), rev({ id: 'EXA-2026-0002' })]), lock, ['EXA-2026-0002'], NOW);
    expect(Object.keys(result.lock.advisories)).toEqual(['EXA-2026-0002']);
    expect(lock).toEqual(emptyLock());
  });

  it('is idempotent: sealing again seals nothing and gives the same bytes', () => {
    const histories = groupHistories([rev(), rev({ id: 'EXA-2026-0002', date: FUTURE })]);
    const first = sealRevisions(histories, emptyLock(), 'all', NOW);
    const again = sealRevisions(histories, first.lock, 'all', NOW);
    expect(again.sealed).toEqual([]);
    expect(serializeLock(again.lock)).toBe(serializeLock(first.lock));
  });

  it('seals an unpublished revision again after an edit', () => {
    const before = lockOf(rev({ date: FUTURE }));
    const editedRev = rev({ date: FUTURE, body: 'Edited before publication.\n' });
    const result = sealRevisions(groupHistories([editedRev]), before, ['EXA-2026-0001'], NOW);
    expect(result).toMatchObject({ sealed: ['EXA-2026-0001 revision 1'], refused: [] });
    expect(result.lock.advisories['EXA-2026-0001']?.['1']?.sha256).toBe(editedRev.sha256);
  });

  it('refuses to touch a published seal, and says how to publish a correction', () => {
    const before = lockOf(rev());
    const result = sealRevisions(groupHistories([rev({ body: 'Edited after publication.\n' })]), before, ['EXA-2026-0001'], NOW);
    expect(result.sealed).toEqual([]);
    expect(result.lock).toEqual(before);
    expect(formatted(result.refused)).toMatchInlineSnapshot(`
      [
        "content/advisories/EXA-2026-0001.md: error: revision 1 of EXA-2026-0001 was published on 2026-08-04 and is immutable, but this file no longer matches its seal
          fix: restore the published text (git checkout -- content/advisories/EXA-2026-0001.md, or take the file from the main branch if the change is committed), then publish the change as a new revision: run npm run revise -- EXA-2026-0001 and edit the new revision",
      ]
    `);
  });

  it('refuses an unknown ID, suggesting one that differs only in case', () => {
    const result = sealRevisions(groupHistories([rev()]), emptyLock(), ['exa-2026-0001', 'EXA-2099-0001'], NOW);
    expect(result.lock).toEqual(emptyLock());
    expect(formatted(result.refused)).toMatchInlineSnapshot(`
      [
        "content/advisories/exa-2026-0001.md: error: there is no advisory exa-2026-0001
          fix: did you mean EXA-2026-0001? IDs keep their exact case: npm run seal -- EXA-2026-0001",
        "content/advisories/EXA-2099-0001.md: error: there is no advisory EXA-2099-0001
          fix: give the ID of an advisory (its file name without .md), or --all to seal every advisory",
      ]
    `);
  });

  it('tidies stale seals of unpublished revisions, and refuses to drop a published one', () => {
    const before = lockOf(rev({ newest: false }), rev({ n: 2, date: FUTURE }), rev({ id: 'EXA-2026-0002', date: FUTURE }));
    // Revision 2 went back to being a draft, EXA-2026-0002 was deleted, and so was revision 1 of EXA-2026-0001.
    const histories = groupHistories([rev({ n: 2, date: FUTURE, draft: true })]);
    const result = sealRevisions(histories, before, 'all', NOW);
    expect(result.removed).toEqual(['EXA-2026-0001 revision 2 (now a draft)', 'EXA-2026-0002 revision 1 (its file is gone)']);
    expect(result.lock.advisories).toEqual({ 'EXA-2026-0001': { '1': before.advisories['EXA-2026-0001']?.['1'] } });
    expect(result.refused.map((f) => f.message)).toEqual(['revision 1 of EXA-2026-0001 was published on 2026-08-04, but its file is gone']);
  });

  it('never seals a draft without a date, named or with --all, and drops its stale unpublished seal', () => {
    const undated = rev({ id: 'EXA-2026-0006', draft: true, date: null });
    for (const which of ['all', ['EXA-2026-0006']] as const) {
      const fresh = sealRevisions(groupHistories([undated]), emptyLock(), which, NOW);
      expect(fresh.sealed).toEqual([]);
      expect(fresh.lock).toEqual(emptyLock());
    }
    const stale = sealRevisions(groupHistories([undated]), lockOf(rev({ id: 'EXA-2026-0006', date: FUTURE })), 'all', NOW);
    expect(stale.removed).toEqual(['EXA-2026-0006 revision 1 (now a draft)']);
    expect(stale.lock.advisories).toEqual({});
  });
});

describe('draftRefusals and publishesNowNotes', () => {
  const histories = groupHistories([rev({ date: PAST }), rev({ id: 'EXA-2026-0004', date: FUTURE }), rev({ id: 'EXA-2026-0006', draft: true, date: null }), rev({ id: 'EXA-2026-0007', draft: true, date: PAST })]);

  it.each([
    ['a non-draft', 'EXA-2026-0001', []],
    ['a draft without a date', 'EXA-2026-0006', ['EXA-2026-0006 revision 1 is a draft, so it was not sealed and will not be published']],
    ['a draft with a past date', 'EXA-2026-0007', ['EXA-2026-0007 revision 1 is a draft, so it was not sealed and will not be published']],
  ])('seal refuses %s only when it is a draft', (_name, id, expected) => {
    expect(draftRefusals(histories, [id]).map((f) => f.message)).toEqual(expected);
  });

  it.each([
    ['a past date', 'EXA-2026-0001 revision 1', ['EXA-2026-0001 revision 1 is dated 2026-08-04, which has passed: sealing publishes it now (at the next build of main); to publish later, set a future revision.date and seal again before merging']],
    ['a future date', 'EXA-2026-0004 revision 1', []],
    ['a draft without a date', 'EXA-2026-0006 revision 1', []],
    ['a draft with a past date', 'EXA-2026-0007 revision 1', []],
  ])('says sealing publishes now only for %s', (_name, sealed, expected) => {
    expect(publishesNowNotes(histories, [sealed], NOW)).toEqual(expected);
  });
});

describe('CSAF documents in the lock', () => {
  const WHITE = { csaf: { tlp: 'WHITE' as const, publisher_category: 'vendor' as const } };
  const GREEN = { csaf: { ...WHITE.csaf, tlp: 'GREEN' as const } };
  // Revision 1 in 2025, revision 2 in 2026: the document stays in the folder of its first year.
  const v1 = rev({ date: '2025-12-30', newest: false });
  const v2 = rev({ n: 2, date: PAST });
  const sealed = (site: typeof WHITE) => sealRevisions(groupHistories([v1, v2]), emptyLock(), 'all', NOW, LOCK, site).lock;

  it("records each revision's CSAF document, under csaf.tlp and the year of revision 1", () => {
    const lock = sealed(WHITE);
    for (const n of ['1', '2']) {
      expect(lock.advisories['EXA-2026-0001']?.[n]?.addresses.slice(-2)).toEqual(['/osv/EXA-2026-0001.json', '/.well-known/csaf/white/2025/exa-2026-0001.json']);
    }
    expect(checkSeals(groupHistories([v1, v2]), lock, LOCK, NOW, new Set(), WHITE)).toEqual([]);
  });

  it('adds the CSAF address to a lock sealed before it was recorded, keeping hash and time', () => {
    const older = sealed(WHITE);
    for (const seal of Object.values(older.advisories['EXA-2026-0001'] ?? {})) seal.addresses = seal.addresses.filter((a) => !a.startsWith('/.well-known/'));
    expect(formatted(checkSeals(groupHistories([v1, v2]), older, LOCK, NOW, new Set(), WHITE))[0]).toContain('does not record /.well-known/csaf/white/2025/exa-2026-0001.json');
    const result = sealRevisions(groupHistories([v1, v2]), older, 'all', NOW, LOCK, WHITE);
    expect(result.sealed).toEqual(['EXA-2026-0001 revision 1 (new addresses only)', 'EXA-2026-0001 revision 2 (new addresses only)']);
    expect(result.lock).toEqual(sealed(WHITE));
  });

  it('reports a changed csaf.tlp once, at site.yaml, since the published documents would disappear', () => {
    const lock = sealed(WHITE);
    expect(formatted(checkSeals(groupHistories([v1, v2]), lock, LOCK, NOW, new Set(), GREEN))).toMatchInlineSnapshot(`
      [
        "content/site.yaml: error: csaf.tlp: csaf.tlp is GREEN, but published CSAF documents are under /.well-known/csaf/white/, which the build would no longer publish (the TLP label names the documents' folder)
          fix: set csaf.tlp back to WHITE in site.yaml: published addresses never disappear",
      ]
    `);
    // seal refuses the same way and leaves the published seals as they are (no green address recorded beside the white one).
    const result = sealRevisions(groupHistories([v1, v2]), lock, 'all', NOW, LOCK, GREEN);
    expect(formatted(result.refused)).toEqual(formatted(checkSeals(groupHistories([v1, v2]), lock, LOCK, NOW, new Set(), GREEN)));
    expect(result.lock).toEqual(lock);
  });

  it('moves the address of a seal not yet published when csaf.tlp changes', () => {
    const later = rev({ date: FUTURE });
    const lock = sealRevisions(groupHistories([later]), emptyLock(), 'all', NOW, LOCK, WHITE).lock;
    expect(formatted(checkSeals(groupHistories([later]), lock, LOCK, NOW, new Set(), GREEN))[0]).toContain('does not record /.well-known/csaf/green/2026/exa-2026-0001.json');
    const result = sealRevisions(groupHistories([later]), lock, 'all', NOW, LOCK, GREEN);
    expect(result.lock.advisories['EXA-2026-0001']?.['1']?.addresses.at(-1)).toBe('/.well-known/csaf/green/2026/exa-2026-0001.json');
    expect(result.lock.advisories['EXA-2026-0001']?.['1']?.addresses).not.toContain('/.well-known/csaf/white/2026/exa-2026-0001.json');
  });

  it('leaves CSAF addresses uncompared while site.yaml cannot be read', () => {
    expect(checkSeals(groupHistories([v1, v2]), sealed(WHITE), LOCK, NOW)).toEqual([]);
  });
});

describe('serializeLock', () => {
  const seal = (n: number): Seal => ({ sha256: sourceHash(String(n)), published: '2026-08-04T00:00:00Z', addresses: [`/advisories/X/v${n}/`] });
  const scrambled: Lock = {
    lockfile: 1,
    announcements: { b: seal(2), a: seal(1) },
    advisories: { 'GHSA-7q4m-2x9v-c3hf': { '1': seal(1) }, 'EXA-2026-0010': { '10': seal(10), '2': seal(2), '1': seal(1) }, 'EXA-2026-0002': { '1': seal(1) } },
  };

  it('sorts IDs and slugs by code unit and revision numbers numerically, with a final newline', () => {
    const text = serializeLock(scrambled);
    const keys = [...text.matchAll(/^ {4}"([^"]+)": \{/gm)].map((m) => m[1]);
    expect(keys).toEqual(['EXA-2026-0002', 'EXA-2026-0010', 'GHSA-7q4m-2x9v-c3hf', 'a', 'b']);
    expect([...text.matchAll(/^ {6}"(\d+)"/gm)].map((m) => m[1])).toEqual(['1', '1', '2', '10', '1']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "lockfile": 1,\n  "advisories": {\n')).toBe(true);
  });

  it('gives the same bytes whatever order the lock was built in', () => {
    const reordered: Lock = JSON.parse(JSON.stringify({ advisories: { ...scrambled.advisories }, announcements: { a: seal(1), b: seal(2) }, lockfile: 1 }));
    expect(serializeLock(reordered)).toBe(serializeLock(scrambled));
    expect(serializeLock(parseLock({ file: LOCK, text: serializeLock(scrambled) }).lock as Lock)).toBe(serializeLock(scrambled));
  });

  it('writes an empty lock like this', () => {
    expect(serializeLock(emptyLock())).toMatchInlineSnapshot(`
      "{
        "lockfile": 1,
        "advisories": {},
        "announcements": {}
      }
      "
    `);
  });
});

describe('parseLock', () => {
  const good = serializeLock(lockOf(rev()));

  it('reads what serializeLock writes', () => {
    expect(parseLock({ file: LOCK, text: good })).toEqual({ lock: lockOf(rev()), findings: [] });
  });

  it.each([
    ['a JSON syntax error', good.replace('"published"', '"published":,'), 7],
    ['a truncated file', good.slice(0, 40), 4],
    ['merge conflict markers', `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> main\n`, 1],
    ['an empty file', '', 1],
    ['a bad sha256', good.replace(/"[0-9a-f]{64}"/, '"abc"'), 6],
    ['a time with an offset', good.replace('T00:00:00Z', 'T02:00:00+02:00'), 7],
    ['a revision key that is not a number', good.replace('"1": {', '"v1": {'), 5],
    ['an unknown field', good.replace('"lockfile": 1,', '"lockfile": 1,\n  "extra": true,'), 3],
    ['another lock format', good.replace('"lockfile": 1', '"lockfile": 2'), 2],
  ])('reports %s with its line', (_name, text, line) => {
    const { lock, findings } = parseLock({ file: LOCK, text });
    expect(lock).toBeUndefined();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ severity: 'error', file: LOCK, line });
  });

  it('says what went wrong and what to do', () => {
    const report = [
      good.replace('"published"', '"published":,'),
      `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> main\n`,
      good.replace(/"[0-9a-f]{64}"/, '"abc"'),
      good.replace('T00:00:00Z', 'T02:00:00+02:00'),
    ].flatMap((text) => formatted(parseLock({ file: LOCK, text }).findings));
    expect(report).toMatchInlineSnapshot(`
      [
        "content/bulletin.lock:7: error: the lock is not valid JSON: Unexpected token ','
          fix: restore it from git (git checkout -- content/bulletin.lock), or delete it, then run npm run seal -- --all",
        "content/bulletin.lock:1: error: the lock has unresolved merge conflict markers
          fix: take the target branch's lock (git checkout main -- content/bulletin.lock), then run npm run seal -- --all to seal this branch's revisions again",
        "content/bulletin.lock:6: error: advisories.EXA-2026-0001.1.sha256: must be a sha256 written as 64 lower-case hex digits
          fix: the lock is written by npm run seal, not by hand: restore it from git (git checkout -- content/bulletin.lock) and run npm run seal again",
        "content/bulletin.lock:7: error: advisories.EXA-2026-0001.1.published: must be a UTC time written YYYY-MM-DDTHH:MM:SSZ
          fix: the lock is written by npm run seal, not by hand: restore it from git (git checkout -- content/bulletin.lock) and run npm run seal again",
      ]
    `);
  });
});

describe('reviseSource', () => {
  const source = `---
# Sealed and published; revise, never edit.
id: EXA-2026-0001
aliases:
  - CVE-2026-41234 # assigned by MITRE on 2026-08-10
summary: "Request smuggling through conflicting Content-Length headers"
published: 2026-08-04
modified: 2026-08-11T09:00:00Z

affected:
  - package: { ecosystem: npm, name: lanternfish }
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.10.0
          - fixed: 0.12.3
withdrawn: 2026-08-11T09:00:00Z
withdrawn_reason: Not a vulnerability after all.
revision:
  number: 2
  date: 2026-08-11T09:00:00Z # 10:00 in Lisbon
  summary: Added the CVE ID and credits.
draft: false
---
When a request carries two \`Content-Length\` headers...

## Impact
`;

  it('opens the next revision as a draft, keeping comments, order and body', () => {
    expect(reviseSource(source, { number: 3, date: '2026-09-01' })).toMatchInlineSnapshot(`
      "---
      # Sealed and published; revise, never edit.
      id: EXA-2026-0001
      aliases:
        - CVE-2026-41234 # assigned by MITRE on 2026-08-10
      summary: "Request smuggling through conflicting Content-Length headers"
      published: 2026-08-04

      affected:
        - package: { ecosystem: npm, name: lanternfish }
          ranges:
            - type: SEMVER
              events:
                - introduced: 0.10.0
                - fixed: 0.12.3
      withdrawn: 2026-08-11T09:00:00Z
      withdrawn_reason: Not a vulnerability after all.
      revision:
        number: 3
        date: 2026-09-01
        summary: Describe what changed in this revision.
      draft: true
      ---
      When a request carries two \`Content-Length\` headers...

      ## Impact
      "
    `);
  });

  it('gives front matter the schema accepts, with the new revision fields', () => {
    const text = reviseSource(source.replace('draft: false\n', ''), { number: 3, date: '2026-09-01' });
    const { front, body } = parseMarkdown({ file: 'content/advisories/EXA-2026-0001.md', text });
    const data = advisorySchema.parse(front.data);
    expect(data.revision).toEqual({ number: 3, date: '2026-09-01', summary: 'Describe what changed in this revision.' });
    expect(data.draft).toBe(true);
    expect(data.modified).toBeUndefined();
    // Still withdrawn: `withdrawn` names the revision that withdrew it, and check holds it to that.
    expect(data.withdrawn).toBe('2026-08-11T09:00:00Z');
    expect(data.aliases).toEqual(['CVE-2026-41234']);
    expect(body).toBe(source.slice(source.indexOf('---\nWhen') + 4));
  });

  it('reads CRLF files and refuses a file without front matter', () => {
    expect(reviseSource(source.replace(/\n/g, '\r\n'), { number: 3, date: '2026-09-01' })).toBe(reviseSource(source, { number: 3, date: '2026-09-01' }));
    expect(() => reviseSource('no front matter', { number: 2, date: '2026-09-01' })).toThrow(/no front matter/);
  });
});
