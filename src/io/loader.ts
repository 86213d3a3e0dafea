/**
 * Bulletin's content loader: hands Astro the validator's already-parsed data, so there is one
 * parse and one set of types, and only what is published at "now" (SPEC rule 10). A content folder with errors stops the build with every finding.
 * Under `npm run dev` it watches the content folder and loads again after every change.
 */
import type { Loader } from 'astro/loaders';
import { formatReport } from '../lib/content/findings.ts';
import { publishedContent } from '../lib/publication/plan.ts';
import { buildNow } from './now.ts';
import type { Content } from '../lib/content/validate.ts';
import { contentDir } from './read-content.ts';
import { validateFolder } from './run-validation.ts';

let cached: Promise<Content> | undefined;

/** The validated content of this build (validated once, until the dev server sees a change). */
export function validatedContent(): Promise<Content> {
  cached ??= validateFolder().then((result) => {
    if (!result.content) throw new Error(`Bulletin content has errors:\n${formatReport(result.findings, 'build')}`);
    return result.content;
  });
  return cached;
}

/** A loader for one collection: picks its entries out of the content published at this build's "now" (nothing else enters Astro). */
export function bulletinLoader(pick: (content: Content) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name: 'bulletin',
    load: async ({ store, watcher, logger }) => {
      const fill = async () => {
        const entries = pick(publishedContent(await validatedContent(), buildNow()));
        store.clear();
        for (const entry of entries) store.set(entry);
      };
      await fill();
      if (!watcher) return;
      const dir = contentDir();
      watcher.add(dir);
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(dir)) return;
        cached = undefined;
        fill().catch((e: Error) => logger.error(e.message));
      });
    },
  };
}
