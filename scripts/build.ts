#!/usr/bin/env node
// npm run build: validate the content, build into a staging folder, and only when every step
// (Astro, then the post-build integrations) succeeded, replace dist/. A failed build leaves the
// previous dist/ exactly as it was.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runAstro } from '../src/io/astro-cli.ts';
import { runValidation } from '../src/io/run-validation.ts';

const out = resolve(process.env.BULLETIN_OUT_DIR || 'dist');
if (!(await runValidation('build'))) {
  console.error(`bulletin build: stopped before building; ${out} was not changed.`);
  process.exit(1);
}

const work = resolve('.bulletin', 'build-' + createHash('sha256').update(out).digest('hex').slice(0, 12));
const stage = resolve(work, 'stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const result = runAstro(['build'], {
  ...process.env,
  BULLETIN_ASTRO_OUT_DIR: stage,
  BULLETIN_ASTRO_CACHE_DIR: resolve(work, 'cache'),
});
if (result.status !== 0) {
  console.error(`bulletin build: failed; ${out} was not changed.`);
  process.exit(result.status ?? 1);
}

rmSync(out, { recursive: true, force: true });
try {
  renameSync(stage, out);
} catch {
  // Another file system: copy instead of moving.
  cpSync(stage, out, { recursive: true });
  rmSync(stage, { recursive: true, force: true });
}
console.log(`bulletin build: ${existsSync(out) ? 'wrote' : 'could not write'} ${out}`);
