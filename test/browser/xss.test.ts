/**
 * Known XSS payloads in every field a pull request can write (test/helpers/hostile.ts), built and
 * loaded in Chromium with JavaScript on: on every page none runs (no dialog, no `window.__xss`, no
 * request to another origin, no console error, which is also where a CSP refusal would show),
 * and neither through search results nor through the version lookup, which show the payloads as
 * text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchChromium, watch, type PageRecord } from '../helpers/browser.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { HOSTILE_ALIAS, HOSTILE_ID, HOSTILE_WORD, hostileContent, XSS_PAYLOADS } from '../helpers/hostile.ts';
import { build } from '../helpers/run.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { listFiles } from '../helpers/site.ts';
import { hasTool } from '../helpers/tools.ts';

describe.runIf(hasTool('chromium'))('hostile content in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let record: PageRecord;
  let pages: string[];
  /** Alias addresses and where they lead. */
  const leadsTo = new Map<string, string>();
  const dialogs: string[] = [];

  beforeAll(async () => {
    const r = build(hostileContent(EXAMPLE_NOW), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    const files = listFiles(r.outDir).filter((f) => f.endsWith('.html'));
    pages = files.map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
    files.forEach((f, i) => {
      const target = readFileSync(join(r.outDir, f), 'utf8').match(/http-equiv="refresh" content="0; url=([^"]+)"/)?.[1];
      if (target) leadsTo.set(pages[i]!, target);
    });
    server = await serve(r.outDir);
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: true });
    page = await context.newPage();
    record = watch(page);
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** What ran or was asked for that should not have been, on the current page. */
  async function ran(label: string): Promise<string[]> {
    const marker = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    return [
      ...(marker === undefined ? [] : [`${label}: window.__xss = ${String(marker)}`]),
      ...dialogs.splice(0).map((d) => `${label}: dialog ${d}`),
      ...foreignRequests(record.requests, server.origin).map((u) => `${label}: request to ${u}`),
      ...record.failures.map((e) => `${label}: ${e}`),
      // Chromium asks for /favicon.ico on its own (not a request of the page, so not in failures) and logs its 404.
      ...record.errors.filter((e) => record.failures.length > 0 || !/Failed to load resource: .* 404/.test(e)).map((e) => `${label}: ${e}`),
    ];
  }

  it('would see one that ran (the detector works)', async () => {
    record.reset();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.evaluate(() => {
      (window as unknown as { __xss?: number }).__xss = 1;
      alert('x');
    });
    expect(await ran('/')).toEqual([expect.stringMatching(/__xss = 1/), expect.stringMatching(/dialog .*alert x/)]);
  });

  it('runs none of them on any page', async () => {
    expect(pages).toEqual(expect.arrayContaining([`/advisories/${HOSTILE_ID}/`, `/advisories/${HOSTILE_ALIAS}/`, '/announcements/zanzibar/', '/']));
    const problems: string[] = [];
    for (const path of pages) {
      record.reset();
      await page.goto(server.origin + path, { waitUntil: 'load' });
      // An alias page leads on to its advisory: look where the reader ends up.
      const target = leadsTo.get(path);
      if (target) {
        await page.waitForURL(server.origin + target);
        await page.waitForLoadState('load');
      }
      problems.push(...(await ran(path)));
    }
    expect(problems).toEqual([]);
    // They are on the page, as text.
    await page.goto(`${server.origin}/advisories/${HOSTILE_ID}/`, { waitUntil: 'load' });
    expect(await page.locator('h1').innerText()).toContain(XSS_PAYLOADS[0]);
  });

  it('runs none of them through search results', async () => {
    for (const query of [HOSTILE_WORD, HOSTILE_ALIAS, 'script', 'onerror']) {
      record.reset();
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
      await page.locator('[data-search-status]').filter({ hasText: /result|Nothing/ }).waitFor();
      expect(await ran(`search ${query}`)).toEqual([]);
    }
    record.reset();
    await page.goto(`${server.origin}/search/?q=${HOSTILE_WORD}`, { waitUntil: 'load' });
    await page.locator('li.search-result').first().waitFor();
    const heads = await page.locator('li.search-result .search-head').allInnerTexts();
    expect(heads.some((h) => h.includes(`${HOSTILE_ID}: Zanzibar ${XSS_PAYLOADS[0]}`))).toBe(true);
    // A typed payload is a query, shown as text.
    for (const payload of XSS_PAYLOADS) {
      await page.getByLabel(/search by id/i).fill(payload);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('[data-search-status]').filter({ hasText: payload.slice(0, 10) }).waitFor();
    }
    expect(await ran('search typed payloads')).toEqual([]);
  });

  it('runs none of them through the version lookup', async () => {
    record.reset();
    await page.goto(`${server.origin}/releases/`, { waitUntil: 'load' });
    const answer = page.locator('[data-lookup-answer]');
    await page.locator('#lookup-version').fill('0.13.0');
    await page.locator('form[data-lookup-form] button').click();
    await answer.locator(`li[data-id="${HOSTILE_ID}"]`).waitFor();
    expect(await answer.locator(`li[data-id="${HOSTILE_ID}"]`).innerText()).toContain(XSS_PAYLOADS[0]);
    for (const payload of XSS_PAYLOADS) {
      await answer.evaluate((e) => e.replaceChildren());
      await page.locator('#lookup-version').fill(payload);
      await page.locator('form[data-lookup-form] button').click();
      await answer.locator('.lookup-error').waitFor();
    }
    expect(await ran('lookup')).toEqual([]);
  });
});
