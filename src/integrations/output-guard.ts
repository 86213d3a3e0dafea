/**
 * The output guard over a folder as it fills (SPEC rule 1): `follow` reads each file once it
 * appears while Astro, then Pagefind and the signing, are still writing the others, so the
 * guard's reading overlaps theirs on a second core; `check` then reads only what is new or
 * changed since (the search index's last files, a file rewritten) and throws listing every
 * leak. A file is read again whenever its size or times change, so a file caught half written
 * is judged by its final bytes, and a file that disappeared is forgotten. One file's text is held at a time. The
 * matching itself is src/lib/publication/guard.ts.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldNow, setTimeout as sleep } from 'node:timers/promises';
import { findLeaks, type Leak } from '../lib/publication/guard.ts';
import { listOutput, readOutputFile } from './output.ts';

/** What a file looked like when it was read: size and change times, in nanoseconds. */
function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined; // Gone (or not yet there) between the listing and now.
  }
}

/** The error a guard with leaks throws: every leak, and what to do. */
function leakError(leaks: readonly Leak[]): Error {
  const list = leaks.map((l) => `  ${l.path}: "${l.token}" in ...${l.context}...`).join('\n');
  return new Error(
    `Bulletin's output guard found unpublished material in the build (SPEC rule 1):\n${list}\n` +
      'Nothing was published. Either content names it (npm run check finds that in policy, site.yaml and published texts), or something outside the one publication filter (publishedContent in src/lib/publication/plan.ts) let it through: fix that code, or the file under public/ that carries it.',
  );
}

/** The guard of one output folder, for one list of held-back tokens. */
export class OutputGuard {
  /** Path -> its stamp when it was last read. */
  private readonly read = new Map<string, string>();
  /** Path -> the leaks its last reading found. */
  private readonly leaks = new Map<string, Leak[]>();
  /** How many files were read, rereadings included. */
  readings = 0;

  readonly dir: string;
  readonly tokens: readonly string[];

  constructor(dir: string, tokens: readonly string[]) {
    this.dir = dir;
    this.tokens = tokens;
  }

  /** Reads one file if it is new or changed since its last reading; returns whether it did. */
  private visit(path: string): boolean {
    const stamp = stampOf(join(this.dir, path));
    if (stamp === undefined || this.read.get(path) === stamp) return false;
    let file;
    try {
      file = readOutputFile(this.dir, path);
    } catch {
      return false; // Removed between the stat and the read: the next sweep forgets it.
    }
    // The stamp was taken before the read, so a file still growing looks changed next time.
    this.read.set(path, stamp);
    const found = findLeaks([file], this.tokens);
    if (found.length) this.leaks.set(path, found);
    else this.leaks.delete(path);
    this.readings++;
    return true;
  }

  /** The files now in the folder; forgets the ones that are gone. */
  private list(): string[] {
    const paths = listOutput(this.dir);
    const present = new Set(paths);
    for (const path of [...this.read.keys()]) {
      if (!present.has(path)) {
        this.read.delete(path);
        this.leaks.delete(path);
      }
    }
    return paths;
  }

  /**
   * Reads files as they appear until `done` settles, giving way to the event loop between files.
   * Sweeps are spaced by the time their listing took, so that listing stays a small share of the time.
   */
  async follow(done: Promise<unknown>): Promise<void> {
    if (!this.tokens.some(Boolean)) return;
    let finished = false;
    void done.then(
      () => (finished = true),
      () => (finished = true),
    );
    while (!finished) {
      const started = performance.now();
      let paths: string[] = [];
      try {
        paths = this.list();
      } catch {
        // A folder vanished mid-listing while the build writes: list again next time.
      }
      const listing = performance.now() - started;
      let fresh = 0;
      for (const path of paths) {
        if (finished) return;
        // A file already read is looked at again by `check`, which compares its stamp.
        if (this.read.has(path)) continue;
        if (this.visit(path) && ++fresh % 16 === 0) await yieldNow();
      }
      // Listing a large folder costs time too (tens of thousands of files): the next listing waits
      // eight times as long as this one took, so listing stays near a tenth of the guard's time,
      // and at least half a second (a second when nothing new came): files are read in batches.
      const pause = Math.max(fresh ? 500 : 1000, 8 * listing);
      await Promise.race([done.catch(() => undefined), sleep(pause)]);
    }
  }

  /** Reads every file not read in its present state, then throws listing every leak in the folder. */
  check(): void {
    if (!this.tokens.some(Boolean)) return;
    for (const path of this.list()) this.visit(path);
    const leaks = [...this.leaks.keys()].sort().flatMap((path) => this.leaks.get(path) ?? []);
    if (leaks.length) throw leakError(leaks);
  }
}

/** Runs the leak guard over a finished folder; throws listing every leak. */
export function guardOutput(dir: string, tokens: readonly string[]): void {
  new OutputGuard(dir, tokens).check();
}
