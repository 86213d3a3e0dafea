/**
 * The site under a base path (a GitHub Pages project site at /lanternfish/), served from the
 * host's root in Chromium: search and the version lookup fetch their files and link their answers
 * inside the base, with no failed request.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchChromium, watch } from '../helpers/browser.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, contentWith, EXAMPLE_CONTENT, tempDir } from '../helpers/run.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { hasTool } from '../helpers/tools.ts';

describe.runIf(hasTool('chromium'))('under a base path in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8').replace('url: https://security.lanternfish.example/', 'url: https://lanternfish-example.github.io/lanternfish/');
    const r = build(contentWith({ 'site.yaml': site }), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    const root = tempDir('host');
    symlinkSync(r.outDir, join(root, 'lanternfish'));
    server = await serve(root);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches and looks up versions inside the base', async () => {
    const page = await browser.newPage();
    const record = watch(page);
    await page.goto(`${server.origin}/lanternfish/search/?q=CVE-2026-41234`, { waitUntil: 'load' });
    await page.locator('li.search-result').first().waitFor();
    expect(await page.locator('li.search-result a').first().getAttribute('href')).toBe('/lanternfish/advisories/EXA-2026-0001/');

    await page.goto(`${server.origin}/lanternfish/releases/`, { waitUntil: 'load' });
    await page.locator('#lookup-version').fill('0.12.1');
    await page.locator('form[data-lookup-form] button').click();
    const answer = page.locator('.lookup-package[data-package="lanternfish"]');
    await answer.locator('li a').first().waitFor();
    expect(await answer.locator('li a').first().getAttribute('href')).toBe('/lanternfish/advisories/EXA-2026-0001/');
    expect(await answer.locator('p a').first().getAttribute('href')).toBe('/lanternfish/releases/lanternfish/0.12/');

    expect(record.failures).toEqual([]);
    expect(foreignRequests(record.requests, server.origin)).toEqual([]);
    expect(record.requests.some((u) => u.startsWith(`${server.origin}/lanternfish/pagefind/`))).toBe(true);
    expect(record.requests).toContain(`${server.origin}/lanternfish/lookup.json`);
    await page.close();
  });
});
