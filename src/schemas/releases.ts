/** `content/releases.yaml`: release lines and their dates. */
import { z } from 'zod';
import { isoDate, name, safeName } from './common.ts';

export const plannedReleaseSchema = z.strictObject({
  /** The version that will ship (`0.12.5`); an embargoed fix may name it before it exists. */
  version: z.string().min(1),
  /** When it is planned (YYYY-MM-DD). */
  date: isoDate.optional(),
});

export const releaseLineSchema = z.strictObject({
  /** The line's name, always quoted (`"0.12"`): YAML would read 0.10 as the number 0.1. Part of its address, so ASCII letters, digits, ".", "_" and "-" only. */
  name: safeName,
  /** The package (from site.yaml `packages`) the line belongs to. */
  package: safeName,
  /** The day the line's first release shipped; a future date means planned, hidden until then. */
  released: isoDate,
  /** The newest release of the line (`0.12.4`). */
  latest: z.string().min(1),
  /** Releases announced but not shipped yet (an embargoed fix ships with its advisory). */
  planned: z.array(plannedReleaseSchema).default([]),
  /** An explicit end of security support, overriding the "latest N lines" rule. */
  eol: isoDate.optional(),
  /** The SEMVER range the line covers; by default the line's minor (`>=0.12.0 <0.13.0`). */
  range: z.string().min(1).optional(),
});

export const releasesSchema = z.strictObject({
  /** Every release line, any order. */
  lines: z.array(releaseLineSchema),
});

export type ReleaseLineInput = z.output<typeof releaseLineSchema>;
export type Releases = z.output<typeof releasesSchema>;
