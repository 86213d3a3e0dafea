/**
 * The reader's side of the built example (issue 12), read from the files: every page carries the
 * Content-Security-Policy and nothing inline that it would have to allow; scripts come only to
 * the pages that use them; each page type stays within its weight budget; and the search index,
 * read as the output guard reads it, holds published aliases and nothing held back.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardOutput } from '../../src/integrations/output-guard.ts';
import { readOutput } from '../../src/integrations/output.ts';
import { metaPolicy } from '../../src/lib/publication/csp.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, EXAMPLE_CONTENT, tempDir } from '../helpers/run.ts';
import { listFiles, page } from '../helpers/site.ts';

/** What no file may carry at the example's now (see archive.test.ts). */
const UNPUBLISHED = ['EXA-2026-0004', 'CVE-2026-48810', 'EXA-2026-0005'];

/**
 * Bytes of HTML plus the stylesheets it links, before compression, per page type. An advisory
 * page must stay under 30 KB (issue 12); the others have room for their longer tables.
 */
const BUDGETS: [string, RegExp, number][] = [
  ['advisory', /^advisories\/(EXA|GHSA)-[^/]+\/index\.html$/, 30_000],
  ['revision', /^advisories\/[^/]+\/v\d+\/index\.html$/, 30_000],
  ['security page', /^index\.html$/, 40_000],
  ['archive', /^advisories\/(index\.html|year\/|rating\/)/, 40_000],
  ['release lines', /^releases\//, 30_000],
  ['announcement', /^announcements\//, 30_000],
  ['search', /^search\/index\.html$/, 15_000],
];
/** Script bytes a page may load (its own files, before compression). */
const SCRIPT_BUDGETS = { lookup: 30_000, search: 10_000 };

let dist: string;
let pages: string[];
const html = (f: string) => readFileSync(join(dist, f), 'utf8');
const scriptsOf = (f: string) => page(dist, f).querySelectorAll('script').map((s) => s.getAttribute('src') ?? '(inline)');

beforeAll(() => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW);
  expect(r.status, r.output).toBe(0);
  dist = r.outDir;
  pages = listFiles(dist).filter((f) => f.endsWith('.html'));
});

describe('safe by construction', () => {
  it('gives every page the policy, first in its head, with WebAssembly only on the search page', () => {
    for (const f of pages) {
      const meta = page(dist, f).querySelector('head > meta[http-equiv="Content-Security-Policy"]');
      expect(meta, f).not.toBeNull();
      expect(meta!.getAttribute('content'), f).toBe(metaPolicy({ wasm: f === 'search/index.html' }));
      // Before anything that loads: only the charset comes first.
      expect(html(f), f).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/i);
    }
    expect(metaPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors|\*|https?:/);
  });

  it('has no inline script, style or event handler on any page', () => {
    const problems: string[] = [];
    for (const f of pages) {
      const doc = page(dist, f);
      for (const s of doc.querySelectorAll('script')) if (!s.getAttribute('src') || s.text.trim()) problems.push(`${f}: inline script`);
      if (doc.querySelectorAll('style').length) problems.push(`${f}: <style>`);
      for (const e of doc.querySelectorAll('*')) {
        for (const name of Object.keys(e.attributes)) {
          if (name === 'style' || /^on/i.test(name)) problems.push(`${f}: ${e.tagName} ${name}=`);
        }
      }
      if (/javascript:/i.test(html(f))) problems.push(`${f}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });
});

describe('light', () => {
  it('loads the lookup script on advisories, /releases/ and line pages, search on /search/, and nothing elsewhere', () => {
    for (const f of pages) {
      const scripts = scriptsOf(f);
      const lookup = /^advisories\/(EXA|GHSA)-[^/]+\/(v\d+\/)?index\.html$/.test(f) || /^releases\//.test(f);
      const search = f === 'search/index.html';
      expect(scripts.filter((s) => /VersionLookup/.test(s)).length, f).toBe(lookup ? 1 : 0);
      expect(scripts.filter((s) => /SearchBox/.test(s)).length, f).toBe(search ? 1 : 0);
      expect(scripts.length, f).toBe(Number(lookup) + Number(search));
    }
  });

  it('keeps every page type within its budget of HTML and CSS', () => {
    const over: string[] = [];
    let measured = 0;
    for (const f of pages) {
      const budget = BUDGETS.find(([, re]) => re.test(f));
      if (!budget) continue;
      measured++;
      const css = page(dist, f).querySelectorAll('link[rel=stylesheet]').map((l) => readFileSync(join(dist, l.getAttribute('href')!)).length);
      const total = Buffer.byteLength(html(f)) + css.reduce((a, b) => a + b, 0);
      if (total > budget[2]) over.push(`${f} (${budget[0]}): ${total} bytes, budget ${budget[2]}`);
    }
    expect(over).toEqual([]);
    expect(measured).toBeGreaterThan(20);
  });

  it('keeps the scripts within theirs', () => {
    const size = (pattern: RegExp) => listFiles(join(dist, '_astro')).filter((f) => pattern.test(f)).map((f) => readFileSync(join(dist, '_astro', f)).length);
    expect(size(/^VersionLookup.*\.js$/)).toEqual([expect.any(Number)]);
    expect(size(/^VersionLookup.*\.js$/)[0]).toBeLessThanOrEqual(SCRIPT_BUDGETS.lookup);
    expect(size(/^SearchBox.*\.js$/)[0]).toBeLessThanOrEqual(SCRIPT_BUDGETS.search);
  });
});

describe('the search index, read as the guard reads it', () => {
  it('holds the published advisories and aliases, and nothing held back', () => {
    const index = readOutput(dist).filter((f) => f.path.startsWith('pagefind/'));
    const text = index.map((f) => f.text).join('\n').toLowerCase();
    expect(index.some((f) => f.path.includes('fragment'))).toBe(true);
    for (const s of ['exa-2026-0001', 'cve-2026-41234', 'ghsa-7q4m-2x9v-c3hf', 'request smuggling']) expect(text).toContain(s);
    for (const s of UNPUBLISHED) expect(text).not.toContain(s.toLowerCase());
  });

  it('makes the guard fail a build whose search index names a held-back ID', () => {
    const copy = join(tempDir('guard'), 'dist');
    for (const f of listFiles(dist)) {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      writeFileSync(join(copy, f), readFileSync(join(dist, f)));
    }
    expect(() => guardOutput(copy, UNPUBLISHED)).not.toThrow();
    // A fragment as Pagefind writes it: gzip, with a name that says nothing of it.
    writeFileSync(join(copy, 'pagefind/fragment/en_planted.pf_fragment'), gzipSync(Buffer.from('pagefind_dcd{"content":"see EXA-2026-0004 soon"}')));
    expect(() => guardOutput(copy, UNPUBLISHED)).toThrow(/pagefind\/fragment\/en_planted\.pf_fragment: "EXA-2026-0004"/);
  });
});
