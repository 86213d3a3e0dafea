/**
 * Building blocks shared by every content schema: dates, names that look like numbers,
 * URLs. One definition each, imported everywhere else.
 */
import { z } from 'zod';
import { isCalendarDay as isCalendarDate } from '../lib/common/dates.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;


/** A calendar date written `YYYY-MM-DD`; it means 00:00:00Z of that day. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => DATE_RE.test(s), { error: 'must be a date written YYYY-MM-DD', params: { fix: 'write the day as YYYY-MM-DD, e.g. 2026-01-31' } })
  .refine(
    (s) => {
      const m = DATE_RE.exec(s);
      return !m || isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { error: 'is not a real calendar date', params: { fix: 'write a day that exists (months have 28 to 31 days)' } },
  );

/** A date (`YYYY-MM-DD`, meaning 00:00:00Z) or an RFC 3339 time with an offset. */
export const isoDateOrTime = z
  .string({ error: 'must be a date (YYYY-MM-DD) or an RFC 3339 time with offset' })
  .refine((s) => DATE_RE.test(s) || DATE_TIME_RE.test(s), {
    error: 'must be a date (YYYY-MM-DD) or an RFC 3339 time with an offset',
    params: { fix: 'write 2026-05-04, or 2026-05-04T14:00:00Z / 2026-05-04T16:00:00+02:00' },
  })
  .refine(
    (s) => {
      const m = DATE_RE.exec(s) ?? DATE_TIME_RE.exec(s);
      return !m || (isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))));
    },
    { error: 'is not a real date or time', params: { fix: 'write a day and time that exist' } },
  );

/** Whether a date string carries a time (and so an offset) rather than a bare day. */
export function hasTime(s: string): boolean {
  return DATE_TIME_RE.test(s);
}

/** The instant a content date stands for: a bare date is 00:00:00Z. */
export function toInstant(s: string): Date {
  return DATE_RE.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s.replace(' ', 'T'));
}

/**
 * A name that must stay a string even when it looks like a number (`"0.10"`). YAML reads an
 * unquoted 0.10 as the number 0.1; the validator explains that case with the source text.
 */
export const name = z.string({ error: 'must be a quoted string' }).min(1, { error: 'must not be empty' });

/** An absolute http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/**
 * What may become part of an address or a file name in the output: ASCII letters and digits,
 * with ".", "_" or "-" between them (never two in a row, never first or last). IDs, aliases,
 * related IDs, package and line names are held to it, so no "?", "#", "%", "/", "..", quote,
 * space or look-alike letter reaches a path.
 */
export const SAFE_NAME = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;

const SAFE_FIX = 'use only ASCII letters, digits, ".", "_" and "-", with a letter or digit between separators';

/** A name that becomes part of an address (a package, a release line): `SAFE_NAME`. */
export const safeName = name.refine((s) => SAFE_NAME.test(s), {
  error: 'may hold only ASCII letters, digits, ".", "_" and "-" (it becomes part of an address)',
  params: { fix: SAFE_FIX },
});

/** An advisory ID or another database's ID (`EXA-2026-0001`, `CVE-2026-41234`, `GHSA-7q4m-2x9v-c3hf`): a prefix, a hyphen, the rest; `SAFE_NAME`. */
export const advisoryId = z.string({ error: 'must be a quoted string' }).refine((s) => SAFE_NAME.test(s) && /^[A-Za-z][A-Za-z0-9]*-/.test(s), {
  error: 'is not an ID such as EXA-2026-0001, CVE-2026-41234 or GHSA-7q4m-2x9v-c3hf',
  params: { fix: `write a prefix, a hyphen and the rest; ${SAFE_FIX} (an ID becomes an address)` },
});

/**
 * The site's own address, from which every link and the base path are made: an http(s) URL
 * written plainly (host, optional port and path; no query, fragment, credentials, quotes or
 * spaces), exactly as a browser would write it.
 */
export const siteUrl = httpUrl.refine((s) => /^https?:\/\/[a-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*\/?$/.test(s) && URL.canParse(s) && new URL(s).href.startsWith(s), {
  error: 'must be a plain http(s) address: a host and an optional path, without a query, fragment, user, quote, space or other character that needs encoding',
  params: { fix: 'write the address the site is published at, such as https://security.example.org/ or https://example.github.io/project/' },
});

/** A number of days, or `best-effort` where the project commits to none. */
export const daysOrBestEffort = z.union([z.number().int().positive(), z.literal('best-effort')], {
  error: 'must be a whole number of days or "best-effort"',
});

/** A number, or `tbd`: a policy point the project has not decided yet, shown honestly as such. */
export const numberOrTbd = z.union([z.number().int().nonnegative(), z.literal('tbd')], {
  error: 'must be a whole number or "tbd" (to be decided)',
});
