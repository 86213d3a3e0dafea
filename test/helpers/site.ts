/** Reading a built site: its files, its pages as parsed HTML, its internal links. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

/** A built page, parsed. */
export function page(dist: string, path: string): HTMLElement {
  return parse(readFileSync(join(dist, path), 'utf8'));
}

/** The cells of a table as text, one array per body row (header cells included). */
export function tableRows(table: HTMLElement): string[][] {
  return table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.replace(/\s+/g, ' ').trim()));
}

/** Resolves a link found in a page to the file in dist/ it must reach, or undefined if external. */
export function linkTarget(fromFile: string, hrefValue: string, origin: string, base: string): string | undefined {
  const pageUrl = new URL(base + fromFile.replace(/index\.html$/, ''), origin);
  const url = new URL(hrefValue, pageUrl);
  if (url.origin !== origin || url.protocol === 'mailto:') return undefined;
  if (!url.pathname.startsWith(base)) return `outside the base path: ${url.pathname}`;
  const inside = decodeURIComponent(url.pathname.slice(base.length));
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}
