/**
 * Bulletin's post-build steps, in order, over the folder Astro just wrote: the output guard runs
 * last, over everything. Any failure fails the build, and `npm run build` then keeps the
 * previous dist/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { findLeaks } from '../lib/guard.ts';
import { heldBackTokens } from '../lib/publication.ts';
import { buildNow } from '../io/now.ts';
import { validatedContent } from '../io/loader.ts';
import { readOutput } from './output.ts';

/** Runs the leak guard over a built folder; throws listing every leak. */
export function guardOutput(dir: string, tokens: string[]): void {
  const leaks = findLeaks(readOutput(dir), tokens);
  if (leaks.length) {
    const list = leaks.map((l) => `  ${l.path}: "${l.token}" in ...${l.context}...`).join('\n');
    throw new Error(
      `Bulletin's output guard found unpublished material in the build (SPEC rule 1):\n${list}\n` +
        'Nothing was published. Something outside the one publication filter (src/data/advisories.ts) let it through; fix that code, or the file under public/ that carries it.',
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
        const tokens = heldBackTokens((await validatedContent()).advisories, buildNow());
        guardOutput(out, tokens);
        logger.info(`output guard: no unpublished material (${tokens.length} held-back token${tokens.length === 1 ? '' : 's'} checked)`);
      },
    },
  };
}
