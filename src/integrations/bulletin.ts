/**
 * Bulletin's post-build steps, in order, over the folder Astro just wrote: the search index
 * (Pagefind over the final pages), the digest files the plan asks for, signing what the plan
 * marks, then the output guard over everything, the search index included. Any failure fails the build, and `npm run build`
 * then keeps the previous dist/. Under `npm run build` the script runs them itself with the plan
 * and key it already holds (one validation, one plan, one key per build); the integration runs
 * them when `astro build` is run directly.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { findLeaks } from '../lib/publication/guard.ts';
import { publicationPlan, type PublicationPlan } from '../lib/publication/plan.ts';
import { buildSigningKey, type ResolvedKey } from '../io/signing-key.ts';
import { signOutput } from './sign.ts';
import { writeDigests } from './digests.ts';
import { buildNow } from '../io/now.ts';
import { readHandoff } from '../io/handoff.ts';
import { validatedContent } from '../io/loader.ts';
import { readOutput } from './output.ts';
import { mark, PROCESS_START, timed, timing } from '../io/timings.ts';
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

/** Indexes the pages for search, signs what the plan marks, then guards the whole folder: the post-build steps. */
export async function postBuild(dir: string, plan: PublicationPlan, resolved: ResolvedKey, log: (message: string) => void): Promise<void> {
  const pages = await indexSite(dir);
  log(`search index: ${pages} page${pages === 1 ? '' : 's'} indexed`);
  const digests = writeDigests(dir, plan.outputs);
  if (digests) log(`wrote ${digests} digest files`);
  const signed = await timed('signing', () => signOutput(dir, plan.outputs, resolved.key));
  log(`signed ${signed} files with ${resolved.development ? "the DEVELOPMENT key (not the project's key)" : 'key'} ${resolved.key.fingerprint}`);
  await timed('guard', () => guardOutput(dir, plan.heldBack));
  log(`output guard: no unpublished material (${plan.heldBack.length} held-back token${plan.heldBack.length === 1 ? '' : 's'} checked)`);
}

/** The integration: post-build steps for `astro build` run directly. */
export function bulletin(): AstroIntegration {
  // With BULLETIN_TIMINGS=1, Astro's own stages are timed between its hooks (src/io/timings.ts).
  let stage = PROCESS_START;
  const next = (phase: string) => {
    timing(phase, stage);
    stage = mark();
  };
  return {
    name: 'bulletin',
    hooks: {
      'astro:config:setup': () => next('astro start'),
      'astro:build:start': () => next('astro content layer'),
      'astro:build:generated': () => next('astro bundle and pages'),
      'astro:build:done': async ({ dir, logger }) => {
        next('astro assets');
        // Under npm run build, the script signs and guards with the plan and key it holds.
        if (readHandoff()) return;
        const content = await validatedContent();
        const now = buildNow();
        await postBuild(fileURLToPath(dir), publicationPlan(content, now), await buildSigningKey(content.site, now), (m) => logger.info(m));
      },
    },
  };
}
