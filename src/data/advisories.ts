/**
 * The advisories the site shows. `getPublished` is the one filter (SPEC rule 1): every page,
 * index, count, chart and feed takes its advisories from here, never from the collection.
 */
import { once } from './once.ts';
import type { Revision } from '../lib/advisory/history.ts';
import { affectedView, type AffectedView } from '../lib/advisory/affected-view.ts';
import { renderMarkdown } from '../lib/text/markdown.ts';
import { publishedAdvisories, type PublishedAdvisory } from '../lib/publication/publication.ts';
import { responseRecord, type ResponseRecord } from '../lib/advisory/response.ts';
import { advisorySeverity, type AdvisorySeverity } from '../lib/advisory/severity.ts';
import { getHistories, getReleaseLines, getSite, now } from './content.ts';

/** The advisories published at this build's "now", newest first. The one filter. */
export const getPublished: () => Promise<PublishedAdvisory[]> = once(async () => {
  return publishedAdvisories(await getHistories(), now);
});

export interface RevisionView {
  revision: Revision;
  severity: AdvisorySeverity;
  affected: AffectedView;
  response: ResponseRecord;
  html: string;
}

/** Everything a page shows about one published revision, computed at this build's "now" (or at `at`, for text frozen at publication). */
export function viewRevision(r: Revision, at: Date = now): Promise<RevisionView> {
  if (at !== now || import.meta.env.DEV) return computeView(r, at);
  const key = `${r.id}@v${r.number}`;
  let view = views.get(key);
  if (!view) views.set(key, (view = computeView(r, at)));
  return view;
}

/** Views at this build's "now", by `ID@vN`: pages, feeds and indexes all show the same ones. */
const views = new Map<string, Promise<RevisionView>>();

async function computeView(r: Revision, at: Date): Promise<RevisionView> {
  const site = await getSite();
  const severity = advisorySeverity(r.front.severity, site.cvss.rating_version);
  return {
    revision: r,
    severity,
    affected: affectedView(r.front, site, await getReleaseLines(), at),
    response: responseRecord(r.front, severity.rating, site, at),
    html: renderMarkdown(r.body, import.meta.env.BASE_URL),
  };
}

export interface AdvisorySummary {
  advisory: PublishedAdvisory;
  view: RevisionView;
}

/** Every published advisory with the view of its current revision, newest first. */
export const getPublishedViews: () => Promise<AdvisorySummary[]> = once(async () => {
  const published = await getPublished();
  return Promise.all(published.map(async (advisory) => ({ advisory, view: await viewRevision(advisory.current) })));
});
