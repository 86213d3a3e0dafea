/**
 * Bulletin's content loader: hands Astro the validator's already-parsed data, so there is one
 * parse and one set of types, and only what is published at "now" (SPEC rule 10). Under
 * `npm run build` the content comes from the build's handoff (validated once, by the script);
 * under `astro build` or `astro dev` run directly, this process validates the folder itself, once
 * (and again after the dev server sees a change).
 */
import type { Loader } from 'astro/loaders';
import { formatReport } from '../lib/content/findings.ts';
import type { Content } from '../lib/content/validate.ts';
import { publishedContent } from '../lib/publication/plan.ts';
import { readHandoff, type PublishedContent } from './handoff.ts';
import { buildNow } from './now.ts';
import { contentDir } from './read-content.ts';
import { validateFolder } from './run-validation.ts';

let cached: Promise<Content> | undefined;

/** The validated content of this process (validated once, until the dev server sees a change). */
export function validatedContent(): Promise<Content> {
  cached ??= validateFolder().then((result) => {
    if (!result.content) throw new Error(`Bulletin content has errors:\n${formatReport(result.findings, 'build')}`);
    return result.content;
  });
  return cached;
}

/** What Astro receives: the content published at this build's "now", and nothing else. */
export async function contentForAstro(): Promise<PublishedContent> {
  return readHandoff()?.content ?? publishedContent(await validatedContent(), buildNow());
}

/** A loader for one collection: picks its entries out of the published content. */
export function bulletinLoader(pick: (content: PublishedContent) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name: 'bulletin',
    load: async ({ store, watcher, logger }) => {
      const fill = async () => {
        const entries = pick(await contentForAstro());
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
