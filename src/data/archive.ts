/**
 * The archive as pages need it: one entry per advisory page, revision page, alias, year,
 * rating and release line, plus the security page's latest list and response record. Built
 * only from getPublished / getPublishedViews / viewRevision (the one filter, SPEC rule 1): a
 * revision that is not in `advisory.revisions` is never listed, linked or counted here.
 */
import { once } from './once.ts';
import type { Revision } from '../lib/advisory/history.ts';
import type { LineRow } from '../lib/advisory/affected-view.ts';
import { addDays } from '../lib/common/dates.ts';
import type { SupportRow } from '../lib/policy/policy.ts';
import type { PublishedAdvisory } from '../lib/publication/publication.ts';
import type { ResponseRecord } from '../lib/advisory/response.ts';
import { changedFields, textDiff, type DiffPart, type FieldChange } from '../lib/advisory/revision-diff.ts';
import { RATING_ORDER, ratingName } from '../lib/advisory/severity.ts';
import type { RatingSlug } from '../lib/publication/paths.ts';
import { getPublished, getPublishedViews, viewRevision, type AdvisorySummary, type RevisionView } from './advisories.ts';
import { getPlan, getPolicyModel, now } from './content.ts';


/** One row of an archive table (index, year, rating, security page). */
export interface ArchiveEntry {
  id: string;
  aliases: string[];
  title: string;
  rating: RatingSlug;
  /** "Critical 9.8", or "Not rated". */
  ratingText: string;
  /** "lanternfish 0.12", ... from the current revision at this build's now. */
  affectedLines: string[];
  published: Date;
  updated: Date;
  withdrawn: boolean;
  year: number;
}

/** The changes a revision made to the one before it. */
export interface RevisionChanges {
  from: Revision;
  fields: FieldChange[];
  text: DiffPart[];
}

/** Everything one advisory page or revision page shows. */
export interface RevisionPage {
  advisory: PublishedAdvisory;
  /** The view of the revision this page shows. */
  view: RevisionView;
  /** Whether this is the advisory's newest published revision. */
  isCurrent: boolean;
  /** The diff from the previous published revision, where there is one. */
  changes?: RevisionChanges;
}

/** An alias address and the advisory it leads to. */
export interface AliasPage {
  alias: string;
  id: string;
  title: string;
}

/** One release line's page: its support window and the advisories that affect it. */
export interface LinePage {
  window: SupportRow;
  advisories: { entry: ArchiveEntry; row: LineRow }[];
}

/** "Critical 9.8" or "Not rated": the rating in words with its score. */
export function ratingText(view: RevisionView): string {
  const p = view.severity.primary;
  return p ? `${ratingName(p.rating)} ${p.score.toFixed(1)}` : ratingName('not-rated');
}

function entryOf({ advisory, view }: AdvisorySummary): ArchiveEntry {
  return {
    id: advisory.id,
    aliases: advisory.aliases,
    title: advisory.current.front.summary,
    rating: view.severity.rating,
    ratingText: ratingText(view),
    affectedLines: view.affected.affectedLines,
    published: advisory.published,
    updated: advisory.modified,
    withdrawn: advisory.withdrawn,
    year: advisory.published.getUTCFullYear(),
  };
}

/** Every published advisory as an archive row, newest first. */
export const getArchive: () => Promise<ArchiveEntry[]> = once(async () => {
  return (await getPublishedViews()).map(entryOf);
});

/** The newest `count` published advisories. */
export async function getLatest(count: number): Promise<ArchiveEntry[]> {
  return (await getArchive()).slice(0, count);
}

function changesOf(revisions: readonly Revision[], index: number): RevisionChanges | undefined {
  const from = index > 0 ? revisions[index - 1] : undefined;
  const to = revisions[index];
  if (!from || !to) return undefined;
  return { from, fields: changedFields(from.front, to.front), text: textDiff(from.body, to.body) };
}

/** One page per published revision of every published advisory (`/advisories/<ID>/v<N>/`). */
export const getRevisionPages: () => Promise<RevisionPage[]> = once(async () => {
  const pages: RevisionPage[] = [];
  for (const advisory of await getPublished()) {
    for (const [i, r] of advisory.revisions.entries()) {
      pages.push({ advisory, view: await viewRevision(r), isCurrent: r === advisory.current, changes: changesOf(advisory.revisions, i) });
    }
  }
  return pages;
});

/** One page per published advisory, showing its newest published revision (`/advisories/<ID>/`). */
export async function getAdvisoryPages(): Promise<RevisionPage[]> {
  return (await getRevisionPages()).filter((p) => p.isCurrent);
}

/** Every alias any published revision carried, with the advisory it leads to. */
export const getAliasPages: () => Promise<AliasPage[]> = once(async () => {
  return (await getPublished()).flatMap((a) => a.aliases.map((alias) => ({ alias, id: a.id, title: a.current.front.summary })));
});

/** The years that have advisories (by first publication, UTC), newest first. */
export const getYears: () => Promise<number[]> = once(async () => {
  return [...new Set((await getArchive()).map((e) => e.year))].sort((a, b) => b - a);
});

/**
 * Every rating, most severe first: each has its page even while empty, so a published address
 * never disappears when an advisory's rating changes.
 */
export async function getRatings(): Promise<RatingSlug[]> {
  return [...RATING_ORDER];
}

/** Every released line with the advisories whose current revision affects it (withdrawn ones left out). */
export const getLinePages: () => Promise<LinePage[]> = once(async () => {
  const model = await getPolicyModel();
  const views = (await getPublishedViews()).filter((s) => !s.advisory.withdrawn);
  return model.support.map((window) => ({
    window,
    advisories: views.flatMap((s) => {
      const row = s.view.affected.lines.find((l) => l.package === window.package && l.line === window.line && l.state !== 'not-affected');
      return row ? [{ entry: entryOf(s), row }] : [];
    }),
  }));
});

/** One row of the response-time record. */
export interface ResponseEntry {
  entry: ArchiveEntry;
  record: ResponseRecord;
}

/** The response record of the last twelve months: non-withdrawn advisories first published within 365 days before now, newest first. */
export async function getRecentResponses(): Promise<ResponseEntry[]> {
  const since = addDays(now, -365).getTime();
  return (await getPublishedViews())
    .filter((s) => !s.advisory.withdrawn && s.advisory.published.getTime() > since)
    .map((s) => ({ entry: entryOf(s), record: s.view.response }));
}

/** The site-relative address of every page the sitemap lists, in the plan's order (alias redirects left out). */
export async function getSitemapPaths(): Promise<string[]> {
  return (await getPlan()).outputs.filter((o) => o.sitemap).map((o) => o.address);
}
