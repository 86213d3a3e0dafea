/**
 * Feeds as subscribers' readers see them: every RSS feed parses without error in a real feed
 * parser (Debian's python3-feedparser, 6.0, which reads RSS and Atom but not JSON Feed) with the
 * expected items, one per revision with a stable ID; the JSON feed meets the JSON Feed 1.1
 * rules, checked field by field; pages announce the feeds for autodiscovery.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, contentWith, EXAMPLE_CONTENT, ROOT, runScript } from '../helpers/run.ts';
import { page } from '../helpers/site.ts';
import { hasTool } from '../helpers/tools.ts';

const SITE = 'https://security.lanternfish.example/';
const RSS = ['rss.xml', 'advisories/rss.xml', 'announcements/rss.xml'];
const FEEDS = [...RSS, 'feed.json'];

interface Parsed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  self: string[];
  entries: { id: string; title: string; link: string; published: string; summary: string; tags: string[] }[];
}

let dist: string;
beforeAll(() => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW);
  expect(r.status, r.output).toBe(0);
  dist = r.outDir;
});

const ANNOUNCEMENT = `${SITE}announcements/lanternfish-0-12-3-and-0-13-1/`;
const REVISIONS = [
  'advisories/EXA-2026-0001/v2/',
  'advisories/EXA-2026-0001/v1/',
  'advisories/EXA-2026-0003/v1/',
  'advisories/EXA-2026-0002/v2/',
  'advisories/EXA-2026-0002/v1/',
  'advisories/GHSA-7q4m-2x9v-c3hf/v1/',
].map((p) => SITE + p);

describe.runIf(hasTool('feedparser'))('feedparser reads every feed', () => {
  let parsed: Record<string, Parsed>;
  beforeAll(() => {
    const r = spawnSync('/usr/bin/python3', [join(ROOT, 'test/helpers/read_feeds.py'), ...RSS.map((f) => join(dist, f))], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    parsed = Object.fromEntries(Object.entries(JSON.parse(r.stdout) as Record<string, Parsed>).map(([k, v]) => [k.slice(dist.length + 1), v]));
  });

  it.each(RSS)('%s parses without error', (feed) => {
    expect(parsed[feed]!.bozo, parsed[feed]!.bozo_exception).toBe(false);
    expect(parsed[feed]!.version).toBe('rss20');
    expect(parsed[feed]!.self).toEqual([SITE + feed]);
  });

  it('has one item per published revision, newest first, with a stable ID that is the revision page', () => {
    expect(parsed['advisories/rss.xml']!.entries.map((e) => e.id)).toEqual(REVISIONS);
    expect(parsed['advisories/rss.xml']!.entries.map((e) => e.link)).toEqual(REVISIONS);
    // Everything: the announcement sits between the two revisions of EXA-2026-0001 (same time as v1; ties by ID).
    expect(parsed['rss.xml']!.entries.map((e) => e.id)).toEqual([REVISIONS[0], ANNOUNCEMENT, ...REVISIONS.slice(1)]);
    expect(parsed['announcements/rss.xml']!.entries.map((e) => e.id)).toEqual([ANNOUNCEMENT]);
    expect(parsed['announcements/rss.xml']!.entries[0]!.title).toBe('Lanternfish 0.12.3 and 0.13.1 fix request smuggling (EXA-2026-0001)');
  });

  it('items carry the title, the rating and the affected lines', () => {
    const first = parsed['rss.xml']!.entries[0]!;
    expect(first.title).toBe('EXA-2026-0001 (revision 2): Request smuggling through conflicting Content-Length headers');
    expect(first.summary).toMatch(/Rating: Critical 9\.8\./);
    expect(first.summary).toMatch(/Affected lines: lanternfish 0\.13, lanternfish 0\.12, lanternfish 0\.11, lanternfish 0\.10\./);
    expect(first.tags).toContain('critical');
    const withdrawn = parsed['rss.xml']!.entries.find((e) => e.id === `${SITE}advisories/EXA-2026-0002/v2/`)!;
    expect(withdrawn.title).toMatch(/Withdrawn: /);
    const notRated = parsed['rss.xml']!.entries.find((e) => e.id === `${SITE}advisories/EXA-2026-0003/v1/`)!;
    expect(notRated.summary).toMatch(/Rating: Not rated\./);
  });

  it('never lists the embargoed advisory or the draft', () => {
    for (const feed of FEEDS) {
      const text = readFileSync(join(dist, feed), 'utf8');
      expect(text).not.toMatch(/EXA-2026-0004|EXA-2026-0005|CVE-2026-48810/i);
    }
  });
});

describe('the JSON feed follows JSON Feed 1.1', () => {
  it('has the required fields, unique item IDs and RFC 3339 dates', () => {
    const feed = JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(`${SITE}feed.json`);
    expect(feed.home_page_url).toBe(SITE);
    expect(Array.isArray(feed.items)).toBe(true);
    const ids = feed.items.map((i: { id: unknown }) => i.id);
    expect(ids).toEqual([REVISIONS[0], ANNOUNCEMENT, ...REVISIONS.slice(1)]);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });
});

describe('autodiscovery', () => {
  it('every page links the feeds', () => {
    for (const p of ['index.html', 'releases/index.html', 'advisories/index.html', 'advisories/EXA-2026-0001/index.html']) {
      const links = page(dist, p).querySelectorAll('link[rel=alternate]').map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
      expect(links, p).toEqual(['application/rss+xml /rss.xml', 'application/rss+xml /advisories/rss.xml', 'application/rss+xml /announcements/rss.xml', 'application/feed+json /feed.json']);
    }
  });
});

describe('text with markup characters reads back as written (issue #10 item 4)', () => {
  // Feed titles and descriptions are text inside HTML inside XML: escaped for both layers.
  const SUMMARY = 'XSS in the <textarea> handler & more: "<b>bold</b>" isn\'t &amp; markup';
  const REVISION = 'Initial <i>publication</i> & <script>alert(1)</script>.';
  const NAME = 'Lanternfish <Labs> & Co';
  const ADVISORY = `---
id: EXA-2026-0006
summary: ${JSON.stringify(SUMMARY)}
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.13.3
revision:
  number: 1
  date: 2026-08-20T00:00:00Z
  summary: ${JSON.stringify(REVISION)}
---
Text.
`;
  const TITLE = `EXA-2026-0006: ${SUMMARY}`;
  let hostile: string;
  beforeAll(() => {
    const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8').replace('name: Lanternfish\n', `name: ${JSON.stringify(NAME)}\n`);
    const dir = contentWith({ 'advisories/EXA-2026-0006.md': ADVISORY, 'site.yaml': site });
    const sealed = runScript('seal', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: '2026-08-01T00:00:00Z' }, ['EXA-2026-0006']);
    expect(sealed.status, sealed.output).toBe(0);
    const r = build(dir, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    hostile = r.outDir;
  });

  it.runIf(hasTool('feedparser'))('in Debian feedparser', () => {
    const r = spawnSync('/usr/bin/python3', [join(ROOT, 'test/helpers/read_feeds.py'), join(hostile, 'advisories/rss.xml')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const feed = Object.values(JSON.parse(r.stdout) as Record<string, Parsed>)[0]!;
    expect(feed.bozo, feed.bozo_exception).toBe(false);
    expect(feed.title).toBe(`${NAME} security advisories`);
    const item = feed.entries[0]!;
    expect(item.title).toBe(TITLE);
    expect(item.summary.split('\n')[0]).toBe(SUMMARY);
    expect(item.summary).toContain(`Revision 1 (2026-08-20): ${REVISION}`);
  });

  it('in rss-parser, rendered as a reader renders HTML', async () => {
    const parser = new Parser();
    const feed = await parser.parseString(readFileSync(join(hostile, 'advisories/rss.xml'), 'utf8'));
    const text = (html: string | undefined) => parseHtml(html ?? '').textContent;
    expect(text(feed.title)).toBe(`${NAME} security advisories`);
    const item = feed.items[0]!;
    expect(text(item.title)).toBe(TITLE);
    expect(text(item.content).split('\n')[0]).toBe(SUMMARY);
    expect(text(item.content)).toContain(`Revision 1 (2026-08-20): ${REVISION}`);
    // Nothing from the text became an element.
    expect(parseHtml(item.content ?? '').querySelectorAll('*').length).toBe(0);
  });

  it('in the JSON feed, as plain text', () => {
    const feed = JSON.parse(readFileSync(join(hostile, 'feed.json'), 'utf8'));
    expect(feed.title).toBe(`${NAME} security`);
    const item = feed.items.find((i: { title: string }) => i.title.startsWith('EXA-2026-0006'));
    expect(item.title).toBe(TITLE);
    expect(item.summary).toBe(SUMMARY);
    expect(item.content_text).toContain(`Revision 1 (2026-08-20): ${REVISION}`);
  });
});
