/** Internal links that work under a base path. */

const BASE = import.meta.env.BASE_URL;

/** The site-relative address of a page: `href('releases/')` -> `/base/releases/`. */
export function href(path: string): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\//, '');
}
