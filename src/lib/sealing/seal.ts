/**
 * The seal (SPEC "The life of an advisory"): `bulletin.lock` records, for every sealed item (an
 * advisory revision, keyed by ID and revision number; an announcement, keyed by slug), the
 * sha256 of its source, its publication time and its addresses. A sealed item whose time has
 * come is published: `seal` refuses to touch it, `check` fails when its text or seal changed or
 * its file disappeared, and the way out is always a new revision (or a follow-up announcement).
 *
 * One mechanism for every kind: a kind describes its items as `Sealable`s (what the item is,
 * the seal it gets, and the words of its messages); `checkItem` and `sealItem` are the one check
 * and the one writer. The lock file itself is in lock.ts. Pure: texts, the lock and "now" come
 * in as parameters.
 */
import type { Lock, Seal } from '../../schemas/lock.ts';
import type { AdvisoryHistory, PublishableRevision, Revision } from '../advisory/history.ts';
import { announcedRevisions, announcementPublication, isAnnouncementPublished, type Announcement } from '../announcement/announcements.ts';
import { formatDate, formatDateTime } from '../common/dates.ts';
import { byCodeUnit } from '../common/order.ts';
import type { Finding } from '../content/findings.ts';
import { CSAF, csafTlpPath, lockAddress } from '../publication/paths.ts';
import { announcementOutputs, csafPlaceOf, revisionOutputs, type CsafPlace } from '../publication/plan.ts';
import type { Site } from '../../schemas/site.ts';
import { isPublished } from '../publication/publication.ts';
import { advisoriesFolder, grownAddresses, isSealPublished, sameSeal, when, type SealResult } from './lock.ts';

/** One item the lock seals, as its kind describes it. */
export interface Sealable {
  draft: boolean;
  sha256: string;
  /** Whether it is published at `now` by its own rule (a seal's own time also freezes it). */
  isPublished(now: Date): boolean;
  /** The seal it gets now, or why it cannot be sealed yet. */
  fresh(): Seal | Finding;
  /** Its published text no longer matches its seal. */
  altered(seal: Seal, now: Date): Finding;
  /** It changed since it was sealed, and is not published: seal it again. */
  changed(): Finding;
  /** It is not sealed. */
  unsealed(): Finding;
  /** Its seal matches but does not record addresses it now publishes (a new export). */
  unrecorded(missing: readonly string[]): Finding;
  /** Its published seal records addresses it would no longer publish; absent where its addresses cannot be known (site.yaml unreadable). */
  vanished?(gone: readonly string[]): Finding;
  /** A seal whose text matches may still be out of date (an announcement's publication time). */
  drift?(seal: Seal): Finding | undefined;
}

/** What `sealItem` decided for one item. */
export type SealStep =
  | { kind: 'unchanged' }
  | { kind: 'sealed'; seal: Seal; /** Only addresses were added (to a published seal). */ grown?: boolean }
  | { kind: 'removed'; why: string }
  | { kind: 'refused'; finding: Finding };

/** An item is immutable once it is published, by its own rule or by the time it was sealed with. */
function isFrozen(item: Sealable, seal: Seal | undefined, now: Date): boolean {
  return item.isPublished(now) || (seal !== undefined && isSealPublished(seal, now));
}

function isFinding(x: Seal | Finding): x is Finding {
  return 'severity' in x;
}

/** Checks one item against its seal: a non-draft sealed, its seal matching, a published one unchanged. */
export function checkItem(item: Sealable, seal: Seal | undefined, now: Date): Finding[] {
  if (item.draft) {
    // A draft is never sealed; only a seal already published makes its place untouchable.
    return seal && isSealPublished(seal, now) && seal.sha256 !== item.sha256 ? [item.altered(seal, now)] : [];
  }
  if (!seal) return [item.unsealed()];
  const frozen = isFrozen(item, seal, now);
  if (seal.sha256 !== item.sha256) return [frozen ? item.altered(seal, now) : item.changed()];
  const drift = frozen ? undefined : item.drift?.(seal);
  if (drift) return [drift];
  const fresh = item.fresh();
  if (isFinding(fresh)) return [];
  // A published address never disappears: what a published seal records must still be published.
  const gone = frozen && item.vanished ? seal.addresses.filter((a) => !fresh.addresses.includes(a)) : [];
  if (gone.length) return [item.vanished!(gone)];
  const missing = fresh.addresses.filter((a) => !seal.addresses.includes(a));
  return missing.length ? [item.unrecorded(missing)] : [];
}

/** Seals one item, refusing to change a published seal. */
export function sealItem(item: Sealable, old: Seal | undefined, now: Date): SealStep {
  if (item.draft) {
    if (old && isSealPublished(old, now)) return old.sha256 !== item.sha256 ? { kind: 'refused', finding: item.altered(old, now) } : { kind: 'unchanged' };
    return old ? { kind: 'removed', why: 'now a draft' } : { kind: 'unchanged' };
  }
  if (old && isFrozen(item, old, now)) {
    // Published: the hash and time stay as they are; a different text is a mistake to undo, not to seal.
    if (old.sha256 !== item.sha256) return { kind: 'refused', finding: item.altered(old, now) };
    // Addresses are append-only: a new output (an export) adds its address, none is ever dropped.
    const fresh = item.fresh();
    const gone = isFinding(fresh) || !item.vanished ? [] : old.addresses.filter((a) => !fresh.addresses.includes(a));
    if (gone.length) return { kind: 'refused', finding: item.vanished!(gone) };
    const addresses = isFinding(fresh) ? old.addresses : grownAddresses(old, fresh);
    return addresses.length === old.addresses.length ? { kind: 'unchanged' } : { kind: 'sealed', seal: { ...old, addresses }, grown: true };
  }
  const fresh = item.fresh();
  if (isFinding(fresh)) return { kind: 'refused', finding: fresh };
  return old && sameSeal(old, fresh) ? { kind: 'unchanged' } : { kind: 'sealed', seal: fresh };
}

/** A lock entry whose item is gone: an error while it is published, else a stale seal to remove. */
function orphan(seal: Seal, now: Date, gone: () => Finding, stale: () => Finding): { published: boolean; finding: Finding } {
  const published = isSealPublished(seal, now);
  return { published, finding: published ? gone() : stale() };
}

// ---------------------------------------------------------------------------------------------
// Advisory revisions

/** The seal a revision gets: its hash, its publication time in UTC, its addresses (the CSAF document's where its place is known). */
export function sealOf(r: PublishableRevision, csaf: CsafPlace | undefined): Seal {
  return { sha256: r.sha256, published: formatDateTime(r.date), addresses: revisionOutputs(r, csaf).map((o) => lockAddress(o.address)) };
}

/** The site.yaml beside the lock (`content/site.yaml`), for messages about its settings. */
function siteFileOf(lockFile: string): string {
  return advisoriesFolder(lockFile).replace(/advisories\/$/, 'site.yaml');
}

/**
 * Why a published seal's addresses would disappear. CSAF documents under another TLP folder mean
 * `csaf.tlp` changed: one finding at site.yaml (the same for every seal, so reported once).
 */
function vanishedAddresses(r: Revision, csaf: CsafPlace, gone: readonly string[], lockFile: string): Finding {
  const here = lockAddress(csafTlpPath(csaf.tlp));
  const prefix = lockAddress(CSAF);
  // `/.well-known/csaf/<tlp>/<year>/<file>`: the TLP folder of each CSAF document among them.
  const folders = [...new Set(gone.map((a) => (a.startsWith(prefix) && /^[a-z]+\/\d{4}\//.test(a.slice(prefix.length)) ? a.slice(prefix.length).split('/')[0] : undefined)))];
  const [label] = folders;
  if (folders.length === 1 && label && lockAddress(csafTlpPath(label)) !== here) {
    return {
      severity: 'error',
      file: siteFileOf(lockFile),
      field: 'csaf.tlp',
      message: `csaf.tlp is ${csaf.tlp}, but published CSAF documents are under ${lockAddress(csafTlpPath(label))}, which the build would no longer publish (the TLP label names the documents' folder)`,
      fix: `set csaf.tlp back to ${label.toUpperCase()} in site.yaml: published addresses never disappear`,
    };
  }
  return {
    severity: 'error',
    file: lockFile,
    field: `advisories.${r.id}.${r.number}.addresses`,
    message: `revision ${r.number} of ${r.id} was published with ${gone.join(', ')}, which the build would no longer publish`,
    fix: `published addresses never disappear: restore what published ${gone.length === 1 ? 'it' : 'them'} (site.yaml's settings, the revision's file), as on the target branch`,
  };
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

/** A revision as the seal sees it; `csaf` is its advisory's CSAF place, unknown while site.yaml cannot be read. */
function sealableRevision(r: Revision, lockFile: string, csaf: CsafPlace | undefined): Sealable {
  return {
    draft: r.draft,
    sha256: r.sha256,
    isPublished: (now) => isPublished(r, now),
    fresh: () => {
      // checkItem and sealItem never ask a draft for its seal.
      if (r.draft) throw new Error(`${r.file}: a draft is never sealed`);
      return sealOf(r, csaf);
    },
    ...(csaf ? { vanished: (gone: readonly string[]) => vanishedAddresses(r, csaf, gone, lockFile) } : {}),
    altered: (seal) => alteredPublished(r, seal),
    changed: () => ({ severity: 'error', file: r.file, message: `revision ${r.number} of ${r.id} changed since it was sealed`, fix: `run: npm run seal -- ${r.id} again` }),
    unsealed: () => ({ severity: 'error', file: r.file, message: `revision ${r.number} of ${r.id} is not sealed`, fix: `run: npm run seal -- ${r.id}, and commit ${lockFile} with it` }),
    unrecorded: (missing) => ({
      severity: 'error',
      file: lockFile,
      field: `advisories.${r.id}.${r.number}.addresses`,
      message: `the seal of revision ${r.number} of ${r.id} does not record ${missing.join(', ')}, which it publishes`,
      fix: `run: npm run seal -- ${r.id} (it adds the addresses and leaves the hash and time as they are), and commit ${lockFile}`,
    }),
  };
}

function missingRevision(id: string, n: number, seal: Seal, history: AdvisoryHistory | undefined, lockFile: string, now: Date) {
  const folder = advisoriesFolder(lockFile);
  const later = history?.revisions.some((r) => r.number > n) ?? false;
  const file = later ? `${folder}${id}/v${n}.md` : `${folder}${id}.md`;
  const field = `advisories.${id}.${n}`;
  return orphan(
    seal,
    now,
    () => ({
      severity: 'error',
      file: lockFile,
      field,
      message: `revision ${n} of ${id} was published on ${when(seal.published)}, but its file is gone`,
      fix: `restore ${file} from git: published revisions are never removed. To retract the advisory, publish a revision that withdraws it (npm run revise -- ${id}, then set withdrawn and withdrawn_reason)`,
    }),
    () => ({
      severity: 'warning',
      file: lockFile,
      field,
      message: `the lock holds a seal for revision ${n} of ${id}, which has no file and is not published`,
      fix: `run: npm run seal -- ${id} to tidy the lock`,
    }),
  );
}

/** Findings without repeats (a changed `csaf.tlp` is the same finding for every seal). */
function once(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.file, f.field, f.message, f.fix]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Checks every revision against the lock: non-drafts sealed, seals matching, published revisions
 * present, published addresses all still published. `failedIds` (from readRevisions) are
 * advisories with a file that could not be read: their seals are not reported as orphaned, since
 * the file's own findings say what is wrong. `site` places the CSAF documents; without it (site.yaml
 * unreadable) their addresses are not compared.
 */
export function checkSeals(
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  lockFile: string,
  now: Date,
  failedIds: ReadonlySet<string> = new Set(),
  site?: Pick<Site, 'csaf'>,
): Finding[] {
  const findings: Finding[] = [];
  for (const h of histories) {
    const seals = lock.advisories[h.id] ?? {};
    const csaf = site && csafPlaceOf(site, h);
    for (const r of h.revisions) findings.push(...checkItem(sealableRevision(r, lockFile, csaf), seals[String(r.number)], now));
  }
  const byId = new Map(histories.map((h) => [h.id, h]));
  for (const id of Object.keys(lock.advisories).sort(byCodeUnit)) {
    if (failedIds.has(id)) continue;
    const history = byId.get(id);
    const numbers = new Set(history?.revisions.map((r) => r.number));
    for (const [n, seal] of Object.entries(lock.advisories[id] ?? {})) {
      if (!numbers.has(Number(n))) findings.push(missingRevision(id, Number(n), seal, history, lockFile, now).finding);
    }
  }
  return once(findings);
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

/** Seals every non-draft revision of the named advisories, refusing to change a published seal. `site` places the CSAF documents (the seal command always gives it). */
export function sealRevisions(
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  ids: readonly string[] | 'all',
  now: Date,
  lockFile = 'content/bulletin.lock',
  site?: Pick<Site, 'csaf'>,
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
    const csaf = site && history && csafPlaceOf(site, history);
    for (const r of history?.revisions ?? []) {
      const n = String(r.number);
      numbers.add(n);
      const step = sealItem(sealableRevision(r, lockFile, csaf), seals[n], now);
      if (step.kind === 'sealed') {
        seals[n] = step.seal;
        result.sealed.push(`${id} revision ${n}${step.grown ? ' (new addresses only)' : ''}`);
      } else if (step.kind === 'removed') {
        delete seals[n];
        result.removed.push(`${id} revision ${n} (${step.why})`);
      } else if (step.kind === 'refused') result.refused.push(step.finding);
    }
    for (const [n, old] of Object.entries(seals)) {
      if (numbers.has(n)) continue;
      const gone = missingRevision(id, Number(n), old, history, lockFile, now);
      if (gone.published) result.refused.push(gone.finding);
      else {
        delete seals[n];
        result.removed.push(`${id} revision ${n} (its file is gone)`);
      }
    }
    if (Object.keys(seals).length) next.advisories[id] = seals;
    else delete next.advisories[id];
  }
  return { ...result, refused: once(result.refused) };
}

// ---------------------------------------------------------------------------------------------
// Announcements: sealed like revisions, keyed by slug, published at the later of their own date
// and every revision they name, and never revised (a correction is a new announcement).

/** Where the lock's announcements folder is (`content/announcements/`). */
function announcementsFolder(lockFile: string): string {
  return advisoriesFolder(lockFile).replace(/advisories\/$/, 'announcements/');
}

/** The seal an announcement gets: its hash, its publication time in UTC (the later of its date and every revision it names), its addresses. */
export function announcementSealOf(a: Announcement, histories: readonly AdvisoryHistory[]): Seal {
  const published = announcementPublication(a, histories);
  return { sha256: a.sha256, published: formatDateTime(published), addresses: announcementOutputs(a.slug, published).map((o) => lockAddress(o.address)) };
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

/** The revisions an announcement names that do not exist or are drafts: its publication time is not known while any is. */
function unresolvedRefs(a: Announcement, histories: readonly AdvisoryHistory[]): string[] {
  const revisions = announcedRevisions(a, histories);
  return a.refs.flatMap((ref, i) => {
    const r = revisions[i];
    const name = `${ref.id}@v${ref.number}`;
    return !r ? [`${name} (no such revision)`] : r.draft ? [`${name} (a draft)`] : [];
  });
}

/** An announcement as the seal sees it. */
function sealableAnnouncement(a: Announcement, histories: readonly AdvisoryHistory[], lockFile: string): Sealable {
  const slug = a.slug;
  return {
    draft: a.draft,
    sha256: a.sha256,
    isPublished: (now) => isAnnouncementPublished(a, histories, now),
    fresh: () => {
      const unresolved = unresolvedRefs(a, histories);
      if (!unresolved.length) return announcementSealOf(a, histories);
      return {
        severity: 'error',
        file: a.file,
        message: `announcement ${slug} names ${unresolved.join(', ')}, so when it publishes is not known yet`,
        fix: `name revisions that exist and are not drafts (npm run check says which), then run npm run seal -- ${slug} again`,
      };
    },
    altered: (seal, now) => alteredPublishedAnnouncement(a, seal, now),
    changed: () => ({ severity: 'error', file: a.file, message: `announcement ${slug} changed since it was sealed`, fix: `run: npm run seal -- ${slug} again` }),
    unsealed: () => ({ severity: 'error', file: a.file, message: `announcement ${slug} is not sealed`, fix: `run: npm run seal -- ${slug}, and commit ${lockFile} with it` }),
    unrecorded: (missing) => ({
      severity: 'error',
      file: lockFile,
      field: `announcements.${slug}.addresses`,
      message: `the seal of announcement ${slug} does not record ${missing.join(', ')}, which it publishes`,
      fix: `run: npm run seal -- ${slug} (it adds the addresses and leaves the hash and time as they are), and commit ${lockFile}`,
    }),
    drift: (seal) => {
      const published = announcementSealOf(a, histories).published;
      if (published === seal.published) return undefined;
      return {
        severity: 'error',
        file: a.file,
        message: `announcement ${slug} was sealed to publish on ${when(seal.published)}, but now publishes on ${when(published)} (the later of its date and the revisions it names)`,
        fix: `run: npm run seal -- ${slug} again`,
      };
    },
  };
}

function missingAnnouncement(slug: string, seal: Seal, lockFile: string, now: Date) {
  const folder = announcementsFolder(lockFile);
  const field = `announcements.${slug}`;
  return orphan(
    seal,
    now,
    () => ({
      severity: 'error',
      file: lockFile,
      field,
      message: `announcement ${slug} was published on ${when(seal.published)}, but its file is gone`,
      fix: `restore ${folder}<date>-${slug}.md from git (git log -- ${folder} names it): published announcements are never removed. To correct one, publish a follow-up announcement`,
    }),
    () => ({
      severity: 'warning',
      file: lockFile,
      field,
      message: `the lock holds a seal for announcement ${slug}, which has no file and is not published`,
      fix: `run: npm run seal -- ${slug} to tidy the lock`,
    }),
  );
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
    findings.push(...checkItem(sealableAnnouncement(a, histories, lockFile), lock.announcements[slug], now));
  }
  for (const slug of Object.keys(lock.announcements).sort(byCodeUnit)) {
    if (slugs.has(slug) || failedSlugs.has(slug)) continue;
    findings.push(missingAnnouncement(slug, lock.announcements[slug] as Seal, lockFile, now).finding);
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
      const gone = missingAnnouncement(slug, old, lockFile, now);
      if (gone.published) result.refused.push(gone.finding);
      else {
        delete next.announcements[slug];
        result.removed.push(`announcement ${slug} (its file is gone)`);
      }
      continue;
    }
    const step = sealItem(sealableAnnouncement(a, histories, lockFile), old, now);
    if (step.kind === 'sealed') {
      next.announcements[slug] = step.seal;
      result.sealed.push(`announcement ${slug}${step.grown ? ' (new addresses only)' : ''}`);
    } else if (step.kind === 'removed') {
      delete next.announcements[slug];
      result.removed.push(`announcement ${slug} (${step.why})`);
    } else if (step.kind === 'refused') result.refused.push(step.finding);
  }
  return result;
}

/** The named advisories whose newest revision is a draft: seal refuses them, since a draft is never published. */
export function draftRefusals(histories: readonly AdvisoryHistory[], ids: readonly string[]): Finding[] {
  const byId = new Map(histories.map((h) => [h.id, h]));
  return ids.flatMap((id) => {
    const newest = byId.get(id)?.revisions.at(-1);
    if (!newest?.draft) return [];
    return [{
      severity: 'error' as const,
      file: newest.file,
      field: 'draft',
      message: `${id} revision ${newest.number} is a draft, so it was not sealed and will not be published`,
      fix: `when it is ready, set revision.date to when it should publish, remove "draft: true", then run npm run seal -- ${id}`,
    }];
  });
}

/** For each just-sealed revision whose date has passed: a plain note that sealing publishes it at the next build. */
export function publishesNowNotes(histories: readonly AdvisoryHistory[], sealed: readonly string[], now: Date): string[] {
  const revisions = new Map(histories.flatMap((h) => h.revisions.map((r): [string, Revision] => [`${r.id} revision ${r.number}`, r])));
  return sealed.flatMap((name) => {
    const r = revisions.get(name);
    if (!r || r.draft || r.date.getTime() > now.getTime()) return [];
    return [`${name} is dated ${r.front.revision.date}, which has passed: sealing publishes it now (at the next build of main); to publish later, set a future revision.date and seal again before merging`];
  });
}
