/**
 * Announcements in the seal: sealed like revisions, keyed by slug, published at the later of
 * their own date and every revision they name, and never revised (a correction is a new
 * announcement). Pure.
 */
import type { Lock, Seal } from '../../schemas/lock.ts';
import type { AdvisoryHistory } from '../advisory/history.ts';
import { announcedRevisions, announcementPublication, isAnnouncementPublished, type Announcement } from '../announcement/announcements.ts';
import { lockAddress } from '../publication/paths.ts';
import { announcementOutputs } from '../publication/plan.ts';
import { formatDate, formatDateTime } from '../common/dates.ts';
import type { Finding } from '../content/findings.ts';
import { byCodeUnit } from '../common/order.ts';
import { advisoriesFolder, emptyLock, isSealPublished, sameSeal, when, type SealResult } from './lock.ts';

/** Where the lock's announcements folder is (`content/announcements/`). */
function announcementsFolder(lockFile: string): string {
  return advisoriesFolder(lockFile).replace(/advisories\/$/, 'announcements/');
}

/** The seal an announcement gets: its hash, its publication time in UTC (the later of its date and every revision it names), its addresses. */
export function announcementSealOf(a: Announcement, histories: readonly AdvisoryHistory[]): Seal {
  const published = announcementPublication(a, histories);
  return { sha256: a.sha256, published: formatDateTime(published), addresses: announcementOutputs(a.slug, published).map((o) => lockAddress(o.address)) };
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
