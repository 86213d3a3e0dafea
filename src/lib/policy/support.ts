/**
 * Support windows: from the release lines, the support policy and "now", each line's status,
 * when its support ended or when it will end. One function decides, as endoflife.date does.
 */
import semver from 'semver';
import { daysUntil } from '../common/dates.ts';

export interface ReleaseLine {
  package: string;
  name: string;
  /** When the line's first release shipped (a future day means planned, hidden until then). */
  released: Date;
  latest: string;
  /** SEMVER range the line covers. */
  range: string;
  /** Explicit end of security support. */
  eol?: Date;
  planned: { version: string; date?: Date }[];
}

export interface SupportPolicy {
  /** The latest N lines of the package get security fixes; unset when lines end only by date. */
  latestLines?: number;
  /** Each line has its own end date (an `eol` overrides the latest-N rule). */
  ownEndDates: boolean;
  /** "Ending soon" when the end date is at most this many days away. */
  endingSoonDays: number;
}

/** `not-stated`: the project gives no support policy for the package and no end date for the line. */
export type SupportStatus = 'supported' | 'ending-soon' | 'end-of-life' | 'not-stated';

/**
 * When support ends: a known day, once `count` more lines after `after` have shipped, or not
 * announced (a line under an end-date policy whose date is not set yet, or with no policy).
 */
export type SupportEnd = { kind: 'date'; date: Date } | { kind: 'lines'; after: string; count: number } | { kind: 'unannounced' };

export interface SupportWindow {
  line: ReleaseLine;
  status: SupportStatus;
  /** For supported lines: when support will end. For ended lines: the day it ended. */
  end: SupportEnd;
  /** Whether an explicit `eol` in releases.yaml decided (rather than the latest-N rule). */
  explicit: boolean;
  /** For lines with a known future end: days left. */
  daysLeft?: number;
}

/** Whether a line has shipped by `now` (planned lines stay hidden until their day). */
export function isReleased(line: ReleaseLine, now: Date): boolean {
  return line.released.getTime() <= now.getTime();
}

/** The lowest version a line's range covers, parsed once per range (sorting asks for it again and again). */
const lowest = new Map<string, semver.SemVer | null>();
function lowestVersion(range: string): semver.SemVer | null {
  let v = lowest.get(range);
  if (v === undefined) lowest.set(range, (v = semver.minVersion(range)));
  return v;
}

/** Orders lines of one package newest first, by the lowest version each covers. */
export function compareLinesNewestFirst(a: ReleaseLine, b: ReleaseLine): number {
  const va = lowestVersion(a.range);
  const vb = lowestVersion(b.range);
  if (va && vb) return semver.rcompare(va, vb);
  return b.released.getTime() - a.released.getTime();
}

/** The default "ending soon" threshold, in days. */
export const ENDING_SOON_DAYS = 60;

/**
 * The support window of every released line, newest first within each package. `policyOf` gives
 * a package's policy, or undefined when the project states none for it.
 */
export function supportWindows(lines: readonly ReleaseLine[], policyOf: (pkg: string) => SupportPolicy | undefined, now: Date): SupportWindow[] {
  const packages = [...new Set(lines.map((l) => l.package))];
  return packages.flatMap((pkg) => {
    const released = lines.filter((l) => l.package === pkg && isReleased(l, now)).sort(compareLinesNewestFirst);
    return released.map((line, i) => windowOf(line, i, released, policyOf(pkg), now));
  });
}

function windowOf(line: ReleaseLine, index: number, newestFirst: ReleaseLine[], policy: SupportPolicy | undefined, now: Date): SupportWindow {
  const n = policy?.latestLines;
  const endingSoonDays = policy?.endingSoonDays ?? ENDING_SOON_DAYS;
  if (line.eol) {
    const daysLeft = daysUntil(now, line.eol);
    const ended = line.eol.getTime() <= now.getTime();
    const soon = line.eol.getTime() - now.getTime() <= endingSoonDays * 86_400_000;
    return {
      line,
      status: ended ? 'end-of-life' : soon ? 'ending-soon' : 'supported',
      end: { kind: 'date', date: line.eol },
      explicit: true,
      daysLeft: ended ? undefined : daysLeft,
    };
  }
  if (n === undefined) {
    return { line, status: policy ? 'supported' : 'not-stated', end: { kind: 'unannounced' }, explicit: false };
  }
  if (index < n) {
    // Support ends when n newer lines exist; `index` of them already do.
    const newest = newestFirst[0] as ReleaseLine;
    return { line, status: 'supported', end: { kind: 'lines', after: newest.name, count: n - index }, explicit: false };
  }
  // The line dropped out of the window the day the n-th newer line shipped (newer lines may
  // have shipped out of version order, so take the n-th release date, not the n-th version).
  const newerShipped = newestFirst.slice(0, index).map((l) => l.released.getTime()).sort((a, b) => a - b);
  const ended = new Date(newerShipped[n - 1] as number);
  return { line, status: 'end-of-life', end: { kind: 'date', date: ended }, explicit: false };
}


/** Words for a status; never left to colour or an emoji alone. */
export function statusLabel(status: SupportStatus): string {
  return { supported: 'Supported', 'ending-soon': 'Ending soon', 'end-of-life': 'End of life', 'not-stated': 'Not stated' }[status];
}

/** "when the line after 0.13 ships" / "when 2 more lines after 0.13 have shipped". */
export function describeLinesEnd(end: { after: string; count: number }): string {
  return end.count === 1
    ? `when the line after ${end.after} ships`
    : `when ${end.count} more lines after ${end.after} have shipped`;
}

/** The windows that still get security fixes at `now` (supported or ending soon). */
export function supportedWindows(windows: readonly SupportWindow[]): SupportWindow[] {
  return windows.filter((w) => w.status === 'supported' || w.status === 'ending-soon');
}
