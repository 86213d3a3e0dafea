/** `content/site.yaml`: the project, its contacts, packages and policies. */
import { z } from 'zod';
import { daysOrBestEffort, httpUrl, isoDate, name, numberOrTbd, safeName, siteUrl } from './common.ts';

/** Ratings a response-time target can be set for (CVSS qualitative ratings). */
export const RATINGS = ['critical', 'high', 'medium', 'low'] as const;

/** OSV ecosystems Bulletin knows how to compare versions for (SEMVER ranges). */
export const ECOSYSTEMS = ['npm', 'crates.io', 'Go', 'PyPI', 'Packagist', 'RubyGems', 'NuGet', 'Maven', 'Hex', 'Pub', 'SwiftURL', 'GitHub Actions'] as const;

export const packageSchema = z.strictObject({
  /** The package name as its registry spells it (`lanternfish`); it becomes part of addresses (`/releases/<package>/<line>/`), so ASCII letters, digits, ".", "_" and "-" only. */
  name: safeName,
  /** The OSV ecosystem it is published in (`npm`, `crates.io`, ...). */
  ecosystem: z.enum(ECOSYSTEMS),
});

export const keySchema = z.strictObject({
  /** The key's full fingerprint: 40 hex digits, spaces allowed. */
  fingerprint: z
    .string()
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .refine((s) => /^[0-9A-F]{40}$/.test(s), { error: 'must be a 40-digit hex fingerprint' }),
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

/** The events the response-time clock runs between. */
export const CLOCK_FROM = ['reported', 'acknowledged'] as const;
export const CLOCK_TO = ['first-fix-released', 'all-supported-lines-fixed'] as const;

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
  /** Ways to report a vulnerability. */
  contacts: z.strictObject({
    /** The security contact address. */
    email: z.email({ error: 'must be an email address' }),
    /** A private reporting form, e.g. the repository's "Report a vulnerability" page. */
    reporting_url: httpUrl.optional(),
    /** The bug bounty programme, where there is one. */
    bug_bounty: httpUrl.optional(),
  }),
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
  /** The IANA time zone working days are counted in (`Europe/Berlin`). */
  time_zone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, { error: 'is not an IANA time zone name', params: { fix: 'write a name such as Europe/Berlin, America/New_York or UTC' } }),
  /** Working days (Monday to Friday) within which a report is acknowledged. */
  acknowledgement_days: z.number().int().positive(),
  /** The support policy. */
  support: z.strictObject({
    /** "The latest N lines of each package get security fixes" (2 is the usual N/N-1). */
    supported_lines: z.number().int().positive(),
    /** A line whose end date is this many days away or fewer is shown as "ending soon". */
    ending_soon_days: z.number().int().nonnegative().default(60),
  }),
  /** The response-time commitment. */
  response_times: z.strictObject({
    /** The events the clock runs between. */
    clock: z
      .strictObject({
        from: z.enum(CLOCK_FROM).default('acknowledged'),
        to: z.enum(CLOCK_TO).default('all-supported-lines-fixed'),
      })
      .default({ from: 'acknowledged', to: 'all-supported-lines-fixed' }),
    /** Calendar days per rating, or `best-effort`. */
    targets: z.strictObject({
      critical: daysOrBestEffort,
      high: daysOrBestEffort,
      medium: daysOrBestEffort,
      low: daysOrBestEffort,
    }),
  }),
  /** The coordinated-disclosure policy. */
  disclosure: z.strictObject({
    /** The longest embargo the project agrees to, in days, or `tbd`. */
    embargo_days: numberOrTbd,
    /** Days of advance notice to distributors before disclosure, or `tbd`. */
    distributor_notice_days: numberOrTbd,
    /** Policy points not decided yet, listed on the page as such. */
    to_be_decided: z.array(z.string().min(1)).default([]),
  }),
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
});

export type Site = z.output<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;
export type Rating = (typeof RATINGS)[number];
export type ClockFrom = (typeof CLOCK_FROM)[number];
export type ClockTo = (typeof CLOCK_TO)[number];
