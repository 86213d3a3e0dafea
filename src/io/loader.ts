/**
 * Bulletin's content loader: hands Astro the validator's already-parsed data, so there is one
 * parse and one set of types, and only what is published at "now" (SPEC rule 10). Under
 * `npm run build` the content comes from the build's handoff (validated once, by the script);
 * under `astro build` run directly, this process validates the folder itself, once; under
 * `astro dev`, once at start and once per change, shared by every collection (src/io/dev-content.ts).
 */
import type { Loader } from 'astro/loaders';
import { formatReport } from '../lib/content/findings.ts';
import type { Content } from '../lib/content/validate.ts';
import { publishedContent } from '../lib/publication/plan.ts';
import { readHandoff, type PublishedContent } from './handoff.ts';
import { buildNow } from './now.ts';
import { devContent, filledFrom, type DevOutcome } from './dev-content.ts';
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

let forAstro: Promise<PublishedContent> | undefined;

/**
 * What Astro receives: the content published at this build's "now", and nothing else. Read once
 * per process and shared by every collection's loader (each read the whole handoff again: seven
 * deserializations of the content at ten thousand advisories).
 */
export function contentForAstro(): Promise<PublishedContent> {
  forAstro ??= (async () => readHandoff()?.content ?? publishedContent(await validatedContent(), buildNow()))();
  return forAstro;
}

/** A loader for one collection: picks its entries out of the published content. */
export function bulletinLoader(pick: (content: PublishedContent) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name: 'bulletin',
    load: async ({ store, watcher }) => {
      let content: PublishedContent;
      let outcome: DevOutcome | undefined;
      if (watcher) {
        // The dev server: one reading per change for every collection (src/io/dev-content.ts);
        // the integration watches the folder and refreshes the collections. Invalid content
        // leaves the store as it was: the dev server answers every page with the errors instead.
        outcome = await devContent();
        if (!outcome.content) return;
        content = publishedContent(outcome.content, buildNow());
      } else {
        content = await contentForAstro();
      }
      store.clear();
      const entries = pick(content);
      for (const entry of entries) store.set(entry);
      // A collection with no entry (no announcement yet, no key) is still a collection: without
      // this Astro drops it from the store and warns "does not exist or is empty" on every read.
      if (!entries.length) {
        store.set({ id: EMPTY_MARK, data: {} });
        store.delete(EMPTY_MARK);
      }
      if (outcome) filledFrom(outcome);
    },
  };
}

const EMPTY_MARK = 'bulletin:empty';
