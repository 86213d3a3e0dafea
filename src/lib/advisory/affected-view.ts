/**
 * "Am I affected?" per release line: for the project's own packages, each released line's state
 * from the ranges, with its support status; other packages as written.
 */
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import type { Site } from '../../schemas/site.ts';
import { lineInputs } from './checks.ts';
import { lineStates, semverSpec, type LineState } from './ranges.ts';
import { packageSupport } from '../policy/policy.ts';
import { supportWindows, type ReleaseLine, type SupportStatus, type SupportWindow } from '../policy/support.ts';

export interface LineRow {
  package: string;
  line: string;
  state: LineState['state'];
  /** The version of this line that fixes it, where there is one. */
  fixedIn?: string;
  /** Whether that fix is planned rather than released. */
  planned: boolean;
  support: SupportStatus;
  /** Affected, unfixed and past end of life: the reader must move to another line. */
  eolWarning: boolean;
  /** What to do, in a few words. */
  action: string;
}

export interface OtherPackage {
  ecosystem: string;
  name: string;
  /** The ranges and versions as written, e.g. ">= 1.2.0, < 1.4.1". */
  written: string;
}

export interface AffectedView {
  lines: LineRow[];
  others: OtherPackage[];
  /** Names of the affected lines ("lanternfish 0.12"), for indexes and feeds. */
  affectedLines: string[];
}

function describeRanges(a: AdvisoryFront['affected'][number]): string {
  const ranges = a.ranges.map((r) =>
    r.events
      .map((e) => ('introduced' in e ? `introduced ${e.introduced}` : 'fixed' in e ? `fixed ${e.fixed}` : 'last_affected' in e ? `last affected ${e.last_affected}` : `limit ${e.limit}`))
      .join(', '),
  );
  const versions = a.versions.length ? [`versions ${a.versions.join(', ')}`] : [];
  return [...ranges, ...versions].join('; ') || 'no versions given';
}

// Every revision of a build is viewed against the same lines, site and instant: their support
// windows are computed once for them.
const windowsFor = new WeakMap<readonly ReleaseLine[], { site: Site; at: number; windows: SupportWindow[] }>();

/** The support windows of `lines` at `now` (computed once per lines, site and instant). */
function windowsAt(lines: readonly ReleaseLine[], site: Site, now: Date): SupportWindow[] {
  const known = windowsFor.get(lines);
  if (known && known.site === site && known.at === now.getTime()) return known.windows;
  const windows = supportWindows(lines, (pkg) => packageSupport(site, pkg), now);
  windowsFor.set(lines, { site, at: now.getTime(), windows });
  return windows;
}

// A revision's view is asked for by its pages and by its CSAF document, with the same front
// matter, lines, site and instant: it is computed once for them. Views are read, never changed.
const viewsOf = new WeakMap<AdvisoryFront, { site: Site; lines: readonly ReleaseLine[]; at: number; view: AffectedView }>();

/** The affected view of one revision at `now`, newest line first within each package (computed once per front matter, lines, site and instant). */
export function affectedView(front: AdvisoryFront, site: Site, lines: readonly ReleaseLine[], now: Date): AffectedView {
  const known = viewsOf.get(front);
  if (known && known.site === site && known.lines === lines && known.at === now.getTime()) return known.view;
  const view = computeView(front, site, lines, now);
  viewsOf.set(front, { site, lines, at: now.getTime(), view });
  return view;
}

function computeView(front: AdvisoryFront, site: Site, lines: readonly ReleaseLine[], now: Date): AffectedView {
  const windows = windowsAt(lines, site, now);
  const rows: LineRow[] = [];
  const others: OtherPackage[] = [];
  for (const a of front.affected) {
    const own = site.packages.find((p) => p.ecosystem === a.package.ecosystem && p.name === a.package.name);
    if (!own) {
      others.push({ ecosystem: a.package.ecosystem, name: a.package.name, written: describeRanges(a) });
      continue;
    }
    const visible = windows.filter((w) => w.line.package === own.name);
    const inputs = lineInputs(visible.map((w) => w.line), own.name);
    const spec = semverSpec(a);
    lineStates(spec, inputs).forEach((s, i) => {
      const w = visible[i]!;
      const fixedIn = s.state === 'fixed' ? s.fixedIn : undefined;
      const planned = s.state === 'fixed' && s.planned;
      const eolWarning = s.state !== 'not-affected' && w.status === 'end-of-life';
      let action: string;
      if (s.state === 'not-affected') action = 'Not affected';
      else if (s.state === 'fixed') action = `Upgrade to ${fixedIn}${planned ? ' (upcoming release)' : ''}`;
      else if (eolWarning) action = 'No fix: this line is past end of life; move to a supported line';
      else action = 'No fix yet';
      rows.push({ package: own.name, line: s.line, state: s.state, fixedIn, planned, support: w.status, eolWarning, action });
    });
  }
  return { lines: rows, others, affectedLines: rows.filter((r) => r.state !== 'not-affected').map((r) => `${r.package} ${r.line}`) };
}
