/**
 * The security policy as one structure, computed once from site.yaml, the release lines and
 * "now". The HTML page and /SECURITY.md both render this, so they never drift.
 */
import type { ClockFrom, ClockTo, Rating, Site } from '../../schemas/site.ts';
import { RATINGS } from '../../schemas/site.ts';
import { formatDate, plural } from '../common/dates.ts';
import { describeLinesEnd, statusLabel, supportWindows, type ReleaseLine, type SupportWindow } from './support.ts';

export interface SupportRow {
  package: string;
  line: string;
  latest: string;
  released: string;
  status: SupportWindow['status'];
  statusLabel: string;
  /** "until 2026-09-30", "ended 2026-01-20", "when the line after 0.13 ships". */
  endText: string;
  /** Machine-friendly end date where known. */
  endDate?: string;
}

export interface ResponseRow {
  rating: Rating;
  /** Days, or null for best effort. */
  days: number | null;
  text: string;
}

export interface PolicyModel {
  supportRule: string;
  support: SupportRow[];
  acknowledgement: string;
  clock: string;
  responseTimes: ResponseRow[];
  disclosure: { label: string; value: string; decided: boolean }[];
  toBeDecided: string[];
}

const CLOCK_FROM_TEXT: Record<ClockFrom, string> = {
  reported: 'the day a report reaches us',
  acknowledged: 'the day we acknowledge a report',
};
const CLOCK_TO_TEXT: Record<ClockTo, string> = {
  'first-fix-released': 'the first fixed release',
  'all-supported-lines-fixed': 'a fixed release on every supported line',
};

/** One support-table row, in words a reader in a hurry understands. */
export function supportRow(w: SupportWindow): SupportRow {
  const endDate = w.end.kind === 'date' ? formatDate(w.end.date) : undefined;
  let endText: string;
  if (w.end.kind === 'lines') endText = describeLinesEnd(w.end);
  else if (w.status === 'end-of-life') endText = `ended ${endDate}`;
  else endText = `until ${endDate} (${plural(w.daysLeft ?? 0, 'day')} left)`;
  return {
    package: w.line.package,
    line: w.line.name,
    latest: w.line.latest,
    released: formatDate(w.line.released),
    status: w.status,
    statusLabel: statusLabel(w.status),
    endText,
    endDate,
  };
}

/** Computes the whole policy model at `now`. */
export function policyModel(site: Site, lines: readonly ReleaseLine[], now: Date): PolicyModel {
  const n = site.support.supported_lines;
  const windows = supportWindows(lines, { supportedLines: n, endingSoonDays: site.support.ending_soon_days }, now);
  const d = site.disclosure;
  const tbd = (v: number | 'tbd', unit: (x: number) => string) =>
    v === 'tbd' ? { value: 'to be decided', decided: false } : { value: unit(v), decided: true };
  return {
    supportRule:
      n === 1
        ? 'The latest release line of each package gets security fixes.'
        : `The latest ${n} release lines of each package get security fixes.`,
    // Packages in site.yaml's order, lines newest first within each.
    support: site.packages.flatMap((p) => windows.filter((w) => w.line.package === p.name)).map(supportRow),
    acknowledgement: `within ${plural(site.acknowledgement_days, 'working day')} (Monday to Friday, ${site.time_zone} time)`,
    clock: `from ${CLOCK_FROM_TEXT[site.response_times.clock.from]} to ${CLOCK_TO_TEXT[site.response_times.clock.to]}`,
    responseTimes: RATINGS.map((rating) => {
      const t = site.response_times.targets[rating];
      return { rating, days: t === 'best-effort' ? null : t, text: t === 'best-effort' ? 'best effort, no fixed target' : plural(t, 'day') };
    }),
    disclosure: [
      { label: 'Longest embargo we agree to', ...tbd(d.embargo_days, (x) => plural(x, 'day')) },
      { label: 'Advance notice to distributors', ...tbd(d.distributor_notice_days, (x) => `${plural(x, 'day')} before disclosure`) },
    ],
    toBeDecided: d.to_be_decided,
  };
}
