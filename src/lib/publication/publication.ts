/**
 * What is published at "now" (SPEC rule 1). A revision is published when it is not a draft and
 * its date has come; the site shows, for each advisory, its newest published revision. Every
 * page, feed, index, count and chart goes through `publishedAdvisories`; the output guard uses
 * `heldBackTokens` to prove nothing else got out.
 */
import type { AdvisoryHistory, Revision } from '../advisory/history.ts';
import { byCodeUnit } from '../common/order.ts';

/** Whether a revision is published at `now`. */
export function isPublished(r: Revision, now: Date): boolean {
  return !r.draft && r.date.getTime() <= now.getTime();
}

export interface PublishedAdvisory {
  id: string;
  /** The newest published revision: what the advisory's page shows. */
  current: Revision;
  /** Every published revision, oldest first. */
  revisions: Revision[];
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
      const revisions = h.revisions.filter((r) => isPublished(r, now));
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
          withdrawn: current.front.withdrawn !== undefined,
        },
      ];
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime() || byCodeUnit(b.id, a.id));
}

/**
 * What must appear nowhere in the output at `now`: the IDs of advisories with nothing
 * published, aliases only unpublished revisions carry, and the addresses of held-back revisions.
 */
export function heldBackTokens(histories: readonly AdvisoryHistory[], now: Date): string[] {
  const published = publishedAdvisories(histories, now);
  const visible = new Set(published.flatMap((a) => [a.id, ...a.aliases]).map((s) => s.toLowerCase()));
  const tokens = new Set<string>();
  for (const h of histories) {
    const shown = published.find((a) => a.id === h.id);
    if (!shown) tokens.add(h.id);
    for (const r of h.revisions) {
      if (isPublished(r, now)) continue;
      for (const alias of r.front.aliases) if (!visible.has(alias.toLowerCase())) tokens.add(alias);
      if (shown) tokens.add(`/advisories/${h.id}/v${r.number}/`);
    }
  }
  return [...tokens].sort();
}
