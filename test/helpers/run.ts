/** Runs Bulletin's commands as a maintainer would, each with its own content and output folder. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLE_CONTENT = join(ROOT, 'content');
const TMP = join(ROOT, 'test/.tmp');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** A fresh temporary folder under test/.tmp. */
export function tempDir(prefix: string): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, `${prefix}-`));
}

/** A copy of a content folder with some files replaced (path -> text, or null to delete). */
export function contentWith(changes: Record<string, string | null> = {}, from = EXAMPLE_CONTENT): string {
  const dir = join(tempDir('content'), 'content');
  cpSync(from, dir, { recursive: true });
  for (const [path, text] of Object.entries(changes)) {
    const file = join(dir, path);
    if (text === null) rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return dir;
}

/** The environment a maintainer's shell would have: without what Vitest adds (BASE_URL, NODE_ENV, ...). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|BULLETIN_.*)$/.test(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `npm run <script>` the way npm would (node scripts/<script>.ts), with the given environment. */
export function runScript(script: string, env: Record<string, string>, args: string[] = []): RunResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

/** `npm run check` on a content folder at a given "now". */
export function check(contentDir: string, now: string): RunResult {
  return runScript('check', { BULLETIN_CONTENT_DIR: contentDir, BULLETIN_NOW: now });
}

/** `npm run build` of a content folder into a fresh output folder; returns the folder too. */
export function build(contentDir: string, now: string, env: Record<string, string> = {}, outDir = join(tempDir('dist'), 'dist')): RunResult & { outDir: string } {
  const r = runScript('build', { BULLETIN_CONTENT_DIR: contentDir, BULLETIN_NOW: now, BULLETIN_OUT_DIR: outDir, ...env });
  return { ...r, outDir };
}

/**
 * A copy of the project (code, config, content; node_modules linked) in a folder of its own, so a
 * test can give it a public/ file or inspect its .bulletin/ and .astro/ without other tests'
 * builds in the way.
 */
export function projectCopy(extra: Record<string, string> = {}): string {
  const dir = tempDir('project');
  for (const item of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'content']) {
    cpSync(join(ROOT, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `npm run <script>` in a project copy (see `projectCopy`). */
export function runIn(project: string, script: string, env: Record<string, string>, args: string[] = []): RunResult {
  const r = spawnSync(process.execPath, [join(project, 'scripts', `${script}.ts`), ...args], { cwd: project, env: cleanEnv(env), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}
