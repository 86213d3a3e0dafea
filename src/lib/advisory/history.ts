/**
 * Advisories as Bulletin reasons about them: each source file is one revision; an advisory is
 * the ordered list of its revisions. Built from validated front matter; pure.
 */
import { createHash } from 'node:crypto';
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import { hasTime, toInstant } from '../../schemas/common.ts';
import { byCodeUnit } from '../common/order.ts';

export interface Revision {
  /** The advisory ID (`EXA-2026-0001`). */
  id: string;
  /** The revision number. */
  number: number;
  /** When it publishes. */
  date: Date;
  /** Whether `revision.date` carries a time (and offset) rather than a bare day. */
  dateHasTime: boolean;
  draft: boolean;
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

/** Makes a revision from a validated file. */
export function toRevision(front: AdvisoryFront, body: string, file: string, text: string, newest: boolean): Revision {
  return {
    id: front.id,
    number: front.revision.number,
    date: toInstant(front.revision.date),
    dateHasTime: hasTime(front.revision.date),
    draft: front.draft,
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
