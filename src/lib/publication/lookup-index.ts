/**
 * lookup.json: what the "Am I affected?" form answers from (src/lib/advisory/lookup.ts). Per
 * package of the project: its released lines with their support status at "now", and every
 * published, not withdrawn advisory's SEMVER ranges with the fix on each line it affects. Only
 * published content reaches it: the caller hands in what the one filter let through.
 */
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import type { AffectedView } from '../advisory/affected-view.ts';
import type { LookupIndex } from '../advisory/lookup.ts';
import type { SupportRow } from '../policy/policy.ts';
import type { ReleaseLine } from '../policy/support.ts';
import { advisoryPath, linePath } from './paths.ts';

/** One published advisory, as the index needs it. */
export interface LookupSource {
  id: string;
  title: string;
  ratingText: string;
  withdrawn: boolean;
  front: Pick<AdvisoryFront, 'affected'>;
  /** The release-line view of its current revision at "now". */
  affected: AffectedView;
}

/** The index of the project's packages at "now" (`support`: the released lines' rows, newest first). */
export function lookupIndex(
  packages: readonly { name: string; ecosystem: string }[],
  lines: readonly ReleaseLine[],
  support: readonly SupportRow[],
  advisories: readonly LookupSource[],
): LookupIndex {
  return {
    packages: packages.map((p) => ({
      name: p.name,
      ecosystem: p.ecosystem,
      lines: support
        .filter((row) => row.package === p.name)
        .map((row) => ({
          name: row.line,
          range: lines.find((l) => l.package === p.name && l.name === row.line)?.range ?? '',
          latest: row.latest,
          status: row.status,
          statusText: row.statusLabel,
          endText: row.endText,
          address: linePath(p.name, row.line),
        })),
      advisories: advisories
        .filter((a) => !a.withdrawn)
        .flatMap((a) => {
          const entries = a.front.affected.filter((x) => x.package.ecosystem === p.ecosystem && x.package.name === p.name);
          if (!entries.length) return [];
          const rows = a.affected.lines.filter((r) => r.package === p.name && r.state !== 'not-affected');
          return [
            {
              id: a.id,
              title: a.title,
              ratingText: a.ratingText,
              address: advisoryPath(a.id),
              affected: {
                ranges: entries.flatMap((x) => x.ranges.filter((r) => r.type === 'SEMVER').map((r) => ({ type: r.type, events: r.events }))),
                versions: entries.flatMap((x) => x.versions),
              },
              fixes: Object.fromEntries(rows.map((r) => [r.line, r.fixedIn === undefined ? { planned: false } : { fixedIn: r.fixedIn, planned: r.planned }])),
            },
          ];
        }),
    })),
  };
}
