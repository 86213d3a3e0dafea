/**
 * The seal through the commands a maintainer runs, on a copy of the bundled example with one
 * more advisory: `npm run seal`, `npm run revise`, and `npm run check` (with `--against`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/io/read-content.ts';
import { groupHistories } from '../../src/lib/advisory/history.ts';
import { readRevisions } from '../../src/lib/advisory/files.ts';
import type { Finding } from '../../src/lib/content/findings.ts';
import { parseLock } from '../../src/lib/sealing/lock.ts';
import { checkSeals } from '../../src/lib/sealing/seal.ts';
import type { Lock } from '../../src/schemas/lock.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { check, contentWith, runScript, tempDir } from '../helpers/run.ts';

const ID = 'EXA-2026-0006';
const FILE = `advisories/${ID}.md`;
/** Published on 2026-08-20, before the example's "now". */
const ADVISORY = `---
id: ${ID}
aliases:
  - CVE-2026-49999
summary: The access log records the bodies of failed logins
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.13.2
timeline:
  reported: 2026-08-10
  acknowledged: 2026-08-11
  fix_released: 2026-08-18
revision:
  number: 1
  date: 2026-08-20
  summary: Initial publication.
---
With \`log.level: debug\`, the access log wrote the request body of every failed login, passwords
included. Only debug logging was affected.

## Patches

Fixed in 0.13.2.
`;

const env = (dir: string) => ({ BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW });
const seal = (dir: string, ...args: string[]) => runScript('seal', env(dir), args);
const revise = (dir: string, id = ID) => runScript('revise', env(dir), [id]);
const lockText = (dir: string) => readFileSync(join(dir, 'bulletin.lock'), 'utf8');

/** A copy of the example with the extra advisory, every revision sealed. */
function sealedContent(): string {
  const dir = contentWith({ [FILE]: ADVISORY });
  const r = seal(dir, '--all');
  expect(r.status, r.output).toBe(0);
  return dir;
}

/** What validation will report about seals: checkSeals over the folder as the commands read it. */
function sealFindings(dir: string): Finding[] {
  const files = readContentFiles(dir);
  const { revisions } = readRevisions(files.advisories);
  const { lock } = parseLock(files.lock ?? { file: join(dir, 'bulletin.lock'), text: '{"lockfile":1}' });
  return checkSeals(groupHistories(revisions.map((r) => r.revision)), lock as Lock, files.lock?.file ?? 'bulletin.lock', new Date(EXAMPLE_NOW));
}

describe('npm run seal', () => {
  it('seals every non-draft revision, after which check passes', () => {
    const dir = contentWith({ [FILE]: ADVISORY });
    expect(sealFindings(dir).map((f) => f.message)).toContain(`revision 1 of ${ID} is not sealed`);
    const r = seal(dir, '--all');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(`sealed ${ID} revision 1`);
    expect(r.stdout).not.toMatch(/EXA-2026-0005/); // a draft
    const lock = JSON.parse(lockText(dir)) as Lock;
    expect(lock.advisories[ID]?.['1']).toMatchObject({ published: '2026-08-20T00:00:00Z', addresses: expect.arrayContaining([`/advisories/CVE-2026-49999/`]) });
    expect(sealFindings(dir)).toEqual([]);
    const c = check(dir, EXAMPLE_NOW);
    expect(c.status, c.output).toBe(0);
  });

  it('gives the same bytes when run again, and says there was nothing to seal', () => {
    const dir = sealedContent();
    const before = lockText(dir);
    const r = seal(dir, ID);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch('nothing to seal');
    expect(lockText(dir)).toBe(before);
  });

  it('refuses an unknown ID and a call without IDs', () => {
    const dir = contentWith({ [FILE]: ADVISORY });
    const r = seal(dir, 'exa-2026-0006');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(`there is no advisory exa-2026-0006\n    fix: did you mean ${ID}?`);
    expect(seal(dir).status).toBe(1);
  });

  it('seals nothing while an advisory file has errors', () => {
    const dir = contentWith({ [FILE]: ADVISORY.replace('number: 1', 'number: one') });
    const before = lockText(dir);
    const r = seal(dir, '--all');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/EXA-2026-0006\.md:\d+: error: revision\.number/);
    expect(r.output).toMatch('nothing was sealed');
    expect(lockText(dir)).toBe(before);
  });

  it('seals nothing while site.yaml cannot be read, since the CSAF address depends on it', () => {
    const site = readFileSync(join(contentWith(), 'site.yaml'), 'utf8');
    const dir = contentWith({ [FILE]: ADVISORY, 'site.yaml': `${site}\ncsaf:\n  tlp: CLEAR\n` });
    const before = lockText(dir);
    const r = seal(dir, '--all');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/site\.yaml has problems \(the addresses a seal records depend on it\); nothing was sealed/);
    expect(r.output).toMatch(/site\.yaml:\d+: error: csaf\.tlp/);
    expect(lockText(dir)).toBe(before);
  });
});

describe('npm run seal with announcements', () => {
  const SLUG = 'lanternfish-0-13-2';
  /** Dated the day before the advisory it names: it publishes with the advisory. */
  const ANNOUNCEMENT = `---
title: Lanternfish 0.13.2 stops logging failed login bodies (${ID})
date: 2026-08-19
advisories:
  - ${ID}@v1
releases:
  - package: lanternfish
    version: 0.13.2
---
Upgrade to 0.13.2 if you run Lanternfish with debug logging.
`;

  it('seals a new announcement with --all, at the later of its date and its advisory\'s, and leaves the other seals as they were', () => {
    const dir = contentWith({ [FILE]: ADVISORY, [`announcements/2026-08-19-${SLUG}.md`]: ANNOUNCEMENT });
    const before = JSON.parse(lockText(dir)) as Lock;
    const r = seal(dir, '--all');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(`sealed ${ID} revision 1`);
    expect(r.stdout).toMatch(`sealed announcement ${SLUG}`);
    const lock = JSON.parse(lockText(dir)) as Lock;
    expect(lock.announcements[SLUG]).toMatchObject({ published: '2026-08-20T00:00:00Z', addresses: [`/announcements/${SLUG}/`, `/announcements/${SLUG}.txt`] });
    expect({ ...lock.announcements, [SLUG]: undefined }).toEqual({ ...before.announcements, [SLUG]: undefined });
    expect(seal(dir, SLUG).stdout).toMatch('nothing to seal');
    const c = check(dir, EXAMPLE_NOW);
    expect(c.status, c.output).toBe(0);
  });
});

describe('a published revision edited in place', () => {
  const edit = (dir: string) => writeFileSync(join(dir, FILE), ADVISORY.replace('Only debug logging', 'Only debug-level logging'));

  it('is refused by seal, with the way out, and the lock stays as it was', () => {
    const dir = sealedContent();
    const before = lockText(dir);
    edit(dir);
    const r = seal(dir, ID);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(`revision 1 of ${ID} was published on 2026-08-20 and is immutable`);
    expect(r.output).toMatch(`npm run revise -- ${ID}`);
    expect(lockText(dir)).toBe(before);
  });

  it('is an error that names the file and says to revise instead', () => {
    const dir = sealedContent();
    edit(dir);
    const findings = sealFindings(dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(`${FILE}$`) });
    expect(findings[0]?.message).toMatch('is immutable, but this file no longer matches its seal');
    expect(findings[0]?.fix).toMatch(`git checkout -- `);
    expect(findings[0]?.fix).toMatch(`npm run revise -- ${ID}`);
  });

  it('fails npm run check, with the way out in the message', () => {
    const dir = sealedContent();
    edit(dir);
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(new RegExp(`${FILE}: error: revision 1 of ${ID} was published on 2026-08-20 and is immutable`));
    expect(r.output).toMatch(`npm run revise -- ${ID}`);
  });
});

describe('npm run revise', () => {
  it('keeps revision N byte for byte and opens N+1 as a draft dated today', () => {
    const dir = sealedContent();
    const lock = lockText(dir);
    const r = revise(dir);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(`npm run seal -- ${ID}`);
    expect(readFileSync(join(dir, `advisories/${ID}/v1.md`), 'utf8')).toBe(ADVISORY);
    const next = readFileSync(join(dir, FILE), 'utf8');
    expect(next).toMatch(/revision:\n {2}number: 2\n {2}date: 2026-09-01\n {2}summary: Describe what changed in this revision\.\ndraft: true\n---\n/);
    expect(next.slice(next.indexOf('\n---\n'))).toBe(ADVISORY.slice(ADVISORY.indexOf('\n---\n')));
    // The move does not disturb the seal, and the draft is not sealed.
    expect(lockText(dir)).toBe(lock);
    expect(sealFindings(dir)).toEqual([]);
    const c = check(dir, EXAMPLE_NOW);
    expect(c.status, c.output).toBe(0);
  });

  it('refuses a draft, an unpublished revision, a kept copy that exists and an unknown ID', () => {
    const dir = sealedContent();
    expect(revise(dir, 'EXA-2026-0005').output).toMatch('is a draft, already open for editing');
    expect(revise(dir, 'EXA-2026-0004').output).toMatch('is not published yet');
    expect(revise(dir, 'EXA-2026-0099').output).toMatch('there is no advisory EXA-2026-0099');
    writeFileSync(join(dir, `advisories/${ID}.md`), ADVISORY.replace('number: 1', 'number: 2').replace('date: 2026-08-20', 'date: 2026-08-25'));
    mkdirSync(join(dir, `advisories/${ID}`));
    writeFileSync(join(dir, `advisories/${ID}/v2.md`), ADVISORY);
    const r = revise(dir);
    expect(r.status).toBe(1);
    expect(r.output).toMatch('v2.md already exists');
  });
});

describe('npm run check --against', () => {
  /** The sealed lock with one change, written to a file of its own: the "target branch". */
  function target(dir: string, change: (lock: Lock) => void): string {
    const lock = JSON.parse(lockText(dir)) as Lock;
    change(lock);
    const file = join(tempDir('target'), 'bulletin.lock');
    writeFileSync(file, JSON.stringify(lock, null, 2));
    return file;
  }
  const against = (dir: string, ref: string) => runScript('check', env(dir), ['--against', ref]);

  it('passes when every published seal and address is still there', () => {
    const dir = sealedContent();
    const r = against(dir, target(dir, () => {}));
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch('none changed, no published address disappeared');
  });

  it('fails when a published seal differs from the target', () => {
    const dir = sealedContent();
    const file = target(dir, (lock) => {
      const seal = lock.advisories[ID]?.['1'];
      if (seal) seal.sha256 = 'f'.repeat(64);
    });
    const r = against(dir, file);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(`error: advisories.${ID}.1: the published seal of revision 1 of ${ID} changed (published on 2026-08-20)`);
    expect(r.output).toMatch(`npm run revise -- ${ID}`);
  });

  it('fails when a published address disappeared', () => {
    const dir = sealedContent();
    const r = against(dir, target(dir, (lock) => lock.advisories[ID]?.['1']?.addresses.push('/advisories/CVE-2026-40000/')));
    expect(r.status).toBe(1);
    expect(r.output).toMatch('published address /advisories/CVE-2026-40000/ disappeared');
  });

  it('ignores what the target had not published yet', () => {
    const dir = sealedContent();
    const r = against(dir, target(dir, (lock) => {
      lock.advisories['EXA-2026-0099'] = { '1': { sha256: 'f'.repeat(64), published: '2026-12-01T00:00:00Z', addresses: ['/advisories/EXA-2026-0099/'] } };
    }));
    expect(r.status, r.output).toBe(0);
  });

  it('refuses a target that is neither a file nor a git ref', () => {
    const r = against(sealedContent(), 'no-such-branch');
    expect(r.status).toBe(1);
    expect(r.output).toMatch('git knows no commit "no-such-branch"');
  });

  it('compares with the merge base of main by default', () => {
    const repo = tempDir('repo');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    const dir = join(repo, 'content');
    cpSync(sealedContent(), dir, { recursive: true });
    git('add', '.');
    git('commit', '-q', '-m', 'Publish EXA-2026-0006');
    git('checkout', '-q', '-b', 'fix');
    // The mistake check exists for: edit the published text, drop the lock and seal everything again.
    writeFileSync(join(dir, FILE), ADVISORY.replace('Only debug logging', 'Only debug-level logging'));
    rmSync(join(dir, 'bulletin.lock'));
    expect(seal(dir, '--all').status).toBe(0);
    const r = check(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/published seals compared with the merge base of HEAD and main \([0-9a-f]{12}\)/);
    expect(r.output).toMatch(`the published seal of revision 1 of ${ID} changed`);
  });

  it('says when there is nothing to compare with', () => {
    const r = check(sealedContent(), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch('published seals not compared: ');
  });
});
