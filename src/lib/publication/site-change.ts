/**
 * What a change to site.yaml does to what is already published: the rating an advisory shows
 * follows `cvss.rating_version`, and its response-time target follows `response_times`, so a
 * one-line edit there changes published pages without a new revision. `check --against` lists
 * every published revision whose rating or target would change, so the change is made knowingly.
 * Pure.
 */
import type { Site } from '../../schemas/site.ts';
import type { AdvisoryHistory } from '../advisory/history.ts';
import { responseRecord } from '../advisory/response.ts';
import { advisorySeverity, ratingName } from '../advisory/severity.ts';
import type { Finding } from '../content/findings.ts';
import { publishedAdvisories } from './publication.ts';

/** One published revision whose rating or response target differs between two site.yaml versions. */
export interface MeaningChange {
  id: string;
  revision: number;
  /** "rating High -> Critical", "response target 30 -> 7 days". */
  changes: string[];
}

const days = (d: number | undefined) => (d === undefined ? 'none' : `${d} days`);

/**
 * Every published revision whose rating or response-time target is not the same under `before`
 * and `after`; with `publishedOnTarget` (is revision N of an ID published on the target branch),
 * only those already published there, not the ones this change publishes for the first time.
 */
export function meaningChanges(before: Site, after: Site, histories: readonly AdvisoryHistory[], now: Date, publishedOnTarget: (id: string, revision: number) => boolean = () => true): MeaningChange[] {
  return publishedAdvisories(histories, now).flatMap((a) =>
    a.revisions.flatMap((r): MeaningChange[] => {
      if (!publishedOnTarget(a.id, r.number)) return [];
      const was = advisorySeverity(r.front.severity, before.cvss.rating_version).rating;
      const is = advisorySeverity(r.front.severity, after.cvss.rating_version).rating;
      const wasTarget = responseRecord(r.front, was, before, now).target;
      const isTarget = responseRecord(r.front, is, after, now).target;
      const changes = [
        ...(was !== is ? [`rating ${ratingName(was)} -> ${ratingName(is)}`] : []),
        ...(wasTarget !== isTarget ? [`response target ${days(wasTarget)} -> ${days(isTarget)}`] : []),
      ];
      return changes.length ? [{ id: a.id, revision: r.number, changes }] : [];
    }),
  );
}

/** The warning `check --against` prints for those changes, on site.yaml, or nothing. */
export function meaningChangeFindings(changes: readonly MeaningChange[], siteFile: string, target: string): Finding[] {
  if (!changes.length) return [];
  const list = changes.map((c) => `${c.id} v${c.revision} (${c.changes.join(', ')})`).join('; ');
  return [
    {
      severity: 'warning',
      file: siteFile,
      message: `compared with ${target}, this site.yaml changes what ${changes.length} published revision${changes.length === 1 ? '' : 's'} show${changes.length === 1 ? 's' : ''} without a new revision: ${list}`,
      fix: 'make the change knowingly: say so in the pull request (and, where readers must know, in a new revision of each advisory with npm run revise), or keep cvss.rating_version and response_times as they were',
    },
  ];
}
