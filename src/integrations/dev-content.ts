/**
 * Content errors in the dev server's browser (issue #9 item 7). In `astro dev` this integration
 * watches the content folder, reads it once per change (src/io/dev-content.ts, which prints the
 * findings once) and, when it is valid, refreshes Bulletin's collections. Its middleware answers
 * every page request with the errors (HTTP 500) while the content is invalid, so no stale page is
 * served; once fixed, the next request gets the page. `astro build` is untouched: the hook only
 * runs in the dev server.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { contentErrorPage } from '../lib/content/error-page.ts';
import { changing, holds, readAgain, settledContent, type DevOutcome } from '../io/dev-content.ts';
import { contentDir } from '../io/read-content.ts';

/** Requests for Vite's and Astro's own modules, which a page (and this error page) needs in development. */
export function isModuleRequest(url: string): boolean {
  const path = new URL(url, 'http://dev.invalid').pathname;
  return path.startsWith('/@') || path.startsWith('/__') || path.startsWith('/src/') || path.includes('/node_modules/');
}

// Editors write a file in several steps (a temporary file, a rename, a second change event):
// the steps of one save are read as one change.
const SAVE_STEPS_MS = 100;

type RefreshContent = (options: { loaders: string[] }) => Promise<void>;

/**
 * Hands a valid reading to the collections. Astro reloads its content config whenever a
 * markdown or YAML file changes, and `refreshContent` does nothing while that reload is under
 * way; so it is asked again until the loaders have filled the collections from this reading (or
 * a later one). Astro's sync waits for the data store to be written, so the next page is new.
 */
async function refresh(outcome: DevOutcome, refreshContent: RefreshContent): Promise<void> {
  for (let attempt = 0; attempt < REFRESH_ATTEMPTS; attempt++) {
    await refreshContent({ loaders: ['bulletin'] });
    if (holds(outcome)) return;
    await sleep(REFRESH_PAUSE_MS);
  }
  console.error('bulletin dev: the collections could not be refreshed; restart npm run dev');
}

const REFRESH_ATTEMPTS = 100;
const REFRESH_PAUSE_MS = 100;

/** The integration: in `astro dev`, content errors in the browser and the collections refreshed once per change. */
export function devContentErrors(): AstroIntegration {
  return {
    name: 'bulletin-dev-content',
    hooks: {
      'astro:server:setup': ({ server, refreshContent }) => {
        const dir = resolve(contentDir());
        let timer: NodeJS.Timeout | undefined;
        let finish: (() => void) | undefined;
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => {
          if (path !== dir && !resolve(path).startsWith(dir + sep)) return;
          // Requests wait from the first event of a save until the collections hold its result.
          if (!finish) changing(new Promise<void>((done) => (finish = done)));
          clearTimeout(timer);
          timer = setTimeout(() => {
            const done = finish!;
            finish = undefined;
            readAgain()
              .then((outcome) => (outcome.content && refreshContent ? refresh(outcome, refreshContent) : undefined))
              .catch((e: Error) => console.error(`bulletin dev: ${e.message}`))
              .finally(done);
          }, SAVE_STEPS_MS);
        });
        server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => {
          if (isModuleRequest(req.url ?? '/')) return next();
          settledContent().then((outcome) => {
            if (outcome.content) return next();
            res.statusCode = 500;
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(contentErrorPage(outcome.findings, outcome.failure));
          }, next);
        });
      },
    },
  };
}
