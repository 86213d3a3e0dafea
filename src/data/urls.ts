/** Internal links that work under a base path. */

const BASE = import.meta.env.BASE_URL;

/** The site-relative address of a page: `href('releases/')` -> `/base/releases/`. */
export function href(path: string): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\//, '');
}

/** The absolute address of a page: `absolute('advisories/')` -> `https://example.org/base/advisories/`. */
export function absolute(path: string): string {
  return new URL(href(path), import.meta.env.SITE).href;
}
