/**
 * SPEC rule 1 end to end: a decoy embargoed advisory and a pending revision that adds an alias
 * appear nowhere in the build; the output guard catches each kind of leak (an ID, an alias, a
 * held-back revision's address) without tripping on what is published; a later BULLETIN_NOW
 * publishes them. A mention in published text is caught by check; anything else that got out
 * is caught by the guard over the built site, however it is encoded.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { guardOutput } from '../../src/integrations/output-guard.ts';
import { readContentFiles } from '../../src/io/read-content.ts';
import { heldBack } from '../../src/lib/publication/plan.ts';
import { validateAll } from '../../src/lib/content/validate.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, contentWith, EXAMPLE_CONTENT, ROOT, runScript, tempDir } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';
import { HELD, SPELLINGS } from '../helpers/spellings.ts';
import { renderMarkdown } from '../../src/lib/text/markdown.ts';

const DECOY = `---
id: EXA-2026-0099
aliases:
  - CVE-2026-77777
summary: Decoy embargoed advisory
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
  date: 2026-12-24T00:00:00Z
  summary: Initial publication.
---
Embargoed text that must not leak.
`;

const current = readFileSync(join(EXAMPLE_CONTENT, 'advisories/EXA-2026-0001.md'), 'utf8');
/** Revision 3 of EXA-2026-0001, pending until 2026-10-01: it adds an alias. */
const PENDING = current
  .replace('  - CVE-2026-41234\n', '  - CVE-2026-41234\n  - CVE-2026-99999\n')
  .replace('number: 2\n  date: 2026-08-11T09:00:00Z\n  summary: Added the CVE ID, a CVSS 4.0 vector and credits.', 'number: 3\n  date: 2026-10-01T00:00:00Z\n  summary: Added a second CVE ID.');

/** The example plus the decoy and the pending revision, sealed; `extra` adds files. */
function plantedContent(extra: Record<string, string> = {}): string {
  const dir = contentWith({
    'advisories/EXA-2026-0099.md': DECOY,
    'advisories/EXA-2026-0001/v2.md': current,
    'advisories/EXA-2026-0001.md': PENDING,
    ...extra,
  });
  const sealed = runScript('seal', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW }, ['--all']);
  expect(sealed.status, sealed.output).toBe(0);
  return dir;
}

const everything = (dist: string) => listFiles(dist).map((f) => `${f}\n${readFileSync(join(dist, f), 'latin1')}`).join('\n').toLowerCase();

describe('at the fixed now, the embargoed material is absent', () => {
  let planted: string;
  let dist: string;
  let output: string;
  beforeAll(() => {
    planted = plantedContent();
    const r = build(planted, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
    output = r.output;
  });

  it('the guard ran with the held-back tokens', () => {
    // EXA-2026-0099, CVE-2026-77777, CVE-2026-99999, /advisories/EXA-2026-0001/v3/, EXA-2026-0004,
    // CVE-2026-48810, EXA-2026-0005 and the embargoed announcement's two addresses.
    expect(output).toMatch(/output guard: no unpublished material \(9 held-back tokens checked\)/);
  });

  it('nothing in dist/ names the decoy, its alias, the pending alias or the pending revision', () => {
    const all = everything(dist);
    for (const token of ['exa-2026-0099', 'cve-2026-77777', 'cve-2026-99999', 'exa-2026-0001/v3', 'embargoed text']) expect(all).not.toContain(token);
  });

  it('no data store, cache or staging folder holds the draft or the embargoed text (SPEC rule 10)', () => {
    // Astro's data store and cache live in the build's work folder under .bulletin/ (named by a hash
    // of the output folder; other builds in .bulletin/ built other content at other nows); .astro/
    // holds Astro's generated types.
    const work = join('.bulletin', `build-${createHash('sha256').update(dist).digest('hex').slice(0, 12)}`);
    const folders = [work, '.astro', 'node_modules/.astro'].map((f) => join(ROOT, f)).filter((f) => existsSync(f));
    const texts = ['Embargoed text that must not leak', 'Decoy embargoed advisory', 'Still being analysed', 'Added a second CVE ID', 'CVE-2026-99999'];
    for (const folder of [...folders, dist]) {
      for (const file of listFiles(folder)) {
        const text = readFileSync(join(folder, file), 'latin1');
        for (const t of texts) expect(text.includes(t), `${t} in ${folder}/${file}`).toBe(false);
      }
    }
  });

  it('the published revision is there, at its own address', () => {
    expect(existsSync(join(dist, 'advisories/EXA-2026-0001/v2/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'advisories/CVE-2026-41234/index.html'))).toBe(true);
  });

  it('a later now publishes the pending revision, and a later one the decoy', () => {
    const october = build(planted, '2026-10-01T00:00:00Z');
    expect(october.status, october.output).toBe(0);
    expect(existsSync(join(october.outDir, 'advisories/EXA-2026-0001/v3/index.html'))).toBe(true);
    expect(existsSync(join(october.outDir, 'advisories/CVE-2026-99999/index.html'))).toBe(true);
    expect(everything(october.outDir)).not.toContain('exa-2026-0099');
    const christmas = build(planted, '2026-12-24T00:00:00Z');
    expect(christmas.status, christmas.output).toBe(0);
    expect(existsSync(join(christmas.outDir, 'advisories/EXA-2026-0099/index.html'))).toBe(true);
    expect(existsSync(join(christmas.outDir, 'advisories/CVE-2026-77777/index.html'))).toBe(true);
  });
});

describe('a leak in published text', () => {
  // Policy prose is published as written, so it is how a maintainer could leak by mistake.
  const leak = (text: string) => `---\ntitle: Coming soon\norder: 90\n---\n${text}\n`;

  it.each([
    ['the ID of an advisory with nothing published', 'Watch for EXA-2026-0099 soon.', 'EXA-2026-0099'],
    ['an alias only a pending revision carries, in other case', 'Also known as cve-2026-99999.', 'CVE-2026-99999'],
    ['the address of a held-back revision', 'Draft at [the next revision](https://security.lanternfish.example/advisories/EXA-2026-0001/v3/).', '/advisories/EXA-2026-0001/v3/'],
  ])('is caught by check and build on %s, and the previous dist/ stays', (_name, text, token) => {
    const first = build(plantedContent(), EXAMPLE_NOW);
    expect(first.status, first.output).toBe(0);
    const before = readFileSync(join(first.outDir, 'index.html'), 'utf8');
    const dir = plantedContent({ 'policy/90-leak.md': leak(text) });
    const checked = runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW });
    expect(checked.status).toBe(1);
    expect(checked.output).toMatch(new RegExp(`policy/90-leak\\.md:5: error: names ${token.replace(/[/.]/g, '\\$&')}, which is not published yet`));
    const r = build(dir, EXAMPLE_NOW, {}, first.outDir);
    expect(r.status).toBe(1);
    expect(readFileSync(join(first.outDir, 'index.html'), 'utf8')).toBe(before);
  });
});

describe('every spelling a reader reads as a held-back ID (issue #10 item 1)', () => {
  const files = Object.fromEntries(SPELLINGS.map(([, md], i) => [`policy/${String(900 + i)}-leak.md`, `---\ntitle: Coming soon\norder: ${900 + i}\n---\nWatch for ${md} soon.\n`]));
  let dir: string;
  beforeAll(() => {
    dir = plantedContent(files);
  });

  it('check names every file that spells it, with its line', () => {
    const r = runScript('check', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: EXAMPLE_NOW });
    expect(r.status).toBe(1);
    const named = [...r.output.matchAll(/(policy\/\d+-leak\.md):5: error: names EXA-2026-0099, which is not published yet/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(Object.keys(files).map((f) => f).sort());
  });

  it('build refuses it too, before rendering', () => {
    const r = build(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/policy\/900-leak\.md:5: error: names EXA-2026-0099/);
    expect(existsSync(r.outDir)).toBe(false);
  });
});

describe('the output guard over a built site', () => {
  let dist: string;
  let tokens: string[];
  beforeAll(async () => {
    const dir = plantedContent();
    const r = build(dir, EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
    const content = (await validateAll(readContentFiles(dir), new Date(EXAMPLE_NOW))).content!;
    tokens = heldBack(content, new Date(EXAMPLE_NOW));
  });

  it('passes the site as built: nothing published trips it', () => {
    expect(() => guardOutput(dist, tokens)).not.toThrow();
  });

  it.each([
    ['an ID in a page', 'index.html', '<p>EXA-2026-0099</p>', 'EXA-2026-0099'],
    ['an alias in a feed, as a JSON escape', 'feed.json', '{"x":"\\u0043VE-2026-99999"}', 'CVE-2026-99999'],
    ['a held-back address in the sitemap, URL-encoded', 'sitemap.xml', '<loc>https://security.lanternfish.example/advisories/EXA-2026-0001%2Fv3%2F</loc>', '/advisories/EXA-2026-0001/v3/'],
    ['an embargoed alias in a gzip file', 'extra.txt.gz', gzipSync('cve-2026-77777'), 'CVE-2026-77777'],
  ])('catches %s', (_name, file, text, token) => {
    const copy = join(tempDir('guard'), 'dist');
    cpSync(dist, copy, { recursive: true });
    const path = join(copy, file);
    writeFileSync(path, typeof text === 'string' && existsSync(path) ? readFileSync(path, 'utf8') + text : text);
    expect(() => guardOutput(copy, tokens)).toThrow(`${file}: "${token}"`);
  });

  it.each(SPELLINGS)('catches %s in a page and in a feed, as the pages and feeds render it', (_name, markdown) => {
    const copy = join(tempDir('guard'), 'dist');
    cpSync(dist, copy, { recursive: true });
    const html = renderMarkdown(`Watch for ${markdown} soon.`);
    writeFileSync(join(copy, 'index.html'), readFileSync(join(copy, 'index.html'), 'utf8').replace('</main>', `${html}</main>`));
    expect(() => guardOutput(copy, tokens)).toThrow(`index.html: "${HELD}"`);
    const xml = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    writeFileSync(join(copy, 'index.html'), readFileSync(join(dist, 'index.html')));
    writeFileSync(join(copy, 'rss.xml'), readFileSync(join(copy, 'rss.xml'), 'utf8').replace('</channel>', `<item><description>${xml}</description></item></channel>`));
    expect(() => guardOutput(copy, tokens)).toThrow(`rss.xml: "${HELD}"`);
  });
});
