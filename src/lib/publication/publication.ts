/**
 * What is published at "now" (SPEC rule 1). A revision is published when it is not a draft and
 * its date has come; the site shows, for each advisory, its newest published revision. Every
 * page, feed, index, count and chart goes through `publishedAdvisories`; the plan (plan.ts) lists
 * what is held back, for the output guard.
 */
import type { AdvisoryHistory, PublishableRevision, Revision } from '../advisory/history.ts';
import { byCodeUnit } from '../common/order.ts';

/** Whether a revision is published at `now` (never a draft, dated or not). */
export function isPublished(r: Revision, now: Date): boolean {
  return !r.draft && r.date.getTime() <= now.getTime();
}

export interface PublishedAdvisory {
  id: string;
  /** The newest published revision: what the advisory's page shows. */
  current: PublishableRevision;
  /** Every published revision, oldest first. */
  revisions: PublishableRevision[];
  /** Every alias any published revision carried: once published, an alias keeps leading here. */
  aliases: string[];
  /** The first publication. */
  published: Date;
  /** The newest published revision's date. */
  modified: Date;
  withdrawn: boolean;
}

/** The advisories published at `now`, newest first (by first publication, then ID). */
export function publishedAdvisories(histories: readonly AdvisoryHistory[], now: Date): PublishedAdvisory[] {
  return histories
    .flatMap((h): PublishedAdvisory[] => {
      const revisions = h.revisions.filter((r): r is PublishableRevision => isPublished(r, now));
      const current = revisions[revisions.length - 1];
      const first = revisions[0];
      if (!current || !first) return [];
      return [
        {
          id: h.id,
          current,
          revisions,
          aliases: [...new Set(revisions.flatMap((r) => r.front.aliases))],
          published: first.date,
          modified: current.date,
          withdrawn: current.withdrawn !== undefined,
        },
      ];
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime() || byCodeUnit(b.id, a.id));
}
