/**
 * Bulletin's post-build steps, in order, over the folder Astro just wrote: the search index,
 * signing, then the output guard, last, over everything (the search index included). Any failure fails the build, and `npm run build` then keeps the
 * previous dist/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { findLeaks } from '../lib/publication/guard.ts';
import { publicationPlan } from '../lib/publication/plan.ts';
import { resolveSigningKey } from '../io/signing-key.ts';
import { signOutput } from './sign.ts';
import { buildNow } from '../io/now.ts';
import { validatedContent } from '../io/loader.ts';
import { readOutput } from './output.ts';
import { indexSite } from './search.ts';

/** Runs the leak guard over a built folder; throws listing every leak. */
export function guardOutput(dir: string, tokens: string[]): void {
  const leaks = findLeaks(readOutput(dir), tokens);
  if (leaks.length) {
    const list = leaks.map((l) => `  ${l.path}: "${l.token}" in ...${l.context}...`).join('\n');
    throw new Error(
      `Bulletin's output guard found unpublished material in the build (SPEC rule 1):\n${list}\n` +
        'Nothing was published. Either content names it (npm run check finds that in policy, site.yaml and published texts), or something outside the one publication filter (publishedContent in src/lib/publication/plan.ts) let it through: fix that code, or the file under public/ that carries it.',
    );
  }
}

/** The integration: post-build steps for `astro build`. */
export function bulletin(): AstroIntegration {
  return {
    name: 'bulletin',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const content = await validatedContent();
        const now = buildNow();

        const pages = await indexSite(out);
        logger.info(`search index: ${pages} page${pages === 1 ? '' : 's'} indexed`);

        const resolved = await resolveSigningKey(content.site, now);
        const plan = publicationPlan(content, now);
        const signed = await signOutput(out, plan.outputs, resolved.key);
        logger.info(`signed ${signed} files with ${resolved.development ? 'the DEVELOPMENT key (not the project\'s key)' : 'key'} ${resolved.key.fingerprint}`);

        guardOutput(out, plan.heldBack);
        logger.info(`output guard: no unpublished material (${plan.heldBack.length} held-back token${plan.heldBack.length === 1 ? '' : 's'} checked)`);
      },
    },
  };
}
