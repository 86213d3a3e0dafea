/**
 * The dev server's one reading of the content folder (issue #9 item 7). Under `astro dev` the
 * collections' loaders run inside Vite's module runner while the integration runs in Node's own
 * module graph: two copies of every module. The state therefore lives on `globalThis`, so that
 * every loader, the integration's watcher and its middleware see one validation per change, and
 * its findings are printed once, through the one reporter (src/io/report.ts).
 */
import type { Finding } from '../lib/content/findings.ts';
import type { Content } from '../lib/content/validate.ts';
import { printFindings } from './report.ts';
import { validateFolder } from './run-validation.ts';

/** One reading of the content folder: the content when it may be built, else why not. */
export interface DevOutcome {
  dir: string;
  content?: Content;
  findings: Finding[];
  /** A failure before any finding (the folder could not be read at all). */
  failure?: string;
  /** Which reading this is (1, 2, ...), to tell whether the collections hold it yet. */
  generation: number;
}

interface DevState {
  /** The latest reading (or the one under way). */
  current?: Promise<DevOutcome>;
  /** Settles when the latest change has been read and, if valid, handed to the collections. */
  settled: Promise<void>;
  /** The report printed last, so an unchanged one is not printed in full again. */
  printed?: string;
  /** Whether the last reading blocked the site. */
  failing: boolean;
  /** How many readings were started, and the latest one the collections were filled from. */
  generation: number;
  filled: number;
}

const KEY = Symbol.for('bulletin.devContent');

function state(): DevState {
  const g = globalThis as { [KEY]?: DevState };
  g[KEY] ??= { settled: Promise.resolve(), failing: false, generation: 0, filled: 0 };
  return g[KEY];
}

/** Prints a reading once: the full report when it differs from the last one printed, else one line. */
function report(outcome: DevOutcome, s: DevState): void {
  const wasFailing = s.failing;
  s.failing = !outcome.content;
  if (outcome.failure) {
    const text = `bulletin dev: ${outcome.failure}`;
    if (text !== s.printed) console.error(text);
    s.printed = text;
    return;
  }
  const key = JSON.stringify(outcome.findings);
  if (outcome.findings.length && key !== s.printed) {
    printFindings(outcome.findings, 'build', `bulletin dev: ${outcome.dir}`, 'text');
  } else if (!outcome.content) {
    console.error(`bulletin dev: content still has the errors printed above; the site shows them until they are fixed`);
  }
  if (outcome.content && wasFailing) console.log(`bulletin dev: content is valid again; pages are served`);
  s.printed = key;
}

async function read(generation: number): Promise<DevOutcome> {
  try {
    const result = await validateFolder();
    return { dir: result.dir, content: result.content ?? undefined, findings: result.findings, generation };
  } catch (e) {
    return { dir: '', findings: [], failure: (e as Error).message, generation };
  }
}

/** Reads the folder again (after a change) and prints the outcome once. */
export function readAgain(): Promise<DevOutcome> {
  const s = state();
  s.current = read(++s.generation).then((outcome) => {
    report(outcome, s);
    return outcome;
  });
  return s.current;
}

/** The latest reading, reading the folder first if nothing has yet. */
export function devContent(): Promise<DevOutcome> {
  return state().current ?? readAgain();
}

/** Records that the collections were filled from `outcome` (the loaders call it). */
export function filledFrom(outcome: DevOutcome): void {
  const s = state();
  s.filled = Math.max(s.filled, outcome.generation);
}

/** Whether the collections hold `outcome` or a later reading. */
export function holds(outcome: DevOutcome): boolean {
  return state().filled >= outcome.generation;
}

/** Marks a change under way: `settledContent` waits for `work` (reading again and refreshing the collections). */
export function changing(work: Promise<void>): void {
  state().settled = work.catch(() => undefined);
}

/** The latest reading once every change seen so far has been read and handed to the collections. */
export async function settledContent(): Promise<DevOutcome> {
  for (;;) {
    const s = state();
    const settled = s.settled;
    await settled;
    if (s.settled === settled) return devContent();
  }
}
