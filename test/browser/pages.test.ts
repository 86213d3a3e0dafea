/**
 * The built example in a real browser (Debian's Chromium through playwright-core), served over
 * HTTP as a static host would serve it, with JavaScript turned off as some readers have it:
 * every page loads asking nothing of another origin, with no failed request and no console error
 * (SPEC rule 6); axe-core finds no WCAG 2.1 A/AA violation on any page, in light and dark, and at a
 * phone's width nothing scrolls sideways but tables in their wrappers (SPEC rule 7); and a reader
 * in a hurry on an advisory meets its rating in the first screen and the affected table first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, foreignRequests, launchChromium, watch, type PageRecord } from '../helpers/browser.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, EXAMPLE_CONTENT, ROOT } from '../helpers/run.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { listFiles } from '../helpers/site.ts';
import { hasTool } from '../helpers/tools.ts';

const SIGNING_KEY = join(ROOT, 'test/fixtures/keys/signing-test.private.asc');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 800 };
const ADVISORY = '/advisories/EXA-2026-0001/';
const NOT_FOUND = '/no-such-page/';

/** One page of each kind a reader meets; each gets its own axe test. */
const MAIN_PAGES: [string, string][] = [
  ['the security page', '/'],
  ['the release lines', '/releases/'],
  ['a release line', '/releases/lanternfish/0.12/'],
  ['a release line past end of life', '/releases/lanternfish/0.10/'],
  ['the advisory index', '/advisories/'],
  ['a year', '/advisories/year/2026/'],
  ['a rating', '/advisories/rating/critical/'],
  ['a current advisory', ADVISORY],
  ['a superseded revision', '/advisories/EXA-2026-0001/v1/'],
  ['the withdrawn advisory', '/advisories/EXA-2026-0002/'],
  ['the not-rated advisory', '/advisories/EXA-2026-0003/'],
  ['the 404 page', '/404.html'],
];

/** The address a built page is served at. */
const address = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe.runIf(hasTool('chromium'))('the built example in Chromium, without JavaScript', () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let record: PageRecord;
  /** Every page of the build by address, and those that are alias redirects. */
  let pages: string[];
  let aliases: string[];

  beforeAll(async () => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, { BULLETIN_SIGNING_KEY_FILE: SIGNING_KEY });
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
    const html = listFiles(dist).filter((f) => f.endsWith('.html'));
    const isAlias = (f: string) => /<meta[^>]+http-equiv=["']?refresh/i.test(readFileSync(join(dist, f), 'utf8'));
    pages = html.filter((f) => !isAlias(f)).map(address);
    aliases = html.filter(isAlias).map(address);
    server = await serve(dist);
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP, colorScheme: 'light' });
    page = await context.newPage();
    record = watch(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** Opens an address of the site in the shared page, forgetting what earlier pages recorded. */
  async function visit(path: string): Promise<Response | null> {
    record.reset();
    return page.goto(server.origin + path, { waitUntil: 'load' });
  }

  /** What went wrong loading the current page: foreign requests, failed requests, console errors. */
  function trouble(path: string, allowed: { failures?: string[]; errors?: RegExp } = {}): string[] {
    return [
      ...foreignRequests(record.requests, server.origin).map((u) => `${path}: request to another origin: ${u}`),
      ...record.failures.filter((f) => !allowed.failures?.includes(f)).map((f) => `${path}: ${f}`),
      ...record.errors.filter((e) => !allowed.errors?.test(e)).map((e) => `${path}: ${e}`),
    ];
  }

  /** axe on a page, checked to have loaded first. */
  async function axeOn(path: string, status = 200): Promise<string[]> {
    const res = await visit(path);
    expect(res?.status(), path).toBe(status);
    return axeViolations(page, path);
  }

  /** How far the page itself scrolls sideways (0 when it fits). */
  const sidewaysScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('builds pages of every kind, the main ones included', () => {
    for (const [, path] of MAIN_PAGES) expect(pages).toContain(path);
    expect(aliases).toEqual(expect.arrayContaining(['/advisories/CVE-2026-41234/', '/advisories/CVE-2026-30117/']));
  });

  it('loads every page with its styles, asking nothing of another origin, with no failed request or console error', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const res = await visit(path);
      if (res?.status() !== 200) problems.push(`${path}: status ${res?.status()}`);
      problems.push(...trouble(path));
      // The page's own stylesheet arrived (failures above would name it if it had not).
      if (!record.requests.some((u) => u.endsWith('.css'))) problems.push(`${path}: no stylesheet requested`);
      if ((await page.getByRole('heading', { level: 1 }).count()) !== 1) problems.push(`${path}: not exactly one h1`);
      else if (!(await page.getByRole('heading', { level: 1 }).isVisible())) problems.push(`${path}: its h1 is not visible`);
    }
    expect(problems).toEqual([]);
  });

  it('leads every alias address to its advisory without JavaScript', async () => {
    const problems: string[] = [];
    for (const path of aliases) {
      await visit(path);
      const target = readFileSync(join(dist, path.slice(1), 'index.html'), 'utf8').match(/url=([^"']+)/)![1]!;
      await page.waitForURL(server.origin + target, { timeout: 10_000 });
      await page.waitForLoadState('load');
      problems.push(...trouble(path));
      const h1 = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ');
      expect(h1, path).toMatch(new RegExp(`^${target.split('/')[2]}: `));
    }
    expect(problems).toEqual([]);
  });

  it('answers an unknown address with 404 and the site\'s own 404 page', async () => {
    const res = await visit(NOT_FOUND);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /advisories/i }).count()).toBeGreaterThan(0);
    const expected = `404 ${server.origin}${NOT_FOUND}`;
    expect(record.failures).toEqual([expected]);
    expect(trouble(NOT_FOUND, { failures: [expected], errors: /Failed to load resource.*404/ })).toEqual([]);
    // Its stylesheet is addressed from the root, so it still loads from a deep address.
    expect(record.requests.filter((u) => u.endsWith('.css')).length).toBeGreaterThan(0);
    expect(await axeViolations(page, NOT_FOUND)).toEqual([]);
  });

  describe('axe-core finds no WCAG 2.1 A/AA violation', () => {
    for (const [name, path] of MAIN_PAGES) {
      it(`on ${name} (${path})`, async () => {
        expect(await axeOn(path)).toEqual([]);
      });
    }

    it('on every other page (more lines, revisions, announcements, verification...)', async () => {
      const main = new Set(MAIN_PAGES.map(([, p]) => p));
      const violations: string[] = [];
      for (const path of pages.filter((p) => !main.has(p))) violations.push(...(await axeOn(path)));
      expect(violations).toEqual([]);
    });

    it('in dark mode, on the security page and an advisory', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        const violations: string[] = [];
        for (const path of ['/', ADVISORY]) violations.push(...(await axeOn(path)).map((v) => `(dark) ${v}`));
        expect(violations).toEqual([]);
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });

    it('at a phone\'s width (375px), where only tables may scroll, inside their wrappers', async () => {
      await page.setViewportSize(PHONE);
      try {
        expect((await axeOn(ADVISORY)).map((v) => `(375px) ${v}`)).toEqual([]);
        const overflowing: string[] = [];
        for (const [, path] of MAIN_PAGES) {
          await visit(path);
          const extra = await sidewaysScroll();
          if (extra > 0) overflowing.push(`${path}: the page scrolls ${extra}px sideways`);
        }
        expect(overflowing).toEqual([]);
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });
  });

  describe('a reader in a hurry on an advisory', () => {
    it('meets the affected table first after the title', async () => {
      await visit(ADVISORY);
      const main = page.getByRole('main');
      const first = main.getByRole('table').first();
      // The first table of the page is the one in the "Are you affected?" region.
      const affected = main.getByRole('region', { name: /affected/i }).getByRole('table');
      expect(await affected.count()).toBe(1);
      expect(await first.getAttribute('id')).toBe(await affected.getAttribute('id'));
      expect(await first.getAttribute('data-table')).toBe('affected');
      // It comes after the h1, with nothing but the at-a-glance facts between them.
      const snapshot = await main.ariaSnapshot();
      const h1At = snapshot.search(/- heading "[^"]*EXA-2026-0001[^"]*" \[level=1\]/);
      const tableAt = snapshot.search(/- table\b/);
      expect(h1At).toBeGreaterThanOrEqual(0);
      expect(tableAt).toBeGreaterThan(h1At);
      expect(snapshot.slice(h1At, tableAt)).toMatch(/region "[^"]*affected[^"]*"/i);
      // The table is named and says per line what to do.
      const name = await first.locator('caption').innerText();
      expect(name.trim()).not.toBe('');
      const headers = await first.getByRole('columnheader').allInnerTexts();
      expect(headers).toEqual(expect.arrayContaining(['Line', 'Fixed in', 'What to do']));
      expect(await first.getByRole('row', { name: /0\.13.*Upgrade to 0\.13\.1/ }).count()).toBe(1);
    });

    it('sees the rating "Critical" in the first screen at 1280x800', async () => {
      await visit(ADVISORY);
      expect(page.viewportSize()).toEqual(DESKTOP);
      const rating = page.getByRole('main').getByText(/^Critical\b/).first();
      expect(await rating.isVisible()).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const box = (await rating.boundingBox())!;
      expect(box).not.toBeNull();
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
      expect(await rating.innerText()).toMatch(/^Critical 9\.8$/);
    });
  });
});
