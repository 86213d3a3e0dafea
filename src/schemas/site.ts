/** `content/site.yaml`: the project, its contacts, packages and policies. */
import { z } from 'zod';
import { daysOrBestEffort, httpUrl, isoDate, safeName, siteUrl } from './common.ts';

/** Ratings a response-time target can be set for (CVSS qualitative ratings). */
export const RATINGS = ['critical', 'high', 'medium', 'low'] as const;

/** OSV ecosystems Bulletin knows how to compare versions for (SEMVER ranges). */
export const ECOSYSTEMS = ['npm', 'crates.io', 'Go', 'PyPI', 'Packagist', 'RubyGems', 'NuGet', 'Maven', 'Hex', 'Pub', 'SwiftURL', 'GitHub Actions', 'OCI'] as const;

/** The day names a release rule can avoid. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A 40-digit OpenPGP fingerprint; spaces allowed, stored upper-case without them. */
export const fingerprint = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .refine((s) => /^[0-9A-F]{40}$/.test(s), { error: 'must be a 40-digit hex fingerprint' });

/** An IANA time zone name (`Europe/Berlin`, `UTC`). */
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, { error: 'is not an IANA time zone name', params: { fix: 'write a name such as Europe/Berlin, America/New_York or UTC' } });

const positiveDays = z.number().int().positive();
const days = z.number().int().nonnegative();

/**
 * A support policy: "the latest N lines", "each line has its own end date", or both (the rule,
 * with lines whose own end date overrides it). Given once for every package, or per package.
 */
export const supportPolicySchema = z.strictObject({
  /** N in "the latest N release lines get security fixes". */
  latest_lines: positiveDays.optional(),
  /** Each line has its own end date (`eol` in releases.yaml); with `latest_lines`, an end date overrides the rule. */
  own_end_dates: z.boolean().optional(),
  /** With `latest_lines` only: no line gets its own end date (an `eol` in releases.yaml is then an error). */
  no_exceptions: z.boolean().optional(),
  /** A line whose end date is this many days away or fewer is shown as "Ending soon" (default 60). */
  ending_soon_days: days.optional(),
  /** Bulletin 0's name for `latest_lines`: refused with a fix that says so. */
  supported_lines: z.unknown().optional(),
});

/** A container image published by the project: where it lives and how its tags are made. */
export const imageSchema = z.strictObject({
  /** The image's registry address without a tag (`ghcr.io/acme/relay`). */
  registry: z.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/, {
    error: 'must be an image address without a tag, e.g. ghcr.io/acme/relay',
  }),
  /** How a release's tag is made from its version: `{version}` (the default) or e.g. `v{version}`. */
  tag_scheme: z.string().regex(/^[\w.-]*\{version\}[\w.-]*$/, { error: 'must contain {version} and only letters, digits, ".", "_" and "-"'}).default('{version}'),
  /** Patched images are published as the same tag with this suffix (`-patched`). */
  patched_suffix: z.string().regex(/^[\w.-]+$/, { error: 'must be letters, digits, ".", "_" or "-"' }).optional(),
});

export const packageSchema = z.strictObject({
  /** The package name as its registry spells it (`lanternfish`); it becomes part of addresses (`/releases/<package>/<line>/`), so ASCII letters, digits, ".", "_" and "-" only. */
  name: safeName,
  /** The OSV ecosystem it is published in (`npm`, `crates.io`, ...), or `OCI` for a container image. */
  ecosystem: z.enum(ECOSYSTEMS),
  /** This package's own support policy, where it differs from site.yaml `support`. */
  support: supportPolicySchema.optional(),
  /** For `ecosystem: OCI`: the image's registry address, tag scheme and patched tags. */
  image: imageSchema.optional(),
});

export const keySchema = z.strictObject({
  /** The key's full fingerprint: 40 hex digits, spaces allowed. */
  fingerprint,
  /** `signing`: signs what the site publishes (held in CI); `encryption`: reporters encrypt to it (held by people). */
  role: z.enum(['signing', 'encryption']),
  /** `current` or `retired` (retired signing keys stay published so old mail still verifies). */
  status: z.enum(['current', 'retired']),
  /** The public key file, relative to `content/keys/` (`signing-2026.asc`). */
  file: z.string().regex(/^[\w.-]+\.asc$/, { error: 'must be a file name in content/keys/ ending in .asc' }),
  /** A label shown beside the fingerprint (`test key, private half in test/fixtures`). */
  label: z.string().optional(),
});

export const teamMemberSchema = z.strictObject({
  /** A person's or group's name. */
  name: z.string().min(1),
  /** What they do in the response (`coordinator`, `maintainer of the parser`). */
  role: z.string().min(1),
  /** Where to find them (a profile page). */
  url: httpUrl.optional(),
});

/** The kinds of reporting channel. */
export const CHANNEL_KINDS = ['report-form', 'email', 'bug-bounty', 'mailing-list', 'maintainers'] as const;

export const maintainerSchema = z.strictObject({
  /** The person's name. */
  name: z.string().min(1),
  /** Their own address for reports. */
  email: z.email({ error: 'must be an email address' }),
  /** Their encryption key's fingerprint (listed in `keys` with role `encryption`). */
  key: fingerprint.optional(),
});

/** One way to report a vulnerability; which fields it needs depends on its kind. */
export const channelSchema = z.strictObject({
  /** `report-form`, `email`, `bug-bounty`, `mailing-list` or `maintainers`. */
  kind: z.enum(CHANNEL_KINDS),
  /** The form's, programme's or list's address (report-form and bug-bounty need one). */
  url: httpUrl.optional(),
  /** The address to write to (email and mailing-list need one). */
  email: z.email({ error: 'must be an email address' }).optional(),
  /** For `maintainers`: the people reports go to, each with their own address. */
  people: z.array(maintainerSchema).optional(),
  /** Marked "preferred" on the page; at most one channel is. */
  preferred: z.boolean().optional(),
  /** Fingerprints of the encryption keys (from `keys`) reports on this channel can be encrypted to. */
  keys: z.array(fingerprint).optional(),
  /** A sentence shown with the channel (`for reports about the hosted service`). */
  note: z.string().min(1).optional(),
});

/** When a report is acknowledged: within working days, within calendar days, or as soon as possible (one of them). */
export const acknowledgementSchema = z.strictObject({
  /** Within this many working days (Monday to Friday, in `time_zone`). */
  working_days: positiveDays.optional(),
  /** Within this many calendar days. */
  calendar_days: positiveDays.optional(),
  /** As soon as possible, with no number of days promised. */
  as_soon_as_possible: z.literal(true, { error: 'must be true (or leave it out)' }).optional(),
});

/**
 * A span of time the policy gives (an embargo, a notice): a maximum, a range with a typical
 * value, negotiated per report, or to be decided; `note` carries a partial commitment or detail.
 */
export const spanSchema = z.strictObject({
  /** One number of days: the longest embargo, or the notice given before disclosure. */
  days: days.optional(),
  /** A range: from `min_days` (0: immediately) to `max_days`. */
  min_days: days.optional(),
  max_days: days.optional(),
  /** With a range: the usual value. */
  typical_days: days.optional(),
  /** Agreed with the reporter for each report. */
  negotiated: z.boolean().optional(),
  /** The project has not decided yet (say so only where the policy says so). */
  to_be_decided: z.boolean().optional(),
  /** A sentence shown with it: the partial commitment of an undecided point, or how it is negotiated. */
  note: z.string().min(1).optional(),
});

/** A point the project has not decided yet, with what it already commits to. */
export const undecidedSchema = z.union([
  z.string().min(1),
  z.strictObject({ point: z.string().min(1), meanwhile: z.string().min(1).optional() }),
], { error: 'must be a sentence, or { point, meanwhile }' });

/** When a process stage happens, relative to the report or to disclosure. */
export const stageTimeSchema = z.strictObject({
  /** `report` or `disclosure`. */
  of: z.enum(['report', 'disclosure']),
  /** Within this many days after it. */
  within_days: days.optional(),
  /** Between `from_days` and `to_days` days after it. */
  from_days: days.optional(),
  to_days: days.optional(),
  /** At least this many days before it. */
  days_before: positiveDays.optional(),
});

export const stageSchema = z.strictObject({
  /** What happens (`Fix developed`). */
  name: z.string().min(1),
  /** Who acts (a role, or a team). */
  who: z.string().min(1).optional(),
  /** When; without it the stage has no stated time. */
  when: stageTimeSchema.optional(),
  /** A sentence of detail. */
  note: z.string().min(1).optional(),
});

/** Thresholds that change how a report is handled. */
export const thresholdsSchema = z.strictObject({
  /** A CVSS score below which fixes are developed in public. */
  public_fix_below: z.number().min(0).max(10).optional(),
  /** Ratings whose fix gets its own, out-of-band release. */
  own_release: z.array(z.enum(RATINGS)).optional(),
});

/** The events the response-time clock runs between. */
export const CLOCK_FROM = ['reported', 'acknowledged'] as const;
export const CLOCK_TO = ['first-fix-released', 'all-supported-lines-fixed'] as const;
/** The clock the response record measures with when the policy names none. */
export const DEFAULT_CLOCK = { from: 'acknowledged', to: 'all-supported-lines-fixed' } as const;

/** The size limit of a content file when site.yaml sets none: 1 MB. */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

export const siteSchema = z.strictObject({
  /** The project's name, as readers know it. */
  name: z.string().min(1),
  /** One sentence on what the project is. */
  description: z.string().optional(),
  /** Where the site is published; may carry a base path (`https://example.github.io/lanternfish/`). */
  url: siteUrl,
  /** The code repository. */
  repository: httpUrl,
  /** Bulletin 0's fields, replaced by `channels` and `acknowledgement`: refused with a fix that says how. */
  contacts: z.unknown().optional(),
  acknowledgement_days: z.unknown().optional(),
  /** Ways to report a vulnerability, in the order shown. */
  channels: z.array(channelSchema).min(1, { error: 'must list at least one way to report' }).optional(),
  /** Whether reporters encrypt: `optional` or `required`; unset, the page says nothing about it. */
  encryption: z.enum(['optional', 'required']).optional(),
  /** The packages the project publishes; release lines and advisories refer to them by name. */
  packages: z.array(packageSchema).min(1, { error: 'must list at least one package' }),
  /** How the project's own advisory IDs are made. */
  ids: z.strictObject({
    /** Template with `{year}` and `{seq:N}` (zero-padded to N digits): `EXA-{year}-{seq:4}`. */
    template: z.string().regex(/^[A-Z][A-Z0-9]*-.*\{year\}.*\{seq(:\d)?\}/, {
      error: 'must start with an upper-case prefix and contain {year} and {seq} or {seq:N}, e.g. EXA-{year}-{seq:4}',
    }),
  }),
  /** How embargoed work is kept (SPEC "Embargo"). */
  embargo: z.strictObject({
    /**
     * `public-repository`: this content repository is public; embargoed work lives in a private
     * fork and `check` refuses a future publication time. `private-repository`: this repository is
     * private and deploys the public site; a future publication time is released by the first
     * build after it.
     */
    setup: z.enum(['public-repository', 'private-repository']),
  }),
  /** The IANA time zone working days are counted in (`Europe/Berlin`); needed with working days. */
  time_zone: timeZone.optional(),
  /** When a report is acknowledged; unset, the page promises nothing. */
  acknowledgement: acknowledgementSchema.optional(),
  /** The support policy of every package (a package may carry its own). */
  support: supportPolicySchema.optional(),
  /** The response-time commitment. */
  response_times: z
    .strictObject({
      /** The events the clock runs between; unset, the page names none and the record uses DEFAULT_CLOCK. */
      clock: z
        .strictObject({
          from: z.enum(CLOCK_FROM).default('acknowledged'),
          to: z.enum(CLOCK_TO).default('all-supported-lines-fixed'),
        })
        .optional(),
      /** Calendar days per rating, or `best-effort`; a rating left out is "not stated". */
      targets: z
        .strictObject({
          critical: daysOrBestEffort.optional(),
          high: daysOrBestEffort.optional(),
          medium: daysOrBestEffort.optional(),
          low: daysOrBestEffort.optional(),
        })
        .default({}),
      /** Thresholds that change the handling. */
      thresholds: thresholdsSchema.optional(),
    })
    .default({ targets: {} }),
  /** The coordinated-disclosure policy. */
  disclosure: z
    .strictObject({
      /** How long the project keeps a report private. */
      embargo: spanSchema.optional(),
      /** How long before disclosure distributors are told. */
      distributor_notice: spanSchema.optional(),
      /** Policy points not decided yet, listed on the page as such. */
      to_be_decided: z.array(undecidedSchema).default([]),
      /** Bulletin 0's names: refused with a fix that says what replaced them. */
      embargo_days: z.unknown().optional(),
      distributor_notice_days: z.unknown().optional(),
    })
    .default({ to_be_decided: [] }),
  /** The response process: roles, stages in order, release rules. */
  process: z
    .strictObject({
      /** The roles of the response team. */
      roles: z.array(z.strictObject({ name: z.string().min(1), does: z.string().min(1) })).default([]),
      /** The stages a report goes through, in order. */
      stages: z.array(stageSchema).default([]),
      /** When fixed releases go out. */
      release: z
        .strictObject({
          /** The hour releases go out (`14:00`), with `time_zone`. */
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM'}).optional(),
          /** The IANA time zone of `time`. */
          time_zone: timeZone.optional(),
          /** Days of the week no release goes out. */
          avoid_days: z.array(z.enum(WEEKDAYS)).default([]),
        })
        .optional(),
    })
    .optional(),
  /** The people who handle reports, where the project lists them. */
  team: z.array(teamMemberSchema).default([]),
  /** The project's OpenPGP keys. */
  keys: z.array(keySchema).default([]),
  /** Which CVSS version drives the rating (and so the response-time target) when an advisory has several. */
  cvss: z
    .strictObject({ rating_version: z.enum(['4.0', '3.1', '3.0']).default('3.1') })
    .default({ rating_version: '3.1' }),
  /**
   * The largest content file Bulletin reads, in bytes (default 1000000, 1 MB). A larger file is an
   * error naming it, so a huge advisory cannot keep a build busy. site.yaml itself is always held
   * to the default.
   */
  max_file_size: z.number().int().positive().default(DEFAULT_MAX_FILE_SIZE),
  /** When this policy last changed (YYYY-MM-DD). */
  updated: isoDate,
}).superRefine((site, ctx) => {
  // Contradictions inside site.yaml, each reported at its field with a fix.
  const issue = (path: (string | number)[], message: string, fix: string) =>
    ctx.addIssue({ code: 'custom', path, message, params: { fix } });
  // Fields of the first site.yaml shape, each with the one that replaced it (docs/content.md "Moving from the first shape").
  const renamed: [unknown, (string | number)[], string, string][] = [
    [site.contacts, ['contacts'], 'was replaced by "channels", an ordered list of ways to report', 'write channels: [{ kind: email, email: ... }, { kind: report-form, url: ..., preferred: true }]'],
    [site.acknowledgement_days, ['acknowledgement_days'], 'was replaced by "acknowledgement"', 'write acknowledgement: { working_days: N } (or calendar_days, or as_soon_as_possible: true)'],
    [site.support?.supported_lines, ['support', 'supported_lines'], 'was renamed "latest_lines"', 'write latest_lines: N'],
    [site.disclosure.embargo_days, ['disclosure', 'embargo_days'], 'was replaced by "embargo"', 'write embargo: { days: N }, or { to_be_decided: true } for tbd'],
    [site.disclosure.distributor_notice_days, ['disclosure', 'distributor_notice_days'], 'was replaced by "distributor_notice"', 'write distributor_notice: { days: N }, or { to_be_decided: true } for tbd'],
  ];
  for (const [value, path, message, fix] of renamed) if (value !== undefined) issue(path, message, fix);
  if (!site.channels) {
    if (site.contacts === undefined) issue(['channels'], 'is missing: a site needs at least one way to report', 'add channels: [{ kind: email, email: security@... }]');
    return;
  }
  const channels = site.channels;
  channels.forEach((c, i) => {
    if ((c.kind === 'report-form' || c.kind === 'bug-bounty') && !c.url) issue(['channels', i, 'kind'], `a ${c.kind} channel needs a "url"`, 'add url: https://... (the address reporters open)');
    if (c.kind === 'email' && !c.email) issue(['channels', i, 'kind'], 'an email channel needs an "email"', 'add email: security@...');
    if (c.kind === 'mailing-list' && !c.email && !c.url) issue(['channels', i, 'kind'], 'a mailing-list channel needs an "email" or a "url"', "add the list's address or its page");
    if (c.kind === 'maintainers' && !c.people?.length) issue(['channels', i, 'kind'], 'a maintainers channel needs "people", each with a name and email', 'add people: [{ name: ..., email: ... }]');
    if (c.kind !== 'maintainers' && c.people) issue(['channels', i, 'people'], `only a maintainers channel lists people, not a ${c.kind} channel`, 'remove "people", or set kind: maintainers');
  });
  const preferred = channels.map((c, i) => ({ c, i })).filter(({ c }) => c.preferred);
  for (const { i } of preferred.slice(1)) {
    issue(['channels', i, 'preferred'], `two channels are marked preferred (channels[${preferred[0]!.i}] and channels[${i}])`, 'mark one channel preferred; the order of the list already ranks the others');
  }
  const encryptionKeys = new Set(site.keys.filter((k) => k.role === 'encryption' && k.status === 'current').map((k) => k.fingerprint));
  channels.forEach((c, i) => {
    const named = [...(c.keys ?? []).map((f, j) => ({ f, path: ['channels', i, 'keys', j] })), ...(c.people ?? []).flatMap((p, j) => (p.key ? [{ f: p.key, path: ['channels', i, 'people', j, 'key'] }] : []))];
    for (const { f, path } of named) {
      if (!encryptionKeys.has(f)) issue(path, `names the key ${f}, which "keys" does not list as a current encryption key`, 'add the key to "keys" with role: encryption and status: current, or correct the fingerprint');
    }
  });
  if (site.encryption === 'required' && encryptionKeys.size === 0) {
    issue(['encryption'], 'is "required", but "keys" lists no current encryption key', 'list the key reporters encrypt to in "keys" (role: encryption, status: current), or write encryption: optional');
  }
  const ack = site.acknowledgement;
  if (ack && [ack.working_days, ack.calendar_days, ack.as_soon_as_possible].filter((x) => x !== undefined).length !== 1) {
    issue(['acknowledgement'], 'must say exactly one of working_days, calendar_days or as_soon_as_possible', 'keep the one the policy states, e.g. acknowledgement: { working_days: 3 }');
  }
  const workingDays = ack?.working_days !== undefined;
  if (workingDays && !site.time_zone) issue(['acknowledgement', 'working_days'], 'working days are counted in a time zone, and "time_zone" is not set', 'add time_zone: Europe/Berlin (an IANA name), or count calendar_days');
  const spans = [['embargo', site.disclosure.embargo], ['distributor_notice', site.disclosure.distributor_notice]] as const;
  for (const [key, span] of spans) {
    if (!span) continue;
    const range = span.min_days !== undefined || span.max_days !== undefined;
    const forms = [span.days !== undefined, range, span.negotiated === true, span.to_be_decided === true].filter(Boolean).length;
    if (forms !== 1) issue(['disclosure', key], 'must say exactly one of: days, a range (min_days and max_days, optional typical_days), negotiated: true, or to_be_decided: true', 'keep the one the policy states; put detail in "note"');
    else if (range && (span.min_days === undefined || span.max_days === undefined)) issue(['disclosure', key], 'a range needs both min_days and max_days', 'add the missing end (min_days: 0 means "from immediately")');
    if (span.min_days !== undefined && span.max_days !== undefined && span.min_days > span.max_days) issue(['disclosure', key, 'min_days'], `${span.min_days} is more than max_days (${span.max_days})`, 'swap them');
    if (span.typical_days !== undefined && (span.max_days === undefined || span.typical_days > span.max_days || span.typical_days < (span.min_days ?? 0))) {
      issue(['disclosure', key, 'typical_days'], 'must lie between min_days and max_days', 'give min_days and max_days, with typical_days between them');
    }
  }
  // A stage's time, in days on one axis per reference (negative: before disclosure).
  const stages = site.process?.stages ?? [];
  const at = stages.map((st, i) => {
    const w = st.when;
    if (!w) return undefined;
    const given = [w.within_days !== undefined, w.from_days !== undefined || w.to_days !== undefined, w.days_before !== undefined].filter(Boolean).length;
    if (given > 1) issue(['process', 'stages', i, 'when'], 'gives more than one of within_days, from_days/to_days and days_before', 'keep one');
    if (w.days_before !== undefined && w.of !== 'disclosure') issue(['process', 'stages', i, 'when', 'days_before'], 'days_before counts back from disclosure, but the stage is timed from the report', 'write of: disclosure, or count days after the report');
    if (w.from_days !== undefined && w.to_days !== undefined && w.to_days < w.from_days) {
      issue(['process', 'stages', i, 'when', 'to_days'], `the stage's time runs backwards: to_days (${w.to_days}) is before from_days (${w.from_days})`, 'swap them');
    }
    const start = w.days_before !== undefined ? -w.days_before : (w.from_days ?? 0);
    const end = w.days_before !== undefined ? -w.days_before : (w.to_days ?? w.within_days ?? w.from_days ?? 0);
    return { of: w.of, start, end };
  });
  at.forEach((t, i) => {
    if (!t) return;
    const before = at.slice(0, i).filter((p): p is NonNullable<typeof p> => p !== undefined && p.of === t.of);
    const prev = before[before.length - 1];
    if (prev && t.end < prev.start) {
      issue(['process', 'stages', i, 'when'], `the process runs backwards: "${stages[i]!.name}" comes after "${stages[at.indexOf(prev)]!.name}" in the list but is timed before it`, 'put the stages in the order they happen, or correct the days');
    }
  });
  const release = site.process?.release;
  if (release?.time && !release.time_zone) issue(['process', 'release', 'time'], `"${release.time}" names no time zone`, 'add time_zone: UTC (or another IANA name) under process.release');
  site.packages.forEach((p, i) => {
    if (p.ecosystem === 'OCI' && !p.image) issue(['packages', i, 'ecosystem'], 'a container image (OCI) needs "image" with its registry address', 'add image: { registry: ghcr.io/owner/name }');
    if (p.ecosystem !== 'OCI' && p.image) issue(['packages', i, 'image'], `only a container image (ecosystem: OCI) has "image", not a ${p.ecosystem} package`, 'remove "image", or set ecosystem: OCI');
  });
  const supports = [{ s: site.support, path: ['support'] }, ...site.packages.map((p, i) => ({ s: p.support, path: ['packages', i, 'support'] }))];
  for (const { s, path } of supports) {
    if (!s) continue;
    if (s.latest_lines === undefined && !s.own_end_dates) issue(path, 'states no rule: neither latest_lines nor own_end_dates', 'write latest_lines: N, own_end_dates: true, or both');
    if (s.no_exceptions && (s.own_end_dates || s.latest_lines === undefined)) issue([...path, 'no_exceptions'], 'means "only the latest N lines, no line with its own end date", which contradicts own_end_dates', 'remove no_exceptions, or own_end_dates');
  }
});

export type Site = z.output<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;
export type Rating = (typeof RATINGS)[number];
export type ClockFrom = (typeof CLOCK_FROM)[number];
export type ClockTo = (typeof CLOCK_TO)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
