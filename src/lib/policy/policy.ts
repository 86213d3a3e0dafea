/**
 * The security policy as one structure, computed once from site.yaml, the release lines and
 * "now". The HTML page and /SECURITY.md both render this, so they never drift. Nothing here is
 * invented (SPEC rule 9): every sentence comes from a field the maintainer wrote, and a field
 * left out gives no sentence.
 */
import type { ChannelKind, ClockFrom, ClockTo, Rating, Site } from '../../schemas/site.ts';
import { DEFAULT_CLOCK, RATINGS } from '../../schemas/site.ts';
import { formatDate, plural } from '../common/dates.ts';
import { ratingName } from '../advisory/severity.ts';
import { describeLinesEnd, ENDING_SOON_DAYS, statusLabel, supportWindows, type ReleaseLine, type SupportPolicy, type SupportWindow } from './support.ts';

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

/** One way to report, in words. */
export interface ChannelView {
  kind: ChannelKind;
  /** "Private report form", "Email", ... */
  label: string;
  url?: string;
  email?: string;
  people: { name: string; email: string; key?: string }[];
  preferred: boolean;
  /** Fingerprints of the encryption keys named for this channel. */
  keys: string[];
  note?: string;
}

/** A row of the disclosure list. */
export interface DisclosureItem {
  label: string;
  value: string;
  /** False for a point the policy says is to be decided. */
  decided: boolean;
  note?: string;
}

/** A stage of the response process, in words. */
export interface StageView {
  name: string;
  who?: string;
  when?: string;
  note?: string;
}

/** A container image with its tags per supported line. */
export interface ImageView {
  package: string;
  registry: string;
  patchedSuffix?: string;
  tags: { line: string; tag: string; patchedTag?: string }[];
}

export interface PolicyModel {
  channels: ChannelView[];
  /** How the policy words encryption, or undefined when it says nothing. */
  encryption?: string;
  /** "within 3 working days (...)", "as soon as possible", or undefined (no promise). */
  acknowledgement?: string;
  /** The support rules the project states, one sentence each (none when it states none). */
  supportRules: string[];
  /** Whether some line's own end date overrides a latest-N rule (said on the releases page). */
  hasExceptions: boolean;
  support: SupportRow[];
  /** The response clock in words ("from the day we acknowledge a report to ..."); Bulletin's default where the policy names none. */
  clock: string;
  /** Whether site.yaml names the clock (else the page words targets without one). */
  clockStated: boolean;
  /** Only the ratings the policy states. */
  responseTimes: ResponseRow[];
  /** Conditions that change the handling, as a short table. */
  thresholds: { condition: string; handling: string }[];
  disclosure: DisclosureItem[];
  toBeDecided: { point: string; meanwhile?: string }[];
  roles: { name: string; does: string }[];
  stages: StageView[];
  /** Release rules as sentences ("Releases go out at 14:00 (UTC).", "No release goes out on a Friday."). */
  releaseRules: string[];
  images: ImageView[];
}

const CLOCK_FROM_TEXT: Record<ClockFrom, string> = {
  reported: 'the day a report reaches us',
  acknowledged: 'the day we acknowledge a report',
};
const CLOCK_TO_TEXT: Record<ClockTo, string> = {
  'first-fix-released': 'the first fixed release',
  'all-supported-lines-fixed': 'a fixed release on every supported line',
};
const CHANNEL_LABEL: Record<ChannelView['kind'], string> = {
  'report-form': 'Private report form',
  email: 'Email',
  'bug-bounty': 'Bug bounty',
  'mailing-list': 'Mailing list',
  maintainers: 'Maintainers',
};

/** The support policy of one package: its own, else the site's, else none stated. */
export function packageSupport(site: Site, pkg: string): SupportPolicy | undefined {
  const s = site.packages.find((p) => p.name === pkg)?.support ?? site.support;
  if (!s) return undefined;
  return { latestLines: s.latest_lines, ownEndDates: s.own_end_dates === true, endingSoonDays: s.ending_soon_days ?? site.support?.ending_soon_days ?? ENDING_SOON_DAYS };
}

/** One support-table row, in words a reader in a hurry understands. */
export function supportRow(w: SupportWindow): SupportRow {
  const endDate = w.end.kind === 'date' ? formatDate(w.end.date) : undefined;
  let endText: string;
  if (w.end.kind === 'lines') endText = describeLinesEnd(w.end);
  else if (w.end.kind === 'unannounced') endText = w.status === 'not-stated' ? 'not stated' : 'not announced yet';
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

/** The rule sentence of one support policy, for "each package" or one named package. */
function ruleSentence(s: SupportPolicy, of: string): string[] {
  const out: string[] = [];
  if (s.latestLines !== undefined) {
    out.push(s.latestLines === 1 ? `The latest release line of ${of} gets security fixes.` : `The latest ${s.latestLines} release lines of ${of} get security fixes.`);
  }
  if (s.ownEndDates) {
    out.push(s.latestLines === undefined ? `Each release line of ${of} gets security fixes until its own end date.` : 'A line with its own end date keeps it, even outside that rule.');
  }
  return out;
}

/** The support rules as stated: one shared sentence, or one per package that has its own policy. */
export function supportRules(site: Site): string[] {
  const own = site.packages.filter((p) => p.support);
  if (own.length === 0) {
    const s = packageSupport(site, site.packages[0]?.name ?? '');
    return s ? ruleSentence(s, site.packages.length === 1 ? (site.packages[0] as { name: string }).name : 'each package') : [];
  }
  return site.packages.flatMap((p) => {
    const s = packageSupport(site, p.name);
    return s ? ruleSentence(s, p.name) : [];
  });
}

/** "as soon as possible" / "within 3 working days (Monday to Friday, UTC time)" / undefined. */
export function acknowledgementText(site: Site): string | undefined {
  const a = site.acknowledgement;
  if (a === undefined) return undefined;
  if (a.working_days !== undefined) return `within ${plural(a.working_days, 'working day')} (Monday to Friday, ${site.time_zone} time)`;
  if (a.calendar_days !== undefined) return `within ${plural(a.calendar_days, 'calendar day')}`;
  return a.as_soon_as_possible ? 'as soon as possible' : undefined;
}

type Span = NonNullable<Site['disclosure']['embargo']>;

/** A disclosure span in words; `unit` words a number of days ("7 days before disclosure"). */
function spanItem(span: Span, singleLabel: string, rangeLabel: string, unit: (d: number) => string): DisclosureItem {
  const days = (d: number) => plural(d, 'day');
  if (span.to_be_decided) return { label: rangeLabel, value: 'to be decided', decided: false, note: span.note };
  if (span.negotiated) return { label: rangeLabel, value: 'agreed with the reporter for each report', decided: true, note: span.note };
  if (span.days !== undefined) return { label: singleLabel, value: unit(span.days), decided: true, note: span.note };
  const from = span.min_days === 0 ? 'from immediately' : `from ${days(span.min_days ?? 0)}`;
  const typical = span.typical_days !== undefined ? `, typically ${days(span.typical_days)}` : '';
  return { label: rangeLabel, value: `${from} to ${unit(span.max_days ?? 0)}${typical}`, decided: true, note: span.note };
}

/** "within 1 day of the report", "1 to 7 days after the report", "at least 7 days before disclosure". */
export function stageWhen(w: NonNullable<Site['process']>['stages'][number]['when']): string | undefined {
  if (!w) return undefined;
  const ref = w.of === 'report' ? 'the report' : 'disclosure';
  if (w.days_before !== undefined) return `at least ${plural(w.days_before, 'day')} before ${ref}`;
  if (w.within_days !== undefined) return w.within_days === 0 ? `on the day of ${ref}` : `within ${plural(w.within_days, 'day')} of ${ref}`;
  if (w.from_days !== undefined && w.to_days !== undefined) return `${w.from_days} to ${plural(w.to_days, 'day')} after ${ref}`;
  if (w.from_days !== undefined) return `from ${plural(w.from_days, 'day')} after ${ref}`;
  if (w.to_days !== undefined) return `up to ${plural(w.to_days, 'day')} after ${ref}`;
  return `at ${ref}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The tag a release gets under an image's tag scheme. */
export function imageTag(scheme: string, version: string): string {
  return scheme.replace('{version}', version);
}

/** Computes the whole policy model at `now`. */
export function policyModel(site: Site, lines: readonly ReleaseLine[], now: Date): PolicyModel {
  const windows = supportWindows(lines, (pkg) => packageSupport(site, pkg), now);
  // Packages in site.yaml's order, lines newest first within each.
  const support = site.packages.flatMap((p) => windows.filter((w) => w.line.package === p.name)).map(supportRow);
  const d = site.disclosure;
  const t = site.response_times;
  // Validation refuses a site.yaml without channels; the schema's type keeps them optional for the old-name message.
  const channels: ChannelView[] = (site.channels ?? []).map((c) => ({
    kind: c.kind,
    label: CHANNEL_LABEL[c.kind],
    url: c.url,
    email: c.email,
    people: (c.people ?? []).map((p) => ({ name: p.name, email: p.email, key: p.key })),
    preferred: c.preferred === true,
    keys: c.keys ?? [],
    note: c.note,
  }));
  const thresholds: PolicyModel['thresholds'] = [];
  if (t.thresholds?.public_fix_below !== undefined) {
    thresholds.push({ condition: `CVSS score below ${t.thresholds.public_fix_below.toFixed(1)}`, handling: 'fixed in public, without an embargo' });
  }
  if (t.thresholds?.own_release?.length) {
    thresholds.push({ condition: t.thresholds.own_release.map(ratingName).join(', '), handling: 'fixed in a release of its own, outside the usual schedule' });
  }
  const release = site.process?.release;
  const releaseRules: string[] = [];
  if (release?.time) releaseRules.push(`Fixed releases go out at ${release.time} (${release.time_zone} time).`);
  if (release?.avoid_days.length) {
    const names = release.avoid_days.map(capital);
    releaseRules.push(`No fixed release goes out on ${names.length === 1 ? `a ${names[0]}` : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`}.`);
  }
  return {
    channels,
    encryption:
      site.encryption === 'required'
        ? 'Reports must be encrypted to one of the keys below.'
        : site.encryption === 'optional'
          ? 'Encrypting a report is optional; where you want to, use one of the keys below.'
          : undefined,
    acknowledgement: acknowledgementText(site),
    supportRules: supportRules(site),
    hasExceptions: site.packages.some((p) => {
      const s = packageSupport(site, p.name);
      return s?.latestLines !== undefined && (s.ownEndDates || lines.some((l) => l.package === p.name && l.eol));
    }),
    support,
    clock: `from ${CLOCK_FROM_TEXT[(t.clock ?? DEFAULT_CLOCK).from]} to ${CLOCK_TO_TEXT[(t.clock ?? DEFAULT_CLOCK).to]}`,
    clockStated: t.clock !== undefined,
    responseTimes: RATINGS.flatMap((rating) => {
      const v = t.targets[rating];
      if (v === undefined) return [];
      return [{ rating, days: v === 'best-effort' ? null : v, text: v === 'best-effort' ? 'best effort, no fixed target' : plural(v, 'day') }];
    }),
    thresholds,
    disclosure: [
      ...(d.embargo ? [spanItem(d.embargo, 'Longest embargo we agree to', 'Embargo', (x) => plural(x, 'day'))] : []),
      ...(d.distributor_notice ? [spanItem(d.distributor_notice, 'Advance notice to distributors', 'Advance notice to distributors', (x) => `${plural(x, 'day')} before disclosure`)] : []),
    ],
    toBeDecided: d.to_be_decided.map((x) => (typeof x === 'string' ? { point: x } : { point: x.point, meanwhile: x.meanwhile })),
    roles: site.process?.roles ?? [],
    stages: (site.process?.stages ?? []).map((s) => ({ name: s.name, who: s.who, when: stageWhen(s.when), note: s.note })),
    releaseRules,
    images: site.packages.flatMap((p) => {
      if (!p.image) return [];
      const image = p.image;
      const tags = support
        .filter((r) => r.package === p.name && r.status !== 'end-of-life')
        .map((r) => {
          const tag = imageTag(image.tag_scheme, r.latest);
          return { line: r.line, tag, patchedTag: image.patched_suffix ? tag + image.patched_suffix : undefined };
        });
      return [{ package: p.name, registry: image.registry, patchedSuffix: image.patched_suffix, tags }];
    }),
  };
}
