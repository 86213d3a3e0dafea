/**
 * The response-time record: per advisory, the clock the policy names (from report or
 * acknowledgement to a fix), the target for its rating and whether the fix met it. A missing
 * date means "not known", never zero.
 */
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import { toInstant } from '../../schemas/common.ts';
import { DEFAULT_CLOCK, type Site } from '../../schemas/site.ts';
import type { Rating } from './cvss.ts';
import { daysBetween } from '../common/dates.ts';

export interface ResponseRecord {
  /** Calendar days on the clock, or undefined when a date is not known. */
  days?: number;
  /** The target for the rating, or undefined (best effort, or not rated). */
  target?: number;
  /** 'met', 'missed', 'open' (no fix yet, target not passed), 'overdue', or 'unknown'. */
  outcome: 'met' | 'missed' | 'open' | 'overdue' | 'unknown' | 'no-target';
  /** In words: "6 of 7 days: met". */
  text: string;
}

/** The response record of one revision's timeline at `now`. */
export function responseRecord(front: AdvisoryFront, rating: Rating | 'not-rated', site: Site, now: Date): ResponseRecord {
  const clock = site.response_times.clock ?? DEFAULT_CLOCK;
  const startText = front.timeline[clock.from];
  const endText = clock.to === 'first-fix-released' ? (front.timeline.first_fix_released ?? front.timeline.fix_released) : front.timeline.fix_released;
  const t = rating === 'not-rated' || rating === 'none' ? undefined : site.response_times.targets[rating];
  const target = typeof t === 'number' ? t : undefined;
  if (!startText) return { target, outcome: 'unknown', text: `not known (no ${clock.from} date)` };
  const start = toInstant(startText);
  if (!endText) {
    const running = daysBetween(start, now);
    if (target === undefined) return { outcome: 'no-target', text: `no fix yet after ${running} days; no target` };
    return running > target
      ? { target, outcome: 'overdue', text: `no fix yet after ${running} days; target ${target} days passed` }
      : { target, outcome: 'open', text: `no fix yet; ${running} of ${target} days used` };
  }
  const days = daysBetween(start, toInstant(endText));
  // A rating the policy leaves out has no target, and is not called "best effort" either.
  const why = rating === 'not-rated' ? 'not rated, so no target' : t === 'best-effort' ? 'best effort, no target' : 'no target stated';
  if (target === undefined) return { days, outcome: 'no-target', text: `${days} days; ${why}` };
  return days <= target
    ? { days, target, outcome: 'met', text: `${days} of ${target} days: met` }
    : { days, target, outcome: 'missed', text: `${days} days against a target of ${target}: missed` };
}
