/**
 * Advisories as Bulletin reasons about them: each source file is one revision; an advisory is
 * the ordered list of its revisions. Built from validated front matter; pure.
 */
import { createHash } from 'node:crypto';
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import { hasTime, toInstant } from '../../schemas/common.ts';
import { byCodeUnit } from '../common/order.ts';

/**
 * One revision. A draft may have no publication time yet (`npm run new` writes none); every other
 * revision has one (check refuses a non-draft without `revision.date`).
 */
export type Revision = PublishableRevision | DraftRevision;

/** A revision that is not a draft: it publishes at `date`. */
export interface PublishableRevision extends RevisionFields {
  draft: false;
  /** When it publishes. */
  date: Date;
}

/** A draft: never published, planned or sealed, whether or not it names a date yet. */
export interface DraftRevision extends RevisionFields {
  draft: true;
  /** When it is meant to publish, once it is not a draft; none yet for a fresh draft. */
  date?: Date;
}

/** What every revision has. */
export interface RevisionFields {
  /** The advisory ID (`EXA-2026-0001`). */
  id: string;
  /** The revision number. */
  number: number;
  /** Whether `revision.date` carries a time (and offset) rather than a bare day (false when there is none). */
  dateHasTime: boolean;
  /** Set by the revision that withdraws the advisory (and every later one): when, and why. */
  withdrawn?: Withdrawal;
  /** The disclosure timeline as instants; a missing one is not known. */
  timeline: Timeline;
  /** The validated front matter, as written. */
  front: AdvisoryFront;
  /** The markdown body. */
  body: string;
  /** Display path of the source file. */
  file: string;
  /** Whether this is the newest file (`<ID>.md`) rather than `<ID>/v<N>.md`. */
  newest: boolean;
  /** sha256 (hex) of the LF-normalised source text: what the seal records. */
  sha256: string;
}

/** An advisory's withdrawal: one value with its time and reason. */
export interface Withdrawal {
  at: Date;
  reason: string;
}

/** The disclosure timeline (`timeline` in the front matter), as instants. */
export type Timeline = { [K in keyof AdvisoryFront['timeline']]?: Date };

export interface AdvisoryHistory {
  id: string;
  /** Every revision, oldest first. */
  revisions: Revision[];
}

/** Normalises line endings to LF, so a seal does not depend on a checkout's settings. */
export function normaliseSource(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The sha256 (hex) of a source file's LF-normalised text. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(normaliseSource(text), 'utf8').digest('hex');
}

/** Makes a revision from a validated file; throws on a non-draft without a date (readRevisions reports that first). */
export function toRevision(front: AdvisoryFront, body: string, file: string, text: string, newest: boolean): Revision {
  const written = front.revision.date;
  const date = written === undefined ? undefined : toInstant(written);
  if (!front.draft && date === undefined) throw new Error(`${file}: a revision that is not a draft needs revision.date`);
  const timing = front.draft ? { draft: true as const, ...(date ? { date } : {}) } : { draft: false as const, date: date! };
  return {
    id: front.id,
    number: front.revision.number,
    ...timing,
    dateHasTime: written !== undefined && hasTime(written),
    withdrawn: front.withdrawn !== undefined ? { at: toInstant(front.withdrawn), reason: front.withdrawn_reason ?? '' } : undefined,
    timeline: Object.fromEntries(Object.entries(front.timeline).flatMap(([k, v]) => (v === undefined ? [] : [[k, toInstant(v)]]))),
    front,
    body,
    file,
    newest,
    sha256: sourceHash(text),
  };
}

/** Groups revisions by advisory ID, oldest first. */
export function groupHistories(revisions: readonly Revision[]): AdvisoryHistory[] {
  const byId = new Map<string, Revision[]>();
  for (const r of revisions) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  return [...byId.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([id, revs]) => ({ id, revisions: revs.sort((a, b) => a.number - b.number) }));
}

const indexes = new WeakMap<readonly AdvisoryHistory[], Map<string, AdvisoryHistory>>();

/**
 * The history of advisory `id` in `histories`, if any: looked up in an index made once per list
 * (a list is made once, when content is read; finding by scanning cost seconds at ten thousand
 * advisories, where every announcement and every advisory asks).
 */
export function historyOf(histories: readonly AdvisoryHistory[], id: string): AdvisoryHistory | undefined {
  let index = indexes.get(histories);
  if (!index || index.size !== histories.length) {
    index = new Map(histories.map((h) => [h.id, h]));
    indexes.set(histories, index);
  }
  return index.get(id);
}
