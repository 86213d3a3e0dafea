/**
 * The versioned advisory archive, built from the bundled example at its fixed "now" and read as
 * a visitor would, from the parsed HTML: every published advisory and revision has its page,
 * aliases lead to their advisory, nothing unpublished appears in any file, the indexes and line
 * pages say what the views compute, every link and sitemap entry resolves, and hostile advisory
 * text cannot inject markup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { build, contentWith, EXAMPLE_CONTENT, ROOT, runScript } from '../helpers/run.ts';
import { linkTarget, listFiles, page, tableRows } from '../helpers/site.ts';

const ORIGIN = 'https://security.lanternfish.example';
const EMBARGO_ENDS = '2026-10-15T14:00:00Z';

const PUBLISHED = ['EXA-2026-0001', 'EXA-2026-0003', 'EXA-2026-0002', 'GHSA-7q4m-2x9v-c3hf'];
const REVISIONS = ['EXA-2026-0001/v1', 'EXA-2026-0001/v2', 'EXA-2026-0002/v1', 'EXA-2026-0002/v2', 'EXA-2026-0003/v1', 'GHSA-7q4m-2x9v-c3hf/v1'];
const ALIASES: [string, string][] = [
  ['CVE-2026-41234', 'EXA-2026-0001'],
  ['CVE-2026-30117', 'GHSA-7q4m-2x9v-c3hf'],
];
/** What no file may carry at the example's now: the embargoed advisory, its alias and the draft. */
const UNPUBLISHED = ['EXA-2026-0004', 'CVE-2026-48810', 'EXA-2026-0005', 'Unbounded chunk extensions', 'catastrophic backtracking'];

const htmlFiles = (dist: string) => listFiles(dist).filter((f) => f.endsWith('.html'));
const ids = (table: HTMLElement | null) => (table ? tableRows(table).map((r) => r[0]) : []);
const text = (el: HTMLElement | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();

/** Internal links of every page that do not reach a file of the build. */
function brokenLinks(dist: string): string[] {
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    for (const el of page(dist, file).querySelectorAll('a[href], link[href], script[src], img[src], [data-lookup], [data-search]')) {
      // Every address a page names: links, scripts, images, and the files its scripts fetch.
      const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data-lookup') ?? el.getAttribute('data-search')!;
      const target = linkTarget(file, ref, ORIGIN, '/');
      if (target !== undefined && !existsSync(join(dist, target.split('#')[0]!))) broken.push(`${file} -> ${ref}`);
    }
  }
  return broken;
}

describe('the archive of the example at its fixed now', () => {
  let dist: string;

  beforeAll(() => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
  });

  it('has a page for every published advisory and every published revision', () => {
    const files = listFiles(dist);
    for (const id of PUBLISHED) expect(files).toContain(`advisories/${id}/index.html`);
    for (const rev of REVISIONS) expect(files).toContain(`advisories/${rev}/index.html`);
    // Only published revisions get a page: no v3 of anything, no v2 of a one-revision advisory.
    const revisionPages = files.filter((f) => /^advisories\/[^/]+\/v\d+\/index\.html$/.test(f));
    expect(revisionPages.sort()).toEqual(REVISIONS.map((r) => `advisories/${r}/index.html`).sort());
    for (const id of PUBLISHED) expect(text(page(dist, `advisories/${id}/index.html`).querySelector('h1'))).toMatch(new RegExp(`^${id}: `));
  });

  it('puts nothing unpublished in any file', () => {
    const leaks: string[] = [];
    for (const file of listFiles(dist)) {
      const content = readFileSync(join(dist, file), 'latin1').toLowerCase();
      for (const token of UNPUBLISHED) if (content.includes(token.toLowerCase())) leaks.push(`${file}: ${token}`);
    }
    expect(leaks).toEqual([]);
  });

  it('marks an older revision as superseded, linking the current page', () => {
    const v1 = page(dist, 'advisories/EXA-2026-0001/v1/index.html');
    const banner = v1.querySelector('[data-banner=superseded]')!;
    expect(text(banner)).toMatch(/Superseded: this is revision 1 .* superseded by v2, the current revision/);
    expect(banner.querySelector('a')!.getAttribute('href')).toBe('/advisories/EXA-2026-0001/');
    // The current revision, at either address, is not superseded.
    expect(page(dist, 'advisories/EXA-2026-0001/index.html').querySelector('[data-banner=superseded]')).toBeNull();
    expect(page(dist, 'advisories/EXA-2026-0001/v2/index.html').querySelector('[data-banner=superseded]')).toBeNull();
    // v1 is frozen: its own fields (no alias yet), and no diff since nothing came before it.
    expect(text(v1.querySelector('h1'))).toBe('EXA-2026-0001 v1: Request smuggling through conflicting Content-Length headers');
    expect(v1.querySelector('#changes')).toBeNull();
  });

  it('lists every published revision and shows what the current one changed', () => {
    const html = page(dist, 'advisories/EXA-2026-0001/index.html');
    const revisions = tableRows(html.querySelector('#revisions-table')!);
    expect(revisions.map((r) => r.slice(0, 2))).toEqual([
      ['v1', '2026-08-04'],
      ['v2 (current)', '2026-08-11'],
    ]);
    expect(html.querySelectorAll('#revisions-table a').map((a) => a.getAttribute('href'))).toEqual([
      '/advisories/EXA-2026-0001/v1/',
      '/advisories/EXA-2026-0001/v2/',
    ]);
    expect(text(html.querySelector('#changes'))).toMatch(/^Changes from v1 to v2/);
    const fields = tableRows(html.querySelector('#changed-fields')!).map((r) => r[0]);
    expect(fields).toEqual(expect.arrayContaining(['aliases', 'severity', 'credits', 'references']));
    expect(fields).not.toContain('revision');
    const aliases = tableRows(html.querySelector('#changed-fields')!).find((r) => r[0] === 'aliases')!;
    expect(aliases.slice(1)).toEqual(['(none)', '- CVE-2026-41234']);
    // The text diff says "added" in words, not by colour alone.
    const added = html.querySelectorAll('.diff ins');
    expect(added.length).toBeGreaterThan(0);
    expect(text(added[0]!.querySelector('.visually-hidden'))).toBe('[added]');
    expect(text(added[0])).toContain('Lines 0.10 and 0.11 are affected too');
  });

  it('leads every alias to its advisory', () => {
    for (const [alias, id] of ALIASES) {
      const html = page(dist, `advisories/${alias}/index.html`);
      expect(html.querySelector('meta[http-equiv=refresh]')!.getAttribute('content')).toBe(`0; url=/advisories/${id}/`);
      expect(html.querySelectorAll('link[rel=canonical]').map((l) => l.getAttribute('href'))).toEqual([`${ORIGIN}/advisories/${id}/`]);
      expect(text(html.querySelector('[data-alias-of]'))).toMatch(new RegExp(`^${alias} is an alias of ${id}`));
      expect(html.querySelector('[data-alias-of] a')!.getAttribute('href')).toBe(`/advisories/${id}/`);
    }
  });

  it('says per release line who is affected by EXA-2026-0001 and what to do', () => {
    const rows = tableRows(page(dist, 'advisories/EXA-2026-0001/index.html').querySelector('#affected-table')!);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['0.13', 'Supported', 'Fixed', '0.13.1', 'Upgrade to 0.13.1'],
      ['0.12', 'Ending soon', 'Fixed', '0.12.3', 'Upgrade to 0.12.3'],
      ['0.11', 'End of life', 'Affected', 'none', 'Warning: No fix: this line is past end of life; move to a supported line'],
      ['0.10', 'End of life', 'Affected', 'none', 'Warning: No fix: this line is past end of life; move to a supported line'],
    ]);
    // The affected table comes first, before the description.
    const headings = page(dist, 'advisories/EXA-2026-0001/index.html').querySelectorAll('main h2').map((h) => h.id);
    expect(headings.indexOf('affected')).toBeLessThan(headings.indexOf('description'));
  });

  it('shows the severity of every vector with each metric in words', () => {
    const html = page(dist, 'advisories/EXA-2026-0001/index.html');
    expect(text(html.querySelector('.glance .rating'))).toBe('Critical 9.8');
    const vectors = html.querySelectorAll('section.cvss');
    expect(vectors.map((s) => text(s.querySelector('h3')))).toEqual(['CVSS 3.1: Critical 9.8 (sets the rating)', 'CVSS 4.0: Critical 9.3']);
    expect(vectors[0]!.querySelectorAll('dt').map(text)).toContain('Attack Vector (AV)');
    expect(vectors[0]!.querySelectorAll('dd').map(text)).toContain('Network');
    const refs = html.querySelectorAll('ul.references a');
    expect(refs.map((a) => a.getAttribute('rel'))).toEqual(refs.map(() => 'nofollow noopener'));
    expect(refs.map((a) => text(a))).toEqual(refs.map((a) => a.getAttribute('href')));
    expect(text(html.querySelector('#timeline')!.parentNode)).toContain('Response time: 6 of 7 days: met.');
  });

  it('marks the withdrawn advisory and keeps it only in the archive', () => {
    const html = page(dist, 'advisories/EXA-2026-0002/index.html');
    const banner = html.querySelector('[data-banner=withdrawn]')!;
    expect(banner.getAttribute('role')).toBe('note');
    expect(text(banner)).toMatch(/^Withdrawn on 2026-05-20\. Reason: The CLI never widened/);
    expect(html.querySelector('#affected-table')).toBeNull();
    const index = tableRows(page(dist, 'advisories/index.html').querySelector('#archive-table')!);
    expect(index.find((r) => r[0] === 'EXA-2026-0002')![2]).toMatch(/^Withdrawn: /);
    for (const file of htmlFiles(dist).filter((f) => f.startsWith('releases/') && f !== 'releases/index.html')) {
      expect(ids(page(dist, file).querySelector('#line-advisories-table')), file).not.toContain('EXA-2026-0002');
    }
  });

  it('says "Not rated" for the advisory without a vector', () => {
    const html = page(dist, 'advisories/EXA-2026-0003/index.html');
    expect(text(html.querySelector('.glance .rating'))).toBe('Not rated');
    expect(text(html.querySelector('#severity')!.parentNode)).toContain('Not rated: this advisory has no CVSS vector.');
    const index = tableRows(page(dist, 'advisories/index.html').querySelector('#archive-table')!);
    expect(index.find((r) => r[0] === 'EXA-2026-0003')![3]).toBe('Not rated');
  });

  it('lists the four advisories newest first in the index', () => {
    const rows = tableRows(page(dist, 'advisories/index.html').querySelector('#archive-table')!);
    expect(rows).toEqual([
      ['EXA-2026-0001', 'CVE-2026-41234', 'Request smuggling through conflicting Content-Length headers', 'Critical 9.8', 'lanternfish 0.13, lanternfish 0.12, lanternfish 0.11, lanternfish 0.10', '2026-08-04', '2026-08-11'],
      ['EXA-2026-0003', 'none', 'Trailers accept obsolete line folding', 'Not rated', 'lanternfish 0.13', '2026-06-25', '2026-06-25'],
      ['EXA-2026-0002', 'none', 'Withdrawn: CLI log file readable by other local users', 'Medium 5.5', 'none (withdrawn)', '2026-05-05', '2026-05-20'],
      ['GHSA-7q4m-2x9v-c3hf', 'CVE-2026-30117', 'Obsolete header line folding bypasses header allow-lists', 'High 7.5', 'lanternfish 0.12, lanternfish 0.11, lanternfish 0.10', '2026-03-10', '2026-03-10'],
    ]);
  });

  it('has pages per year, per rating and per release line, each listing what it should', () => {
    const files = listFiles(dist);
    expect(files.filter((f) => f.startsWith('advisories/year/'))).toEqual(['advisories/year/2026/index.html']);
    expect(files.filter((f) => f.startsWith('advisories/rating/')).sort()).toEqual(
      // Every rating has its page, empty or not, so no address disappears when a rating changes.
      ['critical', 'high', 'medium', 'low', 'none', 'not-rated'].map((r) => `advisories/rating/${r}/index.html`).sort(),
    );
    expect(page(dist, 'advisories/rating/low/index.html').querySelector('.empty')!.text).toBe('No published advisory is rated low.');
    expect(ids(page(dist, 'advisories/year/2026/index.html').querySelector('#archive-table'))).toEqual(PUBLISHED);
    expect(ids(page(dist, 'advisories/rating/not-rated/index.html').querySelector('#archive-table'))).toEqual(['EXA-2026-0003']);
    expect(ids(page(dist, 'advisories/rating/critical/index.html').querySelector('#archive-table'))).toEqual(['EXA-2026-0001']);

    const line = (p: string) => page(dist, `releases/${p}/index.html`);
    expect(tableRows(line('lanternfish/0.13').querySelector('#line-advisories-table')!).map((r) => `${r[0]} ${r[3]}`)).toEqual([
      'EXA-2026-0001 Fixed in 0.13.1',
      'EXA-2026-0003 Fixed in 0.13.2',
    ]);
    expect(ids(line('lanternfish/0.12').querySelector('#line-advisories-table'))).toEqual(['EXA-2026-0001', 'GHSA-7q4m-2x9v-c3hf']);
    expect(tableRows(line('lanternfish/0.10').querySelector('#line-advisories-table')!).map((r) => `${r[0]} ${r[3]}`)).toEqual([
      'EXA-2026-0001 Affected',
      'GHSA-7q4m-2x9v-c3hf Affected',
    ]);
    expect(line('lanternfish-cli/2.0').querySelector('#line-advisories-table')).toBeNull();
    expect(text(line('lanternfish-cli/2.0').querySelector('[data-empty=line-advisories]'))).toBe('No published advisory affects lanternfish-cli 2.0.');
    const window = line('lanternfish/0.12').querySelectorAll('dl.window div').map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
    expect(window).toEqual(['Security fixes: Ending soon', 'Released: 2026-01-20', 'Support ends: until 2026-09-30 (29 days left)', 'Latest release: 0.12.4']);
    // Every released line has a page; the planned 0.14 has none.
    for (const l of ['lanternfish/0.13', 'lanternfish/0.12', 'lanternfish/0.11', 'lanternfish/0.10', 'lanternfish-cli/2.0', 'lanternfish-cli/1.4']) {
      expect(files).toContain(`releases/${l}/index.html`);
    }
    expect(files.some((f) => f.includes('0.14'))).toBe(false);
  });

  it('links each line on /releases/ to its page, and every internal link resolves', () => {
    const links = page(dist, 'releases/index.html').querySelectorAll('table[data-table=support] th[scope=row] a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/releases/lanternfish/0.13/',
      '/releases/lanternfish/0.12/',
      '/releases/lanternfish/0.11/',
      '/releases/lanternfish/0.10/',
      '/releases/lanternfish-cli/2.0/',
      '/releases/lanternfish-cli/1.4/',
    ]);
    expect(brokenLinks(dist)).toEqual([]);
    const nav = page(dist, 'index.html').querySelectorAll('header nav a').map((a) => [text(a), a.getAttribute('href')]);
    expect(nav).toContainEqual(['Advisories', '/advisories/']);
  });

  it('shows the latest advisories and the response record on the security page', () => {
    const html = page(dist, 'index.html');
    expect(html.querySelector('#advisories')!.parentNode.querySelector('.empty')).toBeNull();
    expect(tableRows(html.querySelector('#latest-table')!).map((r) => `${r[0]} ${r[2]} ${r[3]}`)).toEqual([
      'EXA-2026-0001 Critical 9.8 2026-08-04',
      'EXA-2026-0003 Not rated 2026-06-25',
      'EXA-2026-0002 Medium 5.5 2026-05-05',
      'GHSA-7q4m-2x9v-c3hf High 7.5 2026-03-10',
    ]);
    // The last twelve months, withdrawn advisories left out.
    expect(tableRows(html.querySelector('#response-record-table')!)).toEqual([
      ['EXA-2026-0001', 'Critical 9.8', '7 days', '6 days', 'Met'],
      ['EXA-2026-0003', 'Not rated', 'no target', '13 days', 'No target'],
      ['GHSA-7q4m-2x9v-c3hf', 'High 7.5', '14 days', '15 days', 'Missed'],
    ]);
    const chart = html.querySelector('svg.response-chart')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-describedby')!.split(' ')).toContain('response-record-table');
    expect(chart.querySelectorAll('g.row text.label').map(text)).toEqual(['EXA-2026-0001', 'EXA-2026-0003', 'GHSA-7q4m-2x9v-c3hf']);
  });

  it('writes a sitemap whose every address is a page of the build, alias redirects left out', () => {
    const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as { urlset: { url: { loc: string }[] } };
    const locs = parsed.urlset.url.map((u) => u.loc);
    const missing = locs.filter((loc) => {
      const target = linkTarget('index.html', loc, ORIGIN, '/');
      return target === undefined || !existsSync(join(dist, target));
    });
    expect(missing).toEqual([]);
    for (const p of ['/', '/releases/', '/advisories/', '/advisories/year/2026/', '/advisories/rating/not-rated/', '/releases/lanternfish/0.10/']) {
      expect(locs).toContain(`${ORIGIN}${p}`);
    }
    for (const id of PUBLISHED) expect(locs).toContain(`${ORIGIN}/advisories/${id}/`);
    for (const rev of REVISIONS) expect(locs).toContain(`${ORIGIN}/advisories/${rev}/`);
    for (const [alias] of ALIASES) expect(locs).not.toContain(`${ORIGIN}/advisories/${alias}/`);
    expect(new Set(locs).size).toBe(locs.length);
    // And the other way round: every page of the build is listed, but for alias redirects and 404.
    const aliasPages = new Set(ALIASES.map(([alias]) => `advisories/${alias}/index.html`));
    const unlisted = htmlFiles(dist)
      .filter((f) => f !== '404.html' && !aliasPages.has(f))
      .filter((f) => !locs.includes(`${ORIGIN}/${f.replace(/index\.html$/, '')}`));
    expect(unlisted).toEqual([]);
  });

  it('passes html-validate on every page', async () => {
    const problems = (await Promise.all(htmlFiles(dist).map((p) => htmlProblems(join(dist, p))))).flat();
    expect(problems).toEqual([]);
  });
});

describe('the embargo ends', () => {
  it('publishes EXA-2026-0004 and its alias with the first build at its time', () => {
    const r = build(EXAMPLE_CONTENT, EMBARGO_ENDS);
    expect(r.status, r.output).toBe(0);
    const files = listFiles(r.outDir);
    expect(files).toContain('advisories/EXA-2026-0004/index.html');
    expect(files).toContain('advisories/EXA-2026-0004/v1/index.html');
    const alias = page(r.outDir, 'advisories/CVE-2026-48810/index.html');
    expect(alias.querySelector('[data-alias-of] a')!.getAttribute('href')).toBe('/advisories/EXA-2026-0004/');
    expect(ids(page(r.outDir, 'advisories/index.html').querySelector('#archive-table'))[0]).toBe('EXA-2026-0004');
    // The draft stays out.
    expect(files.some((f) => f.includes('EXA-2026-0005'))).toBe(false);
  });
});

describe('a project with no advisory published', () => {
  it('keeps the honest empty state on the security page and the index', () => {
    const r = build(join(ROOT, 'test/fixtures/minimal'), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(text(page(r.outDir, 'index.html').querySelector('.empty'))).toMatch(/^No security advisory has been published for Tiny Tool yet/);
    expect(text(page(r.outDir, 'advisories/index.html').querySelector('.empty'))).toMatch(/^No security advisory has been published/);
    // No advisory pages, years or line listings; only the index and the (empty) rating pages.
    expect(htmlFiles(r.outDir).filter((f) => f.startsWith('advisories/') && !f.startsWith('advisories/rating/'))).toEqual(['advisories/index.html']);
    expect(text(page(r.outDir, 'advisories/rating/critical/index.html').querySelector('.empty'))).toBe('No published advisory is rated critical.');
    expect(brokenLinks(r.outDir)).toEqual([]);
  });
});

const HOSTILE_ID = 'EXA-2026-0006';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_TITLE = `${SCRIPT} ${IMG} [x](javascript:alert(1)) <iframe src="https://evil.example/"></iframe>`;
const HOSTILE = `---
id: ${HOSTILE_ID}
summary: '${HOSTILE_TITLE}'
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.13.2
references:
  - type: WEB
    url: 'https://example.org/${SCRIPT}?x="><img src=x onerror=alert(1)>'
credits:
  - name: '${SCRIPT}${IMG}'
    contact:
      - 'javascript:alert(1)'
timeline:
  reported: 2026-08-10
  acknowledged: 2026-08-11
  fix_released: 2026-08-19
revision:
  number: 1
  date: 2026-08-20
  summary: 'Initial ${SCRIPT}'
---
${SCRIPT}

${IMG}

[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(1)) and <a href="javascript:alert(1)">z</a>

<iframe src="https://evil.example/"></iframe>

<p onclick="alert(1)" style="color:red">raw</p>
`;

describe('hostile advisory text', () => {
  let dist: string;

  beforeAll(() => {
    const content = contentWith({ [`advisories/${HOSTILE_ID}.md`]: HOSTILE });
    const env = { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: EXAMPLE_NOW };
    let r = build(content, EXAMPLE_NOW);
    // Once every published revision must be sealed, seal the new one as a maintainer would.
    if (r.status !== 0 && /seal/i.test(r.output) && existsSync(join(ROOT, 'scripts/seal.ts'))) {
      const sealed = runScript('seal', env, [HOSTILE_ID]);
      expect(sealed.status, sealed.output).toBe(0);
      r = build(content, EXAMPLE_NOW);
    }
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
  });

  it('cannot inject script, frames, event handlers or javascript: links into any page', () => {
    const found: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = page(dist, file);
      // The site's own bundled scripts (the version lookup) are files under /_astro/; nothing else may be a script.
      const own = (el: HTMLElement) => el.rawTagName === 'script' && /^\/_astro\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? '') && el.text.trim() === '';
      for (const el of html.querySelectorAll('script, iframe, object, embed, img')) if (!own(el)) found.push(`${file}: <${el.rawTagName}>`);
      for (const el of html.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (/^on/i.test(name) || name.toLowerCase() === 'style') found.push(`${file}: ${el.rawTagName}[${name}]`);
          if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${file}: ${el.rawTagName}[${name}=${value}]`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('shows the hostile text literally', () => {
    const html = page(dist, `advisories/${HOSTILE_ID}/index.html`);
    expect(text(html.querySelector('h1'))).toBe(`${HOSTILE_ID}: ${HOSTILE_TITLE}`);
    expect(text(html.querySelector('ul.credits li'))).toContain(`${SCRIPT}${IMG}`);
    expect(text(html.querySelector('ul.credits li'))).toContain('javascript:alert(1)');
    expect(text(html.querySelector('.advisory-body'))).toContain(SCRIPT);
    const index = tableRows(page(dist, 'advisories/index.html').querySelector('#archive-table')!);
    expect(index.find((r) => r[0] === HOSTILE_ID)![2]).toBe(HOSTILE_TITLE);
  });

  it('still passes html-validate', async () => {
    const pages = [`advisories/${HOSTILE_ID}/index.html`, `advisories/${HOSTILE_ID}/v1/index.html`, 'advisories/index.html', 'index.html'];
    const problems = (await Promise.all(pages.map((p) => htmlProblems(join(dist, p))))).flat();
    expect(problems).toEqual([]);
  });
});
