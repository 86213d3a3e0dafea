/**
 * Feed items from the published advisories (one item per published revision) and, once they
 * exist, announcements. Built only from getPublished (the one filter).
 */
import { formatDate } from '../lib/common/dates.ts';
import rss from '@astrojs/rss';
import { toInstant } from '../schemas/common.ts';
import { jsonFeed, newestDate, rssText, selectItems, type FeedItem } from '../lib/publication/feeds.ts';
import { getPublished, viewRevision } from './advisories.ts';
import { getPublishedAnnouncements } from './announcements.ts';
import { ratingText } from './archive.ts';
import { getSite, now } from './content.ts';
import { absolute } from './urls.ts';

/** One item per published advisory revision. */
export async function advisoryItems(): Promise<FeedItem[]> {
  const published = await getPublished();
  const items = await Promise.all(
    published.flatMap((a) =>
      a.revisions.map(async (r): Promise<FeedItem> => {
        const view = await viewRevision(r);
        const url = absolute(`advisories/${a.id}/v${r.number}/`);
        const withdrawn = r.withdrawn !== undefined;
        const affected = view.affected.affectedLines;
        const title = `${a.id}${r.number > 1 ? ` (revision ${r.number})` : ''}: ${withdrawn ? 'Withdrawn: ' : ''}${r.front.summary}`;
        const summary = [
          r.front.summary + (withdrawn ? ` Withdrawn: ${r.withdrawn?.reason}` : ''),
          `Rating: ${ratingText(view)}.`,
          `Affected lines: ${withdrawn ? 'none (withdrawn)' : affected.length ? affected.join(', ') : 'none listed'}.`,
          ...(r.front.aliases.length ? [`Aliases: ${r.front.aliases.join(', ')}.`] : []),
          `Revision ${r.number} (${formatDate(r.date)}): ${r.front.revision.summary}`,
        ].join('\n');
        return { id: url, url, title, summary, date: r.date, kind: 'advisory', tags: withdrawn ? ['withdrawn'] : [view.severity.rating, ...affected] };
      }),
    ),
  );
  return items;
}

/** One item per published announcement. */
export async function announcementItems(): Promise<FeedItem[]> {
  return (await getPublishedAnnouncements()).map((p): FeedItem => {
    const url = absolute(`announcements/${p.announcement.slug}/`);
    const summary = [
      `Advisories: ${p.covers.map((c) => `${c.revision.id} (${ratingText(c.view)})`).join(', ')}.`,
      ...(p.announcement.front.releases.length ? [`Fixed releases: ${p.announcement.front.releases.map((r) => `${r.package} ${r.version}`).join(', ')}.`] : []),
      `Signed text: ${absolute(`announcements/${p.announcement.slug}.txt`)}`,
    ].join('\n');
    return { id: url, url, title: p.announcement.front.title, summary, date: p.published, kind: 'announcement', tags: ['announcement'] };
  });
}

/** The items of a feed, cut by the size rule at this build's "now". */
export async function feedItems(kind: 'all' | 'advisories' | 'announcements'): Promise<FeedItem[]> {
  const advisories = kind === 'announcements' ? [] : await advisoryItems();
  const announcements = kind === 'advisories' ? [] : await announcementItems();
  return selectItems([...advisories, ...announcements], now);
}

/** The feed's title and description. */
export async function feedTitle(kind: 'all' | 'advisories' | 'announcements'): Promise<{ title: string; description: string }> {
  const site = await getSite();
  const what = { all: 'advisories and announcements', advisories: 'advisories', announcements: 'announcements' }[kind];
  return { title: `${site.name} security ${kind === 'all' ? '' : what}`.trim(), description: `Security ${what} of ${site.name}; a new item for every new revision.` };
}

/** An RSS 2.0 response for one feed, through @astrojs/rss, with a self link and lastBuildDate. */
export async function rssResponse(kind: 'all' | 'advisories' | 'announcements', path: string): Promise<Response> {
  const site = await getSite();
  const items = await feedItems(kind);
  const { title, description } = await feedTitle(kind);
  const built = newestDate(items, toInstant(site.updated));
  return rss({
    title: rssText(title),
    description: rssText(description),
    site: absolute(''),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><lastBuildDate>${built.toUTCString()}</lastBuildDate><atom:link href="${absolute(path)}" rel="self" type="application/rss+xml"/>`,
    items: items.map((i) => ({ title: rssText(i.title), link: i.url, pubDate: i.date, description: rssText(i.summary), categories: i.tags })),
  });
}

/** The JSON Feed 1.1 response (everything). */
export async function jsonFeedResponse(path: string): Promise<Response> {
  const items = await feedItems('all');
  const { title, description } = await feedTitle('all');
  const body = jsonFeed({ title, description, homeUrl: absolute(''), feedUrl: absolute(path) }, items);
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
