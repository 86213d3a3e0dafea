/**
 * Feeds: advisories and announcements mapped to feed items field by field, the size rule, and
 * the JSON Feed 1.1 document. A new revision is a new item with its own stable ID (the
 * revision's address), so subscribers see updates.
 */
import { byCodeUnit } from '../common/order.ts';

export interface FeedItem {
  /** Stable per revision or announcement: the absolute URL of its own page. */
  id: string;
  /** Where a reader goes: the same page. */
  url: string;
  title: string;
  /** Plain-text summary: what happened, rating, affected lines, what changed. */
  summary: string;
  date: Date;
  kind: 'advisory' | 'announcement';
  tags: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  /** The site's home page (absolute). */
  homeUrl: string;
  /** This feed's own address (absolute). */
  feedUrl: string;
}

/** The feed window: "the last 30 days or the latest 20 items, whichever is more". */
export const FEED_DAYS = 30;
export const FEED_MIN_ITEMS = 20;

/** Newest first (then by ID, for a stable order), cut to the feed window at `now`: never cuts a burst. */
export function selectItems(items: readonly FeedItem[], now: Date): FeedItem[] {
  const sorted = [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || byCodeUnit(b.id, a.id));
  const since = now.getTime() - FEED_DAYS * 86_400_000;
  const recent = sorted.filter((i) => i.date.getTime() >= since).length;
  return sorted.slice(0, Math.max(FEED_MIN_ITEMS, recent));
}

/** The newest date among items, or the fallback (site.yaml's `updated`) when there are none. */
export function newestDate(items: readonly { date: Date }[], fallback: Date): Date {
  return items.reduce((max, i) => (i.date.getTime() > max.getTime() ? i.date : max), items.length ? (items[0] as { date: Date }).date : fallback);
}

/**
 * A text as an RSS title or description: readers read both as HTML (Debian's feedparser, most
 * aggregators), so the text is escaped for HTML here and for XML by the feed writer. Without the
 * first layer "XSS in the <textarea> handler" loses words, and markup in a summary becomes live.
 */
export function rssText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(meta: FeedMeta, items: readonly FeedItem[]): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: 'en',
    items: items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      content_text: i.summary,
      summary: i.summary.split('\n')[0],
      date_published: i.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      tags: i.tags,
    })),
  };
}
