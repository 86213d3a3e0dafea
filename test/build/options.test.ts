/**
 * The environment the build honours: BULLETIN_CONTENT_DIR builds another folder, BULLETIN_NOW
 * moves "now" (statuses follow), and a site URL with a base path gives links that all resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, contentWith, EXAMPLE_CONTENT, ROOT } from '../helpers/run.ts';
import { linkTarget, listFiles, page, tableRows } from '../helpers/site.ts';

const releasesRows = (dist: string) =>
  page(dist, 'releases/index.html')
    .querySelectorAll('table[data-table=support]')
    .flatMap(tableRows)
    .map((r) => `${r[0]} ${r[1]} ${r[4]}`);

describe('BULLETIN_CONTENT_DIR', () => {
  it('builds another content folder', () => {
    const r = build(join(ROOT, 'test/fixtures/minimal'), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(page(r.outDir, 'index.html').querySelector('h1')!.text).toBe('Tiny Tool security');
    expect(releasesRows(r.outDir)).toEqual(['tiny-tool 2 Supported', 'tiny-tool 1 End of life']);
    expect(r.output).toMatch(/there are no policy sections/);
  });
});

describe('BULLETIN_NOW moves "now"', () => {
  it.each([
    // 0.11's explicit end (2026-07-31) is 60 days and a second away: still "Supported".
    ['2026-05-31T23:59:59Z', ['0.12 Supported', '0.11 Supported', '0.10 End of life']],
    // The day 0.13 ships: it appears, and 0.12 and 0.11 stay (0.11 by its explicit end date,
    // now exactly 60 days away: "Ending soon").
    ['2026-06-01T00:00:00Z', ['0.13 Supported', '0.12 Supported', '0.11 Ending soon', '0.10 End of life']],
    ['2026-04-01T00:00:00Z', ['0.12 Supported', '0.11 Supported', '0.10 End of life']],
    ['2026-12-01T00:00:00Z', ['0.14 Supported', '0.13 Supported', '0.12 End of life', '0.11 End of life', '0.10 End of life']],
  ])('at %s the statuses follow', (now, expected) => {
    const r = build(EXAMPLE_CONTENT, now);
    expect(r.status, r.output).toBe(0);
    const lanternfish = releasesRows(r.outDir).filter((x) => x.startsWith('lanternfish ')).map((x) => x.replace('lanternfish ', ''));
    expect(lanternfish).toEqual(expected);
  });
});

describe('a site under a base path', () => {
  it('resolves every internal link, script and fetched file inside the base', () => {
    const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8').replace(
      'url: https://security.lanternfish.example/',
      'url: https://lanternfish-example.github.io/lanternfish/',
    );
    const r = build(contentWith({ 'site.yaml': site }), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    const files = listFiles(r.outDir);
    const broken: string[] = [];
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const el of page(r.outDir, file).querySelectorAll('a[href], link[href], script[src], img[src], [data-lookup], [data-search]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data-lookup') ?? el.getAttribute('data-search')!;
        const target = linkTarget(file, ref, 'https://lanternfish-example.github.io', '/lanternfish/');
        if (target === undefined) continue;
        checked++;
        if (!existsSync(join(r.outDir, target.split('#')[0]!))) broken.push(`${file} -> ${ref}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(10);
    expect(page(r.outDir, 'index.html').querySelector('a.brand')!.getAttribute('href')).toBe('/lanternfish/');
    // The scripts and what they fetch follow the base too.
    const search = page(r.outDir, 'search/index.html');
    expect(search.querySelector('script[src]')!.getAttribute('src')).toMatch(/^\/lanternfish\/_astro\/.+\.js$/);
    expect(search.querySelector('[data-search]')!.getAttribute('data-search')).toBe('/lanternfish/pagefind/pagefind.js');
    expect(page(r.outDir, 'releases/index.html').querySelector('[data-lookup]')!.getAttribute('data-lookup')).toBe('/lanternfish/lookup.json');
  });
});
