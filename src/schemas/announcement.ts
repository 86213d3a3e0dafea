/**
 * `content/announcements/<YYYY-MM-DD>-<slug>.md`: a security announcement, ready to mail to an
 * announce list. The front matter says what it announces (advisory revisions and releases); the
 * body is the project's own prose, in markdown. Announcements are sealed like revisions and never
 * revised: a correction is a follow-up announcement.
 */
import { z } from 'zod';
import { isoDateOrTime, name } from './common.ts';

/** A release the announcement announces. */
export const announcedReleaseSchema = z.strictObject({
  /** The package, as site.yaml `packages` names it (`lanternfish`). */
  package: name,
  /** The full SEMVER version (`0.13.1`): released on its line, or planned in releases.yaml. */
  version: z.string({ error: 'must be a version written as a quoted string' }).min(1),
});

export const announcementSchema = z.strictObject({
  /** The subject line of the mail, and the page's title: one line. */
  title: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\r\n]/.test(s), { error: 'must be one line: it is the subject of the mail', params: { fix: 'join the title into one line; say more in the body' } }),
  /**
   * The announcement's own date: a day (`2026-08-04`) or an RFC 3339 time with offset. Its UTC day
   * is the file name's date. It publishes at the later of this date and the publication of every
   * advisory revision it names.
   */
  date: isoDateOrTime,
  /** The advisory revisions it announces, each written `<ID>@v<N>` (`EXA-2026-0001@v2`). */
  advisories: z.array(z.string({ error: 'must be an advisory revision written ID@vN, e.g. EXA-2026-0001@v1' })).min(1, { error: 'must name at least one advisory revision, written ID@vN' }),
  /** The releases it announces (`{ package: lanternfish, version: 0.13.1 }`); none when no fix has shipped. */
  releases: z.array(announcedReleaseSchema).default([]),
  /** Never published, never sealed, free to edit. */
  draft: z.boolean().default(false),
});

export type AnnouncementFront = z.output<typeof announcementSchema>;
export type AnnouncedRelease = z.output<typeof announcedReleaseSchema>;
