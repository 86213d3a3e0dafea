/** The feed size rule (the last 30 days or the latest 20 items, whichever is more) and the JSON Feed mapping. */
import { describe, expect, it } from 'vitest';
import { jsonFeed, newestDate, selectItems, type FeedItem } from '../../src/lib/publication/feeds.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const DAY = 86_400_000;

/** `n` items, one every `everyDays` days going back from `startDaysAgo`. */
function items(n: number, startDaysAgo: number, everyDays: number, prefix = 'i'): FeedItem[] {
  return Array.from({ length: n }, (_, k) => {
    const id = `https://x.example/${prefix}${String(k).padStart(3, '0')}/`;
    return { id, url: id, title: id, summary: 's', date: new Date(NOW.getTime() - (startDaysAgo + k * everyDays) * DAY), kind: 'advisory', tags: [] };
  });
}

describe('selectItems', () => {
  it.each([
    ['few items, all old: all kept', items(5, 100, 10), 5],
    ['40 old items: the latest 20', items(40, 40, 1), 20],
    ['a burst of 35 in the last 30 days: all 35, never cut', items(35, 0, 0.5), 35],
    ['10 recent and 30 old: 20 (the 10 recent and 10 more)', [...items(10, 1, 1, 'r'), ...items(30, 60, 1, 'o')], 20],
    ['25 recent and 30 old: the 25 recent', [...items(25, 1, 1, 'r'), ...items(30, 60, 1, 'o')], 25],
    ['an item exactly 30 days old counts as recent', [...items(20, 0, 1, 'r'), ...items(1, 30, 0, 'edge'), ...items(5, 31, 1, 'o')], 21],
    ['one second more than 30 days does not', [...items(20, 0, 1, 'r'), ...items(1, 30 + 1 / 86_400, 0, 'edge'), ...items(5, 31, 1, 'o')], 20],
  ])('%s', (_name, input, expected) => {
    expect(selectItems(input, NOW)).toHaveLength(expected);
  });

  it('orders newest first, ties by ID, whatever the input order', () => {
    const a = items(3, 1, 0, 'a');
    const shuffled = [a[1]!, ...items(2, 5, 1, 'b').reverse(), a[2]!, a[0]!];
    expect(selectItems(shuffled, NOW).map((i) => i.id)).toEqual([
      'https://x.example/a002/', 'https://x.example/a001/', 'https://x.example/a000/', 'https://x.example/b000/', 'https://x.example/b001/',
    ]);
  });
});

describe('newestDate', () => {
  it('takes the newest item, or the fallback when there is none', () => {
    const fallback = new Date('2026-08-20T00:00:00Z');
    expect(newestDate(items(3, 2, 1), fallback).toISOString()).toBe('2026-08-30T12:00:00.000Z');
    expect(newestDate([], fallback)).toBe(fallback);
  });
});

describe('jsonFeed', () => {
  it('maps every field explicitly, with RFC 3339 dates without milliseconds', () => {
    const feed = jsonFeed({ title: 'T', description: 'D', homeUrl: 'https://x.example/', feedUrl: 'https://x.example/feed.json' }, items(1, 0, 0));
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      home_page_url: 'https://x.example/',
      feed_url: 'https://x.example/feed.json',
      description: 'D',
      language: 'en',
      items: [{ id: 'https://x.example/i000/', url: 'https://x.example/i000/', title: 'https://x.example/i000/', content_text: 's', summary: 's', date_published: '2026-09-01T12:00:00Z', tags: [] }],
    });
  });
});
