/**
 * The built example in a real browser (Debian's Chromium through playwright-core), served over
 * HTTP as a static host would serve it, with JavaScript turned off as some readers have it:
 * every page loads asking nothing of another origin, with no failed request and no console error
 * (SPEC rule 6); axe-core finds no WCAG 2.1 A/AA violation on any page, in light and dark, and at a
 * phone's width nothing scrolls sideways but tables in their wrappers (SPEC rule 7); and a reader
 * in a hurry on an advisory meets its rating in the first screen and the affected table first.
 *
 * axe itself is a script and waits on timers, which never fire with JavaScript off, so the axe
 * pass runs in a second context with JavaScript on; the same origin and failure checks apply there.
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
import { LOOKUP_CASES } from '../fixtures/lookup-cases.ts';

const SIGNING_KEY = join(ROOT, 'test/fixtures/keys/signing-test.private.asc');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 800 };
/** The narrowest phone the pages are made for. */
const NARROW = { width: 320, height: 640 };
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
  ['the announcements', '/announcements/'],
  ['an announcement', '/announcements/lanternfish-0-12-3-and-0-13-1/'],
  ['the verification page', '/verify/'],
  ['the search page', '/search/'],
];

/** The address a built page is served at. */
const address = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe.runIf(hasTool('chromium'))('the built example in Chromium, served over HTTP', () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  /** JavaScript off: what every page must work with. */
  let context: BrowserContext;
  let page: Page;
  let record: PageRecord;
  /** JavaScript on, for axe. */
  let axeContext: BrowserContext;
  let axePage: Page;
  let axeRecord: PageRecord;
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
    axeContext = await browser.newContext({ javaScriptEnabled: true, viewport: DESKTOP, colorScheme: 'light' });
    axePage = await axeContext.newPage();
    axeRecord = watch(axePage);
  });

  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
    await browser?.close();
    await server?.close();
  });

  /** Opens an address of the site in the shared page, forgetting what earlier pages recorded. */
  async function visit(path: string): Promise<Response | null> {
    record.reset();
    return page.goto(server.origin + path, { waitUntil: 'load' });
  }

  /** What went wrong loading the current page: foreign requests, failed requests, console errors. */
  function trouble(path: string, allowed: { failures?: string[]; errors?: RegExp } = {}, rec = record): string[] {
    return [
      ...foreignRequests(rec.requests, server.origin).map((u) => `${path}: request to another origin: ${u}`),
      ...rec.failures.filter((f) => !allowed.failures?.includes(f)).map((f) => `${path}: ${f}`),
      ...rec.errors.filter((e) => !allowed.errors?.test(e)).map((e) => `${path}: ${e}`),
    ];
  }

  /** axe's violations on a page (with JavaScript on), after checking it loaded cleanly. */
  async function axeOn(path: string, label = path, tab = { page: axePage, record: axeRecord }): Promise<string[]> {
    tab.record.reset();
    const res = await tab.page.goto(server.origin + path, { waitUntil: 'load' });
    expect(res?.status(), path).toBe(200);
    expect(trouble(path, {}, tab.record)).toEqual([]);
    return axeViolations(tab.page, label);
  }

  /**
   * How far the page itself scrolls sideways (0 when it fits), and the innermost elements whose
   * content spills out of them outside any scrolling wrapper, to say what to fix.
   */
  const sidewaysScroll = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      const scrolls = (e: Element) => getComputedStyle(e).overflowX !== 'visible';
      const spilling = [...document.body.querySelectorAll('*')].filter((e) => {
        if (e.clientWidth === 0 || e.scrollWidth <= e.clientWidth + 1 || scrolls(e)) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return false;
        return true;
      });
      const innermost = spilling.filter((e) => !spilling.some((d) => d !== e && e.contains(d)));
      const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`;
      const culprits = innermost.slice(0, 3).map((e) => {
        const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        return `${name(e)} (${e.scrollWidth}px wide in ${e.clientWidth}px) "${text}"`;
      });
      return { extra: root.scrollWidth - root.clientWidth, culprits };
    });

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
    // And it is as accessible there as at /404.html.
    axeRecord.reset();
    expect((await axePage.goto(server.origin + NOT_FOUND, { waitUntil: 'load' }))?.status()).toBe(404);
    expect(await axeViolations(axePage, NOT_FOUND)).toEqual([]);
  });

  describe('axe-core finds no WCAG 2.1 A/AA violation', () => {
    for (const [name, path] of MAIN_PAGES) {
      it(`on ${name} (${path})`, async () => {
        expect(await axeOn(path)).toEqual([]);
      });
    }

    it('on every other page (more lines, revisions, announcements, verification...)', async () => {
      const main = new Set(MAIN_PAGES.map(([, p]) => p));
      const queue = pages.filter((p) => !main.has(p));
      const found = new Map<string, string[]>();
      // Two tabs at once: axe is the slow part, and each tab has its own renderer.
      const tabs = await Promise.all([0, 1].map(async () => {
        const tab = await axeContext.newPage();
        return { page: tab, record: watch(tab) };
      }));
      try {
        await Promise.all(tabs.map(async (tab) => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) found.set(path, await axeOn(path, path, tab));
        }));
      } finally {
        await Promise.all(tabs.map((tab) => tab.page.close()));
      }
      expect(found.size).toBeGreaterThan(0);
      expect(pages.filter((p) => found.has(p)).flatMap((p) => found.get(p)!)).toEqual([]);
    });

    it('in dark mode, on the security page, an advisory, the release lines and search', async () => {
      await axePage.emulateMedia({ colorScheme: 'dark' });
      try {
        const violations: string[] = [];
        for (const path of ['/', ADVISORY, '/releases/', '/search/']) {
          violations.push(...(await axeOn(path, `${path} (dark)`)));
          expect(await axePage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        }
        expect(violations).toEqual([]);
      } finally {
        await axePage.emulateMedia({ colorScheme: 'light' });
      }
    });

    for (const size of [PHONE, NARROW]) {
      it(`at a phone's width (${size.width}px): nothing scrolls sideways, and axe finds nothing on the main pages`, async () => {
        await axePage.setViewportSize(size);
        await page.setViewportSize(size);
        try {
          const problems: string[] = [];
          for (const path of [...pages, NOT_FOUND]) {
            await visit(path);
            const { extra, culprits } = await sidewaysScroll();
            if (extra > 0) problems.push(`${path} (${size.width}px): the page scrolls ${extra}px sideways, past its edge: ${culprits.join('; ')}`);
          }
          for (const [, path] of MAIN_PAGES) problems.push(...(await axeOn(path, `${path} (${size.width}px)`)));
          expect(problems).toEqual([]);
        } finally {
          await axePage.setViewportSize(DESKTOP);
          await page.setViewportSize(DESKTOP);
        }
      });
    }
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
      const h1At = snapshot.search(/heading "EXA-2026-0001: [^"]*" \[level=1\]/);
      const tableAt = snapshot.search(/^\s*- '?table\b/m);
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

    for (const size of [PHONE, NARROW]) {
      it(`sees the state and the action of every line at ${size.width}px, without scrolling sideways`, async () => {
        await page.setViewportSize(size);
        try {
          for (const path of [ADVISORY, '/advisories/GHSA-7q4m-2x9v-c3hf/', '/releases/lanternfish/0.12/']) {
            await visit(path);
            const table = page.locator('main table.stack').first();
            const rows = table.locator('tbody tr');
            expect(await rows.count(), path).toBeGreaterThan(0);
            for (const label of ['State', 'What to do']) {
              const cells = table.locator(`tbody tr > [data-label="${label}"]`);
              expect(await cells.count(), `${path} ${label}`).toBe(await rows.count());
              for (const cell of await cells.all()) {
                const box = (await cell.boundingBox())!;
                expect(await cell.isVisible()).toBe(true);
                expect(box.x, `${path} ${label}`).toBeGreaterThanOrEqual(0);
                expect(box.x + box.width, `${path} ${label}: ${await cell.innerText()}`).toBeLessThanOrEqual(size.width);
                // Labelled in place, since the header row is out of sight.
                expect(await cell.evaluate((e) => getComputedStyle(e, '::before').content)).toBe(`"${label}: "`);
              }
            }
            expect((await sidewaysScroll()).extra, path).toBe(0);
          }
        } finally {
          await page.setViewportSize(DESKTOP);
        }
      });
    }
  });

  describe('"Am I affected?" with JavaScript on', () => {
    /** Types a version into the page's lookup form and returns what the answer says, per package. */
    async function ask(typed: string) {
      const form = axePage.locator('form[data-lookup-form]');
      const answer = axePage.locator('[data-lookup-answer]');
      await answer.evaluate((e) => e.replaceChildren());
      await form.locator('input').fill(typed);
      await form.locator('button').click();
      await answer.locator('> *').first().waitFor();
      const error = answer.locator('.lookup-error');
      if (await error.count()) return { error: await error.innerText() };
      const packages: Record<string, { line?: string; affectedBy: string[]; upgradeTo?: string; advice: string }> = {};
      for (const box of await answer.locator('.lookup-package').all()) {
        const name = (await box.getAttribute('data-package'))!;
        packages[name] = {
          line: (await box.getAttribute('data-line')) ?? undefined,
          affectedBy: await box.locator('li[data-id]').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.id!)),
          upgradeTo: (await box.getAttribute('data-upgrade')) ?? undefined,
          advice: await box.locator('.lookup-advice').innerText(),
        };
        expect(await box.getAttribute('data-affected')).toBe(String(packages[name]!.affectedBy.length > 0));
      }
      return { packages };
    }

    it('answers the shared table of versions on /releases/ as the unit tests do', async () => {
      axeRecord.reset();
      await axePage.goto(`${server.origin}/releases/`, { waitUntil: 'load' });
      expect(await axePage.locator('section.lookup').isVisible()).toBe(true);
      for (const c of LOOKUP_CASES) {
        const got = await ask(c.typed);
        if ('error' in c.expect) {
          expect(got.error, c.typed).toMatch(c.expect.error);
          continue;
        }
        expect(Object.keys(got.packages!), c.typed).toEqual(Object.keys(c.expect.packages));
        for (const [name, want] of Object.entries(c.expect.packages)) {
          const p = got.packages![name]!;
          expect({ line: p.line, affectedBy: p.affectedBy, upgradeTo: p.upgradeTo }, `${c.typed} ${name}`).toEqual({ line: want.line, affectedBy: want.affectedBy, upgradeTo: want.upgradeTo });
          expect(p.advice, `${c.typed} ${name}`).toMatch(want.advice);
        }
      }
      // lookup.json was fetched once, from this site.
      expect(axeRecord.requests.filter((u) => u.endsWith('/lookup.json'))).toHaveLength(1);
      expect(trouble('/releases/ (lookup)', {}, axeRecord)).toEqual([]);
    });

    it('answers on an advisory page and on a line page too, at a phone\'s width, with nothing for axe to find', async () => {
      await axePage.setViewportSize(PHONE);
      try {
        for (const path of [ADVISORY, '/releases/lanternfish/0.12/']) {
          axeRecord.reset();
          await axePage.goto(server.origin + path, { waitUntil: 'load' });
          const got = await ask('v0.12.1');
          expect(got.packages?.lanternfish?.upgradeTo, path).toBe('0.12.3');
          const advice = axePage.locator('.lookup-package[data-package="lanternfish"] .lookup-advice');
          const box = (await advice.boundingBox())!;
          expect(box.x + box.width, path).toBeLessThanOrEqual(PHONE.width);
          expect(await axePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
          expect(trouble(path, {}, axeRecord)).toEqual([]);
          expect(await axeViolations(axePage, `${path} (lookup answered)`)).toEqual([]);
        }
      } finally {
        await axePage.setViewportSize(DESKTOP);
      }
    });

    it('stays out of sight without JavaScript, where the tables answer', async () => {
      await visit('/releases/lanternfish/0.12/');
      expect(await page.locator('section.lookup').isVisible()).toBe(false);
      expect(await page.locator('#line-advisories-table').isVisible()).toBe(true);
    });
  });

  describe('search with JavaScript on', () => {
    /** The result list for a query typed into /search/, as [id, text] pairs. */
    async function search(query: string): Promise<{ id: string; head: string }[]> {
      axeRecord.reset();
      await axePage.goto(`${server.origin}/search/`, { waitUntil: 'load' });
      await axePage.getByLabel(/search by id/i).fill(query);
      await axePage.getByRole('button', { name: 'Search' }).click();
      await axePage.locator('[data-search-status]').filter({ hasText: /result|Nothing/ }).waitFor();
      expect(trouble(`/search/ (${query})`, {}, axeRecord)).toEqual([]);
      return axePage.locator('li.search-result').evaluateAll((items) =>
        items.map((i) => ({ id: (i as HTMLElement).dataset.id ?? '', head: i.querySelector('.search-head')!.textContent!.replace(/\s+/g, ' ').trim() })),
      );
    }

    it('finds an advisory by its alias, first, with its ID, rating and title', async () => {
      const results = await search('CVE-2026-41234');
      expect(results[0]).toEqual({ id: 'EXA-2026-0001', head: 'EXA-2026-0001: Request smuggling through conflicting Content-Length headers Critical 9.8' });
      expect((await search('CVE-2026-30117'))[0]?.id).toBe('GHSA-7q4m-2x9v-c3hf');
    });

    it('finds by ID, package and words, and never what is not published', async () => {
      expect((await search('EXA-2026-0003'))[0]?.id).toBe('EXA-2026-0003');
      expect((await search('smuggling')).map((r) => r.id)).toContain('EXA-2026-0001');
      expect((await search('lanternfish-cli')).map((r) => r.id)).toContain('EXA-2026-0002');
      for (const q of ['EXA-2026-0004', 'CVE-2026-48810', 'EXA-2026-0005']) {
        expect((await search(q)).map((r) => r.id), q).not.toContain(q);
      }
      // Pagefind came from this site, its WebAssembly allowed by the search page's policy alone.
      expect(axeRecord.requests.some((u) => u.startsWith(`${server.origin}/pagefind/`))).toBe(true);
      expect(await axeViolations(axePage, '/search/ (results)')).toEqual([]);
    });

    it('takes a query from the address', async () => {
      axeRecord.reset();
      await axePage.goto(`${server.origin}/search/?q=CVE-2026-41234`, { waitUntil: 'load' });
      await axePage.locator('li.search-result').first().waitFor();
      expect(await axePage.locator('li.search-result').first().getAttribute('data-id')).toBe('EXA-2026-0001');
    });
  });
});
