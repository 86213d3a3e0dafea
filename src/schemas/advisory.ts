/**
 * `content/advisories/<ID>.md` (the newest revision) and `content/advisories/<ID>/v<N>.md`
 * (earlier ones): front matter shaped like an OSV record, with OSV's names wherever OSV has the
 * concept (`summary` is the title), plus Bulletin's own fields. The body is the description,
 * impact, mitigations and workarounds.
 */
import { z } from 'zod';
import { advisoryId, httpUrl, isoDateOrTime, name } from './common.ts';

/** OSV reference types (OSV schema `references[].type`). */
export const REFERENCE_TYPES = ['ADVISORY', 'ARTICLE', 'DETECTION', 'DISCUSSION', 'REPORT', 'FIX', 'INTRODUCED', 'GIT', 'PACKAGE', 'EVIDENCE', 'WEB'] as const;
/** OSV credit types (OSV schema `credits[].type`). */
export const CREDIT_TYPES = ['FINDER', 'REPORTER', 'ANALYST', 'COORDINATOR', 'REMEDIATION_DEVELOPER', 'REMEDIATION_REVIEWER', 'REMEDIATION_VERIFIER', 'TOOL', 'SPONSOR', 'OTHER'] as const;

/** An ID of another database (an alias, a related advisory), as OSV writes them (`CVE-2026-41234`); it becomes an address. */
export const foreignId = advisoryId;

/** A version as written in an event (`0.12.3`, or `0` for "before every version"). */
const version = z.string({ error: 'must be a version written as a quoted string' }).min(1);

export const eventSchema = z.union(
  [
    z.strictObject({ introduced: version }),
    z.strictObject({ fixed: version }),
    z.strictObject({ last_affected: version }),
    z.strictObject({ limit: version }),
  ],
  { error: 'must be exactly one of introduced, fixed, last_affected or limit, with a version' },
);

export const rangeSchema = z.strictObject({
  /** `SEMVER` for the project's own packages; `ECOSYSTEM` or `GIT` for others, listed as written. */
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  /** For GIT ranges: the repository. */
  repo: httpUrl.optional(),
  /** The timeline: `introduced`, then `fixed` (or `last_affected`), possibly several times. */
  events: z.array(eventSchema).min(1, { error: 'must have at least one event, starting with introduced' }),
});

export const affectedSchema = z.strictObject({
  /** The package: OSV `ecosystem` and `name` (for the project's own, as in site.yaml). */
  package: z.strictObject({ ecosystem: z.string().min(1), name: name, purl: z.string().optional() }),
  /** Version ranges. */
  ranges: z.array(rangeSchema).default([]),
  /** Affected versions listed one by one. */
  versions: z.array(version).default([]),
  /** OSV's per-package extras, published as written. */
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export const severitySchema = z.strictObject({
  /** `CVSS_V3` (3.0 and 3.1 vectors) or `CVSS_V4`. */
  type: z.enum(['CVSS_V3', 'CVSS_V4']),
  /** The CVSS vector (OSV calls it `score`): `CVSS:3.1/AV:N/AC:L/...`. */
  score: z.string().min(1),
  /** Optional: the base score as stated elsewhere; checked against the vector. */
  base_score: z.number().min(0).max(10).optional(),
});

export const revisionSchema = z.strictObject({
  /** 1 for the first publication, then 2, 3, ... with no gaps. */
  number: z.number().int().positive(),
  /**
   * When this revision publishes: a date, or an RFC 3339 time with offset (required when in the
   * future). A draft may leave it out until it is ready; any other revision must have it.
   */
  date: isoDateOrTime.optional(),
  /** One line saying what changed (for revision 1: "Initial publication"). */
  summary: z.string().min(1),
});

export const timelineSchema = z.strictObject({
  /** When the report reached the project. */
  reported: isoDateOrTime.optional(),
  /** When the project acknowledged it. */
  acknowledged: isoDateOrTime.optional(),
  /** When the first fixed release shipped. */
  first_fix_released: isoDateOrTime.optional(),
  /** When a fixed release had shipped on every supported line. */
  fix_released: isoDateOrTime.optional(),
});

export const advisorySchema = z.strictObject({
  /** The advisory's ID: the project's template (`EXA-2026-0001`) or another database's (`GHSA-...`). Equals the file name. */
  id: advisoryId,
  /** Other IDs for the same vulnerability (`CVE-2026-12345`); each leads to this advisory's page. */
  aliases: z.array(foreignId).default([]),
  /** IDs of related but different vulnerabilities. */
  related: z.array(foreignId).default([]),
  /** The title: one line saying what is wrong. */
  summary: z.string().min(1).max(200),
  /** Optional: checked equal to revision 1's date. */
  published: isoDateOrTime.optional(),
  /** Optional: checked equal to this revision's date. */
  modified: isoDateOrTime.optional(),
  /** Set by the revision that withdraws the advisory: when. Needs `withdrawn_reason`. */
  withdrawn: isoDateOrTime.optional(),
  /** Why the advisory was withdrawn, shown in the banner. */
  withdrawn_reason: z.string().min(1).optional(),
  /** CVSS vectors; several versions may coexist. None means "not rated". */
  severity: z.array(severitySchema).default([]),
  /** Affected packages and versions. */
  affected: z.array(affectedSchema).default([]),
  /** Links: OSV `type` and `url`. */
  references: z.array(z.strictObject({ type: z.enum(REFERENCE_TYPES), url: httpUrl })).default([]),
  /** People and tools credited. */
  credits: z.array(z.strictObject({ name: z.string().min(1), contact: z.array(z.string()).optional(), type: z.enum(CREDIT_TYPES).optional() })).default([]),
  /** CWE IDs (`CWE-444`). */
  cwe: z.array(z.string().regex(/^CWE-\d+$/, { error: 'must be written CWE-<number>, e.g. CWE-444' })).default([]),
  /** Disclosure timeline, for the response-time record; a missing date means "not known". */
  timeline: timelineSchema.default({}),
  /** This revision: number, publication date and what changed. */
  revision: revisionSchema,
  /** Never published, never sealed, free to edit. */
  draft: z.boolean().default(false),
  /** OSV's database-specific extras, published as written. */
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export type AdvisoryFront = z.output<typeof advisorySchema>;
export type AffectedEntry = z.output<typeof affectedSchema>;
export type Severity = z.output<typeof severitySchema>;
