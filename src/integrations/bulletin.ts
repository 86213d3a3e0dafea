/**
 * Bulletin's post-build steps over the folder Astro just wrote: the search index (Pagefind over
 * the final pages) alongside the digest files the plan asks for and signing what the plan marks,
 * then the output guard over everything, the search index included. Any failure fails the build, and `npm run build`
 * then keeps the previous dist/. Under `npm run build` the script runs them itself with the plan
 * and key it already holds (one validation, one plan, one key per build); the integration runs
 * them when `astro build` is run directly.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { publicationPlan, type PublicationPlan } from '../lib/publication/plan.ts';
import { buildSigningKey, type ResolvedKey } from '../io/signing-key.ts';
import { signOutput } from './sign.ts';
import { writeDigests } from './digests.ts';
import { buildNow } from '../io/now.ts';
import { readHandoffKey } from '../io/handoff.ts';
import { validatedContent } from '../io/loader.ts';
import { OutputGuard } from './output-guard.ts';
import { mark, PROCESS_START, timed, timing } from '../io/timings.ts';
import { indexSite } from './search.ts';

/**
 * The post-build steps: the search index (Pagefind, in its own process) is built while the
 * digests are written and the plan's files signed, and the guard reads the files they write as
 * they appear; then the guard reads every file it has not read in its final state. `guard` may
 * already have read files while Astro wrote them.
 */
export async function postBuild(dir: string, plan: PublicationPlan, resolved: ResolvedKey, log: (message: string) => void, guard = new OutputGuard(dir, plan.heldBack)): Promise<void> {
  const searchStarted = mark();
  const search = indexSite(dir).finally(() => timing('search index', searchStarted));
  // A failure below must not leave the search index's process running unobserved.
  search.catch(() => undefined);
  const digests = writeDigests(dir, plan.outputs);
  if (digests) log(`wrote ${digests} digest files`);
  const signing = timed('signing', () => signOutput(dir, plan.outputs, resolved.key));
  // While Pagefind writes its index and the files are signed, the guard reads what they write.
  await guard.follow(Promise.allSettled([search, signing]));
  const signed = await signing;
  log(`signed ${signed} files with ${resolved.development ? "the DEVELOPMENT key (not the project's key)" : 'key'} ${resolved.key.fingerprint}`);
  const pages = await search;
  log(`search index: ${pages} page${pages === 1 ? '' : 's'} indexed`);
  await timed('guard', () => guard.check());
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
        if (readHandoffKey()) return;
        const content = await validatedContent();
        const now = buildNow();
        await postBuild(fileURLToPath(dir), publicationPlan(content, now), await buildSigningKey(content.site, now), (m) => logger.info(m));
      },
    },
  };
}
