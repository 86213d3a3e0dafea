/**
 * The seal (SPEC "The life of an advisory"): `bulletin.lock` records, per advisory and revision
 * number (and per announcement), the sha256 of the source, its publication time and its
 * addresses. A sealed revision whose time has come is published: `seal` refuses to touch it,
 * `check` fails when its text or seal changed or one of its addresses disappeared, and the way
 * out is always a new revision (for an announcement, a follow-up announcement).
 * Pure: texts, the lock and "now" come in as parameters.
 */
import { isScalar, parseDocument } from 'yaml';
import { lockSchema, type Lock, type Seal } from '../schemas/lock.ts';
import { normaliseSource, revisionAddresses, type AdvisoryHistory, type Revision } from './advisory.ts';
import { announcedRevisions, announcementAddresses, announcementPublication, isAnnouncementPublished, type Announcement } from './announcements.ts';
import { formatDate, formatDateTime } from './dates.ts';
import type { Finding } from './findings.ts';
import { isPublished } from './publication.ts';
import { parseYaml, zodFindings, type SourceFile } from './source.ts';

/** The summary a freshly opened revision carries until the maintainer writes one. */
export const REVISION_SUMMARY_PLACEHOLDER = 'Describe what changed in this revision.';

/** A lock with nothing sealed: what a content folder without `bulletin.lock` has. */
export function emptyLock(): Lock {
  return { lockfile: 1, advisories: {}, announcements: {} };
}

function lineAtOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The line of a JSON.parse error: from its position, else from the text it quotes, else the last line. */
function jsonErrorLine(text: string, message: string): number {
  const at = /\(line (\d+) column \d+\)/.exec(message);
  if (at) return Number(at[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return lineAtOffset(text, Number(position[1]));
  // V8 quotes up to 10 characters either side of an unexpected token instead of a position.
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const start = quoted?.[3] ? text.indexOf(quoted[3]) : -1;
  if (quoted && start >= 0) return lineAtOffset(text, start + (quoted[2] ? 10 : Math.max(0, (quoted[3] ?? '').indexOf(quoted[1] ?? ''))));
  return text.trimEnd().split('\n').length;
}

/** Reads `bulletin.lock`: JSON syntax errors name their line, schema errors their field. */
export function parseLock(src: SourceFile): { lock?: Lock; findings: Finding[] } {
  const recover = `restore it from git (git checkout -- ${src.file}), or delete it, then run npm run seal -- --all`;
  const problem = (line: number | undefined, message: string, fix = recover): { findings: Finding[] } => ({
    findings: [{ severity: 'error', file: src.file, line, message, fix }],
  });
  const text = normaliseSource(src.text);
  const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    return problem(
      lineAtOffset(text, conflict.index),
      'the lock has unresolved merge conflict markers',
      `take the target branch's lock (git checkout main -- ${src.file}), then run npm run seal -- --all to seal this branch's revisions again`,
    );
  }
  if (!text.trim()) return problem(1, 'the lock is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '');
    return problem(jsonErrorLine(text, message), `the lock is not valid JSON: ${what}`);
  }
  // JSON is YAML 1.2, so the YAML parser gives every field its line for schema findings.
  const positions = parseYaml({ file: src.file, text });
  const result = lockSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { findings: zodFindings(positions, result.error) };
  return { lock: result.data, findings: [] };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedSeal(s: Seal): Seal {
  return { sha256: s.sha256, published: s.published, addresses: [...s.addresses] };
}

/** The lock as bytes: keys sorted (revision numbers numerically), 2-space indent, final newline. */
export function serializeLock(lock: Lock): string {
  const advisories = Object.fromEntries(
    Object.keys(lock.advisories)
      .sort(byCodeUnit)
      .map((id) => {
        const revisions = lock.advisories[id] ?? {};
        const numbers = Object.keys(revisions).sort((a, b) => Number(a) - Number(b));
        return [id, Object.fromEntries(numbers.map((n) => [n, sortedSeal(revisions[n] as Seal)]))];
      }),
  );
  const announcements = Object.fromEntries(
    Object.keys(lock.announcements)
      .sort(byCodeUnit)
      .map((slug) => [slug, sortedSeal(lock.announcements[slug] as Seal)]),
  );
  return `${JSON.stringify({ lockfile: 1, advisories, announcements }, null, 2)}\n`;
}

/** The seal a revision gets: its hash, its publication time in UTC, its addresses. */
export function sealOf(r: Revision): Seal {
  return { sha256: r.sha256, published: formatDateTime(r.date), addresses: revisionAddresses(r) };
}

function sealTime(s: Seal): number {
  return Date.parse(s.published);
}

/** Whether a seal's publication time has come. */
export function isSealPublished(s: Seal, now: Date): boolean {
  return sealTime(s) <= now.getTime();
}

/** A revision is immutable once it is published, by its own date or by the date it was sealed with. */
function isFrozen(r: Revision, seal: Seal | undefined, now: Date): boolean {
  return isPublished(r, now) || (seal !== undefined && isSealPublished(seal, now));
}

/** `2026-05-04`, or `2026-05-04T14:00:00Z` when the time of day matters. */
function when(published: string): string {
  return published.endsWith('T00:00:00Z') ? published.slice(0, 10) : published;
}

/** Where the lock's advisories folder is, for messages about missing files (`content/advisories/`). */
function advisoriesFolder(lockFile: string): string {
  const slash = lockFile.lastIndexOf('/');
  return `${slash >= 0 ? lockFile.slice(0, slash + 1) : ''}advisories/`;
}

function alteredPublished(r: Revision, seal: Seal): Finding {
  const restore = `restore the published text (git checkout -- ${r.file}, or take the file from the main branch if the change is committed)`;
  return {
    severity: 'error',
    file: r.file,
    message: `revision ${r.number} of ${r.id} was published on ${when(seal.published)} and is immutable, but this file no longer matches its seal`,
    fix: r.newest
      ? `${restore}, then publish the change as a new revision: run npm run revise -- ${r.id} and edit the new revision`
      : `${restore}: earlier revisions are never edited. To correct the advisory, edit its newest revision if it is a draft, else run npm run revise -- ${r.id} and edit the new one`,
  };
}

function missingFile(id: string, n: number, seal: Seal, history: AdvisoryHistory | undefined, lockFile: string, now: Date): Finding {
  const folder = advisoriesFolder(lockFile);
  const later = history?.revisions.some((r) => r.number > n) ?? false;
  const file = later ? `${folder}${id}/v${n}.md` : `${folder}${id}.md`;
  const field = `advisories.${id}.${n}`;
  if (isSealPublished(seal, now)) {
    return {
      severity: 'error',
      file: lockFile,
      field,
      message: `revision ${n} of ${id} was published on ${when(seal.published)}, but its file is gone`,
      fix: `restore ${file} from git: published revisions are never removed. To retract the advisory, publish a revision that withdraws it (npm run revise -- ${id}, then set withdrawn and withdrawn_reason)`,
    };
  }
  return {
    severity: 'warning',
    file: lockFile,
    field,
    message: `the lock holds a seal for revision ${n} of ${id}, which has no file and is not published`,
    fix: `run: npm run seal -- ${id} to tidy the lock`,
  };
}

/**
 * Checks every revision against the lock: non-drafts sealed, seals matching, published revisions
 * present. `failedIds` (from readRevisions) are advisories with a file that could not be read:
 * their seals are not reported as orphaned, since the file's own findings say what is wrong.
 */
export function checkSeals(histories: readonly AdvisoryHistory[], lock: Lock, lockFile: string, now: Date, failedIds: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  for (const h of histories) {
    const seals = lock.advisories[h.id] ?? {};
    for (const r of h.revisions) {
      const seal = seals[String(r.number)];
      if (r.draft) {
        // A draft is never sealed; only a seal already published makes its number untouchable.
        if (seal && isSealPublished(seal, now) && seal.sha256 !== r.sha256) findings.push(alteredPublished(r, seal));
        continue;
      }
      if (!seal) {
        findings.push({ severity: 'error', file: r.file, message: `revision ${r.number} of ${r.id} is not sealed`, fix: `run: npm run seal -- ${r.id}, and commit ${lockFile} with it` });
      } else if (seal.sha256 !== r.sha256) {
        if (isFrozen(r, seal, now)) findings.push(alteredPublished(r, seal));
        else {
          findings.push({
            severity: 'error',
            file: r.file,
            message: `revision ${r.number} of ${r.id} changed since it was sealed`,
            fix: `run: npm run seal -- ${r.id} again`,
          });
        }
      }
    }
  }
  const byId = new Map(histories.map((h) => [h.id, h]));
  for (const id of Object.keys(lock.advisories).sort(byCodeUnit)) {
    if (failedIds.has(id)) continue;
    const history = byId.get(id);
    const numbers = new Set(history?.revisions.map((r) => r.number));
    for (const [n, seal] of Object.entries(lock.advisories[id] ?? {})) {
      if (!numbers.has(Number(n))) findings.push(missingFile(id, Number(n), seal, history, lockFile, now));
    }
  }
  return findings;
}

interface LockEntry {
  /** `revision 2 of EXA-2026-0001`, `announcement 2026-05-lanternfish-0-12-4`. */
  label: string;
  /** The entry's path in the lock (`advisories.EXA-2026-0001.2`). */
  field: string;
  /** The advisory ID, for revisions. */
  id?: string;
  seal: Seal;
}

function entriesOf(lock: Lock): LockEntry[] {
  const revisions = Object.keys(lock.advisories)
    .sort(byCodeUnit)
    .flatMap((id) =>
      Object.entries(lock.advisories[id] ?? {}).map(([n, seal]) => ({ label: `revision ${n} of ${id}`, field: `advisories.${id}.${n}`, id, seal })),
    );
  const announcements = Object.keys(lock.announcements)
    .sort(byCodeUnit)
    .map((slug) => ({ label: `announcement ${slug}`, field: `announcements.${slug}`, seal: lock.announcements[slug] as Seal }));
  return [...revisions, ...announcements];
}

/** Compares the lock with the target branch's: published seals unchanged, published addresses all still there. */
export function checkAgainst(current: Lock, target: Lock, now: Date, lockFile: string): Finding[] {
  const findings: Finding[] = [];
  const currentEntries = entriesOf(current);
  const byField = new Map(currentEntries.map((e) => [e.field, e.seal]));
  const present = new Set(currentEntries.flatMap((e) => e.seal.addresses));
  const reported = new Set<string>();
  for (const e of entriesOf(target)) {
    if (!isSealPublished(e.seal, now)) continue;
    const seal = byField.get(e.field);
    const instead = e.id
      ? `publish the change as a new revision instead (npm run revise -- ${e.id}, edit it, npm run seal -- ${e.id})`
      : 'publish a new announcement instead';
    if (!seal || seal.sha256 !== e.seal.sha256) {
      findings.push({
        severity: 'error',
        file: lockFile,
        field: e.field,
        message: `the published seal of ${e.label} ${seal ? 'changed' : 'is gone'} (published on ${when(e.seal.published)})`,
        fix: `published texts are immutable: restore its file and its entry in ${lockFile} as they are on the target branch, and ${instead}`,
      });
    }
    for (const address of e.seal.addresses) {
      if (present.has(address) || reported.has(address)) continue;
      reported.add(address);
      findings.push({
        severity: 'error',
        file: lockFile,
        field: `${e.field}.addresses`,
        message: `published address ${address} disappeared (published by ${e.label} on ${when(e.seal.published)})`,
        fix: `published addresses never disappear: restore the alias or revision that published it, and its entry in ${lockFile}`,
      });
    }
  }
  return findings;
}

export interface SealResult {
  /** The new lock (the input lock is not changed). */
  lock: Lock;
  /** What was sealed or sealed again: `EXA-2026-0001 revision 2`. */
  sealed: string[];
  /** Stale seals removed: unpublished revisions that became drafts or lost their file. */
  removed: string[];
  /** What seal would not do, with why and what to do instead. */
  refused: Finding[];
}

function sameSeal(a: Seal, b: Seal): boolean {
  return a.sha256 === b.sha256 && a.published === b.published && a.addresses.join('\n') === b.addresses.join('\n');
}

function unknownAdvisory(id: string, known: readonly string[], lockFile: string): Finding {
  const twin = known.find((k) => k.toLowerCase() === id.toLowerCase());
  return {
    severity: 'error',
    file: `${advisoriesFolder(lockFile)}${id}.md`,
    message: `there is no advisory ${id}`,
    fix: twin
      ? `did you mean ${twin}? IDs keep their exact case: npm run seal -- ${twin}`
      : `give the ID of an advisory (its file name without .md), or --all to seal every advisory`,
  };
}

/** Seals every non-draft revision of the named advisories, refusing to change a published seal. */
export function sealRevisions(
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  ids: readonly string[] | 'all',
  now: Date,
  lockFile = 'content/bulletin.lock',
): SealResult {
  const next: Lock = structuredClone(lock);
  const result: SealResult = { lock: next, sealed: [], removed: [], refused: [] };
  const byId = new Map(histories.map((h) => [h.id, h]));
  const wanted = ids === 'all' ? [...new Set([...byId.keys(), ...Object.keys(lock.advisories)])].sort(byCodeUnit) : [...new Set(ids)];
  for (const id of wanted) {
    const history = byId.get(id);
    const seals = { ...(next.advisories[id] ?? {}) };
    if (!history && !next.advisories[id]) {
      result.refused.push(unknownAdvisory(id, [...byId.keys()], lockFile));
      continue;
    }
    const numbers = new Set<string>();
    for (const r of history?.revisions ?? []) {
      const n = String(r.number);
      numbers.add(n);
      const old = seals[n];
      if (r.draft) {
        if (old && isSealPublished(old, now)) {
          if (old.sha256 !== r.sha256) result.refused.push(alteredPublished(r, old));
        } else if (old) {
          delete seals[n];
          result.removed.push(`${id} revision ${n} (now a draft)`);
        }
        continue;
      }
      const fresh = sealOf(r);
      if (old && sameSeal(old, fresh)) continue;
      if (old && isFrozen(r, old, now)) {
        // Published: the seal stays as it is; a different text is a mistake to undo, not to seal.
        if (old.sha256 !== fresh.sha256) result.refused.push(alteredPublished(r, old));
        continue;
      }
      seals[n] = fresh;
      result.sealed.push(`${id} revision ${n}`);
    }
    for (const [n, old] of Object.entries(seals)) {
      if (numbers.has(n)) continue;
      if (isSealPublished(old, now)) result.refused.push(missingFile(id, Number(n), old, history, lockFile, now));
      else {
        delete seals[n];
        result.removed.push(`${id} revision ${n} (its file is gone)`);
      }
    }
    if (Object.keys(seals).length) next.advisories[id] = seals;
    else delete next.advisories[id];
  }
  return result;
}

// Announcements: sealed like revisions, keyed by slug, never revised.

/** Where the lock's announcements folder is (`content/announcements/`). */
function announcementsFolder(lockFile: string): string {
  return advisoriesFolder(lockFile).replace(/advisories\/$/, 'announcements/');
}

/** The seal an announcement gets: its hash, its publication time in UTC (the later of its date and every revision it names), its addresses. */
export function announcementSealOf(a: Announcement, histories: readonly AdvisoryHistory[]): Seal {
  return { sha256: a.sha256, published: formatDateTime(announcementPublication(a, histories)), addresses: announcementAddresses(a.slug) };
}

/** An announcement is immutable once it is published, by its own rule or by the time it was sealed with. */
function isAnnouncementFrozen(a: Announcement, histories: readonly AdvisoryHistory[], seal: Seal | undefined, now: Date): boolean {
  return isAnnouncementPublished(a, histories, now) || (seal !== undefined && isSealPublished(seal, now));
}

function alteredPublishedAnnouncement(a: Announcement, seal: Seal, now: Date): Finding {
  const folder = a.file.replace(/[^/]*$/, '');
  return {
    severity: 'error',
    file: a.file,
    message: `announcement ${a.slug} was published on ${when(seal.published)} and is immutable, but this file no longer matches its seal`,
    fix: `restore the published text (git checkout -- ${a.file}, or take the file from the main branch if the change is committed). Announcements are never revised: to correct or add to it, publish a follow-up announcement in a new file, e.g. ${folder}${formatDate(now)}-${a.slug}-update.md`,
  };
}

function missingAnnouncement(slug: string, seal: Seal, lockFile: string, now: Date): Finding {
  const folder = announcementsFolder(lockFile);
  const field = `announcements.${slug}`;
  if (isSealPublished(seal, now)) {
    return {
      severity: 'error',
      file: lockFile,
      field,
      message: `announcement ${slug} was published on ${when(seal.published)}, but its file is gone`,
      fix: `restore ${folder}<date>-${slug}.md from git (git log -- ${folder} names it): published announcements are never removed. To correct one, publish a follow-up announcement`,
    };
  }
  return {
    severity: 'warning',
    file: lockFile,
    field,
    message: `the lock holds a seal for announcement ${slug}, which has no file and is not published`,
    fix: `run: npm run seal -- ${slug} to tidy the lock`,
  };
}

function sharedSlug(a: Announcement, first: Announcement): Finding {
  return {
    severity: 'error',
    file: a.file,
    message: `the slug "${a.slug}" is also used by ${first.file}, so neither can be sealed`,
    fix: `give this announcement a slug of its own, e.g. rename the file to ${formatDate(a.date)}-${a.slug}-update.md`,
  };
}

/** Announcements by slug, files in order: more than one under a slug is an error checkAnnouncements reports. */
function bySlug(announcements: readonly Announcement[]): Map<string, Announcement[]> {
  const map = new Map<string, Announcement[]>();
  for (const a of [...announcements].sort((x, y) => byCodeUnit(x.file, y.file))) map.set(a.slug, [...(map.get(a.slug) ?? []), a]);
  return map;
}

/**
 * Checks every announcement against the lock, as checkSeals does revisions: non-drafts sealed,
 * seals matching (text and publication time), published announcements present. `failedSlugs`
 * (from readAnnouncements) are announcements whose file could not be read: their seals are left
 * to that file's findings, as are the seals of a slug two files share.
 */
export function checkAnnouncementSeals(
  announcements: readonly Announcement[],
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  lockFile: string,
  now: Date,
  failedSlugs: ReadonlySet<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const slugs = bySlug(announcements);
  for (const [slug, list] of slugs) {
    const a = list[0];
    if (!a || list.length > 1) continue;
    const seal = lock.announcements[slug];
    if (a.draft) {
      // A draft is never sealed; only a seal already published makes its slug untouchable.
      if (seal && isSealPublished(seal, now) && seal.sha256 !== a.sha256) findings.push(alteredPublishedAnnouncement(a, seal, now));
      continue;
    }
    if (!seal) {
      findings.push({ severity: 'error', file: a.file, message: `announcement ${slug} is not sealed`, fix: `run: npm run seal -- ${slug}, and commit ${lockFile} with it` });
      continue;
    }
    const frozen = isAnnouncementFrozen(a, histories, seal, now);
    if (seal.sha256 !== a.sha256) {
      if (frozen) findings.push(alteredPublishedAnnouncement(a, seal, now));
      else findings.push({ severity: 'error', file: a.file, message: `announcement ${slug} changed since it was sealed`, fix: `run: npm run seal -- ${slug} again` });
      continue;
    }
    const published = announcementSealOf(a, histories).published;
    if (!frozen && published !== seal.published) {
      findings.push({
        severity: 'error',
        file: a.file,
        message: `announcement ${slug} was sealed to publish on ${when(seal.published)}, but now publishes on ${when(published)} (the later of its date and the revisions it names)`,
        fix: `run: npm run seal -- ${slug} again`,
      });
    }
  }
  for (const slug of Object.keys(lock.announcements).sort(byCodeUnit)) {
    if (slugs.has(slug) || failedSlugs.has(slug)) continue;
    findings.push(missingAnnouncement(slug, lock.announcements[slug] as Seal, lockFile, now));
  }
  return findings;
}

function unknownAnnouncement(name: string, known: readonly Announcement[], lockFile: string): Finding {
  const folder = announcementsFolder(lockFile);
  const stem = (a: Announcement) => a.file.replace(/^.*\//, '').replace(/\.md$/, '');
  const twin = known.find((a) => a.slug === name.toLowerCase() || stem(a) === name.toLowerCase());
  const example = known[0];
  return {
    severity: 'error',
    file: folder,
    message: `there is no announcement ${name}`,
    fix: twin
      ? `did you mean ${twin.slug}? npm run seal -- ${twin.slug}`
      : `give an announcement's slug, its file name without the date and .md (${example ? `${example.slug} for ${example.file.replace(/^.*\//, '')}` : 'fixes-0-13-3 for 2026-08-04-fixes-0-13-3.md'}), or an advisory ID, or --all to seal everything`,
  };
}

/** The revisions an announcement names that do not exist or are drafts: its publication time is not known while any is. */
function unresolvedRefs(a: Announcement, histories: readonly AdvisoryHistory[]): string[] {
  const revisions = announcedRevisions(a, histories);
  return a.refs.flatMap((ref, i) => {
    const r = revisions[i];
    const name = `${ref.id}@v${ref.number}`;
    return !r ? [`${name} (no such revision)`] : r.draft ? [`${name} (a draft)`] : [];
  });
}

/**
 * Seals the named announcements (by slug, or by file name without .md), or all of them: each
 * non-draft gets its hash, its publication time and its addresses. A published seal never
 * changes; an announcement naming a revision that does not exist or is a draft is refused, since
 * its publication time is not known yet.
 */
export function sealAnnouncements(
  announcements: readonly Announcement[],
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  which: readonly string[] | 'all',
  now: Date,
  lockFile = 'content/bulletin.lock',
): SealResult {
  const next: Lock = structuredClone(lock);
  const result: SealResult = { lock: next, sealed: [], removed: [], refused: [] };
  const slugs = bySlug(announcements);
  const stems = new Map(announcements.map((a) => [a.file.replace(/^.*\//, '').replace(/\.md$/, ''), a.slug]));
  const wanted: string[] = [];
  if (which === 'all') wanted.push(...new Set([...slugs.keys(), ...Object.keys(lock.announcements)].sort(byCodeUnit)));
  for (const name of which === 'all' ? [] : which) {
    const slug = slugs.has(name) || lock.announcements[name] ? name : stems.get(name);
    if (slug === undefined) result.refused.push(unknownAnnouncement(name, announcements, lockFile));
    else if (!wanted.includes(slug)) wanted.push(slug);
  }
  for (const slug of wanted) {
    const [a, ...others] = slugs.get(slug) ?? [];
    const old = next.announcements[slug];
    if (a && others.length) {
      result.refused.push(...others.map((o) => sharedSlug(o, a)));
      continue;
    }
    if (!a) {
      if (!old) continue;
      if (isSealPublished(old, now)) result.refused.push(missingAnnouncement(slug, old, lockFile, now));
      else {
        delete next.announcements[slug];
        result.removed.push(`announcement ${slug} (its file is gone)`);
      }
      continue;
    }
    if (a.draft) {
      if (old && isSealPublished(old, now)) {
        if (old.sha256 !== a.sha256) result.refused.push(alteredPublishedAnnouncement(a, old, now));
      } else if (old) {
        delete next.announcements[slug];
        result.removed.push(`announcement ${slug} (now a draft)`);
      }
      continue;
    }
    if (old && isAnnouncementFrozen(a, histories, old, now)) {
      // Published: the seal stays as it is; a different text is a mistake to undo, not to seal.
      if (old.sha256 !== a.sha256) result.refused.push(alteredPublishedAnnouncement(a, old, now));
      continue;
    }
    const unresolved = unresolvedRefs(a, histories);
    if (unresolved.length) {
      result.refused.push({
        severity: 'error',
        file: a.file,
        message: `announcement ${slug} names ${unresolved.join(', ')}, so when it publishes is not known yet`,
        fix: `name revisions that exist and are not drafts (npm run check says which), then run npm run seal -- ${slug} again`,
      });
      continue;
    }
    const fresh = announcementSealOf(a, histories);
    if (old && sameSeal(old, fresh)) continue;
    next.announcements[slug] = fresh;
    result.sealed.push(`announcement ${slug}`);
  }
  return result;
}

/**
 * The text of `<ID>.md` opening revision `next.number` as a draft: same fields, comments and body,
 * with the new number, date and a placeholder summary; `modified` is dropped (it is derived from
 * the new date). `withdrawn` stays: it names the revision that withdrew the advisory.
 */
export function reviseSource(text: string, next: { number: number; date: string }): string {
  const source = normaliseSource(text);
  const m = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(source);
  if (!m) throw new Error('the file has no front matter between two "---" lines');
  const doc = parseDocument(m[1] ?? '');
  if (doc.errors.length) throw new Error(`the front matter cannot be read: ${doc.errors[0]?.message.split('\n')[0]}`);
  const replace = (path: string[], value: unknown) => {
    doc.setIn(path, value);
    // A comment beside the old value described the old value.
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.comment = undefined;
  };
  replace(['revision', 'number'], next.number);
  replace(['revision', 'date'], next.date);
  replace(['revision', 'summary'], REVISION_SUMMARY_PLACEHOLDER);
  replace(['draft'], true);
  doc.deleteIn(['modified']);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${source.slice(m[0].length)}`;
}
