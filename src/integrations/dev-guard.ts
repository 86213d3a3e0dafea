/**
 * The dev server serves the site and nothing else (SPEC "npm run dev", issue #10 item 2). Vite's
 * dev server hands out any file of the project on request (`/content/advisories/<draft>.md`,
 * `?raw` of any source, `/.astro/data-store.json`, `/.bulletin/` with the development private
 * key, `/test/fixtures/keys/` with the test private key, `/@fs/<any path>`). This middleware runs
 * before Vite's own and answers 404 for all of that; what is left are the site's routes and the few
 * modules a page needs in development (Vite's client, the site's stylesheets, Astro's component
 * styles and scripts, prebundled npm code).
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Queries that turn any file into a module of its text or address.
const FILE_QUERIES = new Set(['raw', 'url', 'inline', 'worker', 'sharedworker', 'import']);

// Files the site serves at its root, which a project may also keep at the top of its repository.
const SITE_FILES = new Set(['/SECURITY.md', '/pgp-key.asc', '/encryption-key.asc', '/rss.xml', '/feed.json', '/sitemap.xml', '/404.html', '/robots.txt']);

function decoded(pathname: string): string {
  let path = pathname;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(path);
      if (next === path) break;
      path = next;
    } catch {
      break;
    }
  }
  return posix.normalize(path.replace(/\\/g, '/'));
}

/**
 * Pure modules the pages' scripts import (the version lookup's decision and its range function):
 * in development the browser fetches them as they are; built, they are inside the bundled script.
 */
const CLIENT_MODULES = new Set(['/src/lib/advisory/lookup.ts', '/src/lib/advisory/ranges.ts']);

/** A module a page needs in development: the site's CSS, an Astro component's style or script, a module such a script imports. */
function devModule(path: string, query: URLSearchParams): boolean {
  if (!path.startsWith('/src/')) return false;
  if (CLIENT_MODULES.has(path) && ![...query.keys()].some((k) => FILE_QUERIES.has(k))) return true;
  if (/^\/src\/styles\/[^/]+\.css$/.test(path) && ![...query.keys()].some((k) => FILE_QUERIES.has(k))) return true;
  return /^\/src\/(components|layouts|pages)\/.+\.astro$/.test(path) && query.has('astro') && /^(style|script)$/.test(query.get('type') ?? '');
}

/** Why a dev-server request is refused, or undefined when the site may answer it. `root` is the project folder. */
export function refusal(url: string, root: string): string | undefined {
  const parsed = new URL(url, 'http://dev.invalid');
  const path = decoded(parsed.pathname);
  const lower = path.toLowerCase();
  const query = parsed.searchParams;
  if (lower.startsWith('/@vite/client') || lower.startsWith('/@vite/env')) return undefined;
  if (lower.startsWith('/node_modules/')) {
    return /^\/node_modules\/(\.astro|\.cache)\//.test(lower) ? 'a cache folder' : undefined;
  }
  if (lower.startsWith('/@fs/')) {
    return lower.includes('/node_modules/') && !/\/node_modules\/(\.astro|\.cache)\//.test(lower) ? undefined : 'a file outside the site';
  }
  if (lower.startsWith('/@id/')) return /astro:(content|data-layer|env)|content-layer|data-store|\.(md|ya?ml|lock|asc)\b/.test(lower) ? 'a content module' : undefined;
  if (devModule(path, query)) return undefined;
  if ([...query.keys()].some((k) => FILE_QUERIES.has(k))) return 'a source file as a module';
  if (path.split('/').some((s) => s.startsWith('.') && s !== '.well-known')) return 'a hidden file or folder';
  const first = lower.split('/')[1] ?? '';
  if (['content', 'src', 'test', 'scripts', 'docs', 'dist', 'public'].includes(first)) return 'a project folder';
  // Anything else that names a file of the project (package.json, README.md, a key) is not the
  // site, unless it is an address the site itself serves (a project may keep a SECURITY.md too).
  if (path !== '/' && !SITE_FILES.has(path) && existsSync(join(root, path))) return 'a project file';
  return undefined;
}

/** The integration: in `astro dev`, refuses every request that is not the site. */
export function devGuard(): AstroIntegration {
  return {
    name: 'bulletin-dev-guard',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        const root = resolve(fileURLToPath(config.root));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bulletin-dev-guard',
                configureServer(server) {
                  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
                    const why = refusal(req.url ?? '/', root);
                    if (!why) return next();
                    res.statusCode = 404;
                    res.setHeader('content-type', 'text/plain; charset=utf-8');
                    res.end(`Not found: the Bulletin dev server serves the site, not ${why}.\n`);
                  });
                },
              },
            ],
          },
        });
      },
    },
  };
}
