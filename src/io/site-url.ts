/** Reads the site URL from site.yaml for astro.config: Astro's `site` and `base`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './read-content.ts';

/** The origin and base path the site is published under (a base path for a project site). */
export function siteLocation(env: NodeJS.ProcessEnv = process.env): { site: string; base: string } {
  const file = join(contentDir(env), 'site.yaml');
  let url = 'http://localhost/';
  try {
    const data = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { url?: unknown }) : undefined;
    if (typeof data?.url === 'string' && URL.canParse(data.url)) url = data.url;
  } catch {
    // The validator reports a broken site.yaml with its line; the config only needs a fallback.
  }
  const u = new URL(url);
  const base = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { site: u.origin, base };
}
