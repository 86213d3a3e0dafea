#!/usr/bin/env node
// npm run build: validate the content once, plan once, resolve the key once; Astro renders the
// published content into a staging folder; this script signs and guards it, and only when every
// step succeeded replaces dist/. A failed build leaves the
// previous dist/ exactly as it was.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { startAstro } from '../src/io/astro-cli.ts';
import { buildNow } from '../src/io/now.ts';
import { contentDir } from '../src/io/read-content.ts';
import { runValidation } from '../src/io/run-validation.ts';
import { resolveSigningKey, type ResolvedKey } from '../src/io/signing-key.ts';
import { HANDOFF_VARIABLE, writeHandoff } from '../src/io/handoff.ts';
import { postBuild } from '../src/integrations/bulletin.ts';
import { OutputGuard } from '../src/integrations/output-guard.ts';
import { publicationPlan, publishedContent, type PublicationPlan } from '../src/lib/publication/plan.ts';
import { mark, PROCESS_START, timed, timing } from '../src/io/timings.ts';

const out = resolve(process.env.BULLETIN_OUT_DIR || 'dist');
// The output folder is replaced whole: never let it be the project, the content, or a parent of either.
for (const [what, dir] of [['the project folder', process.cwd()], ['the content folder', contentDir()]] as const) {
  const rel = relative(out, dir);
  if (rel === '' || !rel.startsWith('..')) {
    console.error(`bulletin build: BULLETIN_OUT_DIR (${out}) is or contains ${what} (${dir}), which the build would delete; choose a folder of its own, such as dist/`);
    process.exit(1);
  }
}

// "Now" is read once: every step of this build (validation, pages, signing, the guard) sees the
// same instant, so a release time falling mid-build cannot split the build in two.
try {
  process.env.BULLETIN_NOW = buildNow().toISOString();
} catch (e) {
  console.error(`bulletin build: ${(e as Error).message}`);
  process.exit(1);
}
// Held in a variable the build lets go of once Astro has its copy (see `buildInto`).
let validated = await timed('validation', () => runValidation('build'));
if (!validated) {
  console.error(`bulletin build: stopped before building; ${out} was not changed.`);
  process.exit(1);
}
const site = validated.site;
// The signing key is resolved once, before anything is rendered: a bad key stops the build here.
let resolved: ResolvedKey;
try {
  resolved = await timed('signing key', () => resolveSigningKey(site, buildNow()));
  if (resolved.development) {
    console.warn(
      `bulletin build: WARNING: no signing key given (BULLETIN_SIGNING_KEY or BULLETIN_SIGNING_KEY_FILE); signing with the development key ${resolved.key.fingerprint}, which is not the project's key. Set BULLETIN_REQUIRE_SIGNING=1 in production to make this an error.`,
    );
  }
} catch (e) {
  console.error(`bulletin build: ${(e as Error).message}\nbulletin build: stopped before building; ${out} was not changed.`);
  process.exit(1);
}

// The build's work folder holds everything this build writes besides dist/: the handoff, Astro's
// cache and data store, and the staging folder. It goes in `finally`, on success and on failure,
// so nothing unpublished stays under .bulletin/ for a CI cache or artifact upload to carry.
const work = resolve('.bulletin', 'build-' + createHash('sha256').update(out).digest('hex').slice(0, 12));
const stage = resolve(work, 'stage');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** Plans the build and writes the handoff for Astro; returns the plan. */
function planAndHandOff(content: NonNullable<typeof validated>, now: Date, handoff: string): PublicationPlan {
  writeHandoff(handoff, {
    now,
    content: publishedContent(content, now),
    key: { fingerprint: resolved.key.fingerprint, development: resolved.development, armoredPublic: resolved.armoredPublic },
  });
  return publicationPlan(content, now);
}

/** Renders, signs and guards into the staging folder, then replaces the output folder; returns the exit status. */
async function buildInto(): Promise<number> {
  // One plan for the whole build. Astro gets only the published content and the key's public
  // half; the held-back tokens and the private key stay in this process, which signs and guards.
  let started = mark();
  const handoff = resolve(work, 'handoff.bin');
  const plan = planAndHandOff(validated!, buildNow(), handoff);
  // Astro reads its own copy: from here the script needs only the plan and the key, so the
  // validated content is let go of while Astro renders (the two processes' memory adds up).
  validated = undefined;
  timing('plan and handoff', started);
  started = mark();
  // While Astro writes the pages, the guard reads each one as it appears, on the other core.
  const guard = new OutputGuard(stage, plan.heldBack);
  const astro = startAstro(['build'], {
    ...process.env,
    [HANDOFF_VARIABLE]: handoff,
    BULLETIN_ASTRO_OUT_DIR: stage,
    BULLETIN_ASTRO_CACHE_DIR: resolve(work, 'cache'),
  });
  await guard.follow(astro);
  const status = await astro;
  timing('rendering', started);
  if (status !== 0) {
    console.error(`bulletin build: failed; ${out} was not changed.`);
    return status;
  }
  try {
    await postBuild(stage, plan, resolved, (m) => console.log(`bulletin build: ${m}`), guard);
  } catch (e) {
    console.error(`bulletin build: ${(e as Error).message}\nbulletin build: failed; ${out} was not changed.`);
    return 1;
  }
  rmSync(out, { recursive: true, force: true });
  try {
    renameSync(stage, out);
  } catch {
    // Another file system: copy instead of moving.
    cpSync(stage, out, { recursive: true });
  }
  console.log(`bulletin build: ${existsSync(out) ? 'wrote' : 'could not write'} ${out}`);
  return 0;
}

try {
  process.exitCode = await buildInto();
} finally {
  rmSync(work, { recursive: true, force: true });
}
timing('build', PROCESS_START);
