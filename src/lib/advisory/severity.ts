/** An advisory's severity: its CVSS vectors scored, and the one that drives the rating. */
import type { Severity } from '../../schemas/advisory.ts';
import { scoreCvss, type CvssScore, type CvssVersion, type Rating } from './cvss.ts';

export interface AdvisorySeverity {
  /** Every vector, scored (vectors that fail to score are left out; the validator reports them). */
  scores: CvssScore[];
  /** The score that drives the rating, or undefined: "not rated", never a made-up number. */
  primary?: CvssScore;
  /** The rating, or 'not-rated'. */
  rating: Rating | 'not-rated';
}

const PREFERENCE: CvssVersion[] = ['4.0', '3.1', '3.0'];

/** Scores the vectors and picks the one of `ratingVersion`, else the newest version present. */
export function advisorySeverity(severity: readonly Severity[], ratingVersion: CvssVersion): AdvisorySeverity {
  const scores = severity.flatMap((s) => {
    const r = scoreCvss(s.score);
    return r.ok ? [r.value] : [];
  });
  const primary =
    scores.find((s) => s.version === ratingVersion) ?? PREFERENCE.map((v) => scores.find((s) => s.version === v)).find(Boolean);
  return { scores, primary, rating: primary ? primary.rating : 'not-rated' };
}

/** Ratings in the order readers scan them, most severe first. */
export const RATING_ORDER: (Rating | 'not-rated')[] = ['critical', 'high', 'medium', 'low', 'none', 'not-rated'];

/** "Critical", "Not rated". */
export function ratingName(r: Rating | 'not-rated'): string {
  return r === 'not-rated' ? 'Not rated' : r.charAt(0).toUpperCase() + r.slice(1);
}
