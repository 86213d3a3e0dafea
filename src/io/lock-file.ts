/**
 * The edge where `bulletin.lock` is read and written, and where git is asked for the lock on the
 * target branch (by default the merge base with main), for `check` to compare published seals.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isBlocking, type Finding, type ReportFormat } from '../lib/content/findings.ts';
import { printFindings, reportFormat } from './report.ts';
import { checkAgainst, emptyLock, parseLock, serializeLock } from '../lib/sealing/lock.ts';
import type { Lock } from '../schemas/lock.ts';
import { siteSchema } from '../schemas/site.ts';
import { parseYaml, validateWith } from '../lib/content/source.ts';
import type { Content } from '../lib/content/validate.ts';
import { meaningChangeFindings, meaningChanges } from '../lib/publication/site-change.ts';
import { buildNow } from './now.ts';
import { contentDir } from './read-content.ts';

/** The lock's file name inside the content folder. */
export const LOCK_NAME = 'bulletin.lock';

function display(abs: string): string {
  return relative(process.cwd(), abs) || abs;
}

export interface LockRead {
  /** Display path of the lock file. */
  file: string;
  /** The lock (empty when the file does not exist); undefined when it cannot be read. */
  lock?: Lock;
  findings: Finding[];
}

/** Reads `<content>/bulletin.lock`; a missing file is an empty lock. */
export function readLockFile(dir: string): LockRead {
  const abs = join(dir, LOCK_NAME);
  const file = display(abs);
  if (!existsSync(abs)) return { file, lock: emptyLock(), findings: [] };
  return { file, ...parseLock({ file, text: readFileSync(abs, 'utf8') }) };
}

/** Writes `<content>/bulletin.lock` when its bytes change; says whether they did. */
export function writeLockFile(dir: string, lock: Lock): boolean {
  const abs = join(dir, LOCK_NAME);
  const text = serializeLock(lock);
  if (existsSync(abs) && readFileSync(abs, 'utf8') === text) return false;
  if (!existsSync(abs) && text === serializeLock(emptyLock())) return false;
  writeFileSync(abs, text);
  return true;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

export interface TargetLock {
  /** What the lock came from: a ref, the merge base it stands for, or a file. */
  source?: string;
  /** The target's lock; undefined when there is nothing to compare against (see `reason`). */
  lock?: Lock;
  /** Why there is nothing to compare against. */
  reason?: string;
  /** Problems reading the target's lock. */
  findings: Finding[];
  /** The target's site.yaml, where there is one. */
  siteText?: string;
}

/**
 * The lock on the target branch: `ref` may be a lock file's path, or a git ref (branch, tag,
 * commit); by default the merge base of HEAD with `main` (else `origin/main`). Without a lock
 * there, `lock` is undefined and `reason` says why. A ref git does not know is an error.
 */
export function targetLock(ref: string | undefined, dir: string): TargetLock {
  if (ref !== undefined && existsSync(ref) && statSync(ref).isFile()) {
    const file = display(ref);
    const site = join(dirname(ref), 'site.yaml');
    return { source: file, siteText: existsSync(site) ? readFileSync(site, 'utf8') : undefined, ...parseLock({ file, text: readFileSync(ref, 'utf8') }) };
  }
  if (!existsSync(dir)) return { reason: `the content folder ${display(dir)} does not exist`, findings: [] };
  const top = git(['rev-parse', '--show-toplevel'], dir);
  if (!top) {
    if (ref !== undefined) throw new Error(`"${ref}" is neither a file nor a git ref: ${display(dir)} is not in a git repository`);
    return { reason: `${display(dir)} is not in a git repository`, findings: [] };
  }
  const path = relative(realpathSync(top), realpathSync(dir)).split(sep).concat(LOCK_NAME).filter(Boolean).join('/');
  let commit: string | undefined;
  let source: string;
  if (ref !== undefined) {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], dir);
    if (!commit) throw new Error(`git knows no commit "${ref}" and there is no such file: give a branch, tag or commit, or the path of a lock file`);
    source = ref;
  } else {
    const base = ['main', 'origin/main'].find((b) => git(['rev-parse', '--verify', '--quiet', `${b}^{commit}`], dir));
    commit = base ? git(['merge-base', 'HEAD', base], dir) : undefined;
    if (!base || !commit) {
      return { reason: 'git cannot tell the target branch (no main or origin/main branch, or no common commit with it); give one with --against <ref>', findings: [] };
    }
    source = `the merge base of HEAD and ${base} (${commit.slice(0, 12)})`;
  }
  const text = git(['show', `${commit}:${path}`], dir);
  if (text === undefined) return { source, reason: `${source} has no ${path}, so nothing was published there`, findings: [] };
  const siteText = git(['show', `${commit}:${path.replace(/[^/]*$/, 'site.yaml')}`], dir);
  return { source, siteText, ...parseLock({ file: `${ref ?? commit.slice(0, 12)}:${path}`, text: `${text}\n` }) };
}

/** What the target's site.yaml changes in published advisories under the current one (warnings); nothing when either cannot be read. */
function siteChanges(target: TargetLock, content: Content | undefined, dir: string, now: Date): Finding[] {
  if (!content || target.siteText === undefined) return [];
  const src = parseYaml({ file: `${target.source}:site.yaml`, text: target.siteText });
  if (src.errors.length) return [];
  const before = validateWith(siteSchema, src);
  if (!before.ok) return [];
  const sealed = target.lock?.advisories ?? {};
  const onTarget = (id: string, n: number) => {
    const seal = sealed[id]?.[String(n)];
    return seal !== undefined && Date.parse(seal.published) <= now.getTime();
  };
  return meaningChangeFindings(meaningChanges(before.value, content.site, content.advisories, now, onTarget), display(join(dir, 'site.yaml')), target.source ?? 'the target');
}

/** Compares the content folder's lock (and site.yaml) with the target's: what `check --against` reports. */
export function compareWithTarget(dir: string, ref: string | undefined, now: Date, content?: Content): TargetLock {
  const target = targetLock(ref, dir);
  if (!target.lock) return target;
  const current = readLockFile(dir);
  if (!current.lock) return { ...target, findings: [...target.findings, ...current.findings] };
  return { ...target, findings: [...target.findings, ...checkAgainst(current.lock, target.lock, now, current.file), ...siteChanges(target, content, dir, now)] };
}

/** Runs the comparison for `npm run check`, prints what it found, and says whether check may pass. */
export function runAgainst(ref: string | undefined, env: NodeJS.ProcessEnv = process.env, content?: Content, format: ReportFormat = reportFormat(), collect: Finding[] = []): boolean {
  let result: TargetLock;
  try {
    result = compareWithTarget(contentDir(env), ref, buildNow(env), content);
  } catch (e) {
    console.error(`bulletin check: ${(e as Error).message}`);
    return false;
  }
  // In JSON the caller prints one document; what is said here in words goes to stderr.
  const say = format === 'json' ? console.error : console.log;
  if (!result.lock && !result.findings.length) {
    say(`bulletin check: published seals not compared: ${result.reason}`);
    return true;
  }
  collect.push(...result.findings);
  const blocking = result.findings.some((f) => isBlocking(f, 'check'));
  const head = `bulletin check: published seals compared with ${result.source}`;
  if (!result.findings.length) say(`${head}: none changed, no published address disappeared`);
  else if (format !== 'json') printFindings(result.findings, 'check', head, format);
  return !blocking;
}
