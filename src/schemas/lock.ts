/**
 * `content/bulletin.lock`, the seal: a JSON file that `npm run seal` writes and `check` reads.
 * Per advisory and revision number (and per announcement), the sha256 of the LF-normalised
 * source, when it publishes, and the addresses it publishes. Entries whose time has come are
 * published: their hash never changes and their addresses never disappear.
 */
import { z } from 'zod';

const DO_NOT_EDIT = 'the lock is written by npm run seal, not by hand: restore it from git (git checkout -- content/bulletin.lock) and run npm run seal again';

/** A string matching `re`; the finding says the lock is not edited by hand. */
function matching(re: RegExp, error: string) {
  return z.string().refine((s) => re.test(s), { error, abort: true, params: { fix: DO_NOT_EDIT } });
}

/** The sha256 of a source file's LF-normalised text, as 64 lower-case hex digits. */
export const sha256Schema = matching(/^[0-9a-f]{64}$/, 'must be a sha256 written as 64 lower-case hex digits');

/** A UTC instant written `2026-05-04T14:00:00Z`, without fractions of a second. */
export const utcTimeSchema = matching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC time written YYYY-MM-DDTHH:MM:SSZ').refine(
  (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().replace('.000Z', 'Z') === s,
  { error: 'is not a real time', params: { fix: DO_NOT_EDIT } },
);

/** A site-relative address: starts with `/` (`/advisories/EXA-2026-0001/`). */
export const addressSchema = matching(/^\/\S*$/, 'must be a site-relative address starting with "/"');

/** The seal of one revision or announcement. */
export const sealSchema = z.strictObject({
  /** sha256 of the LF-normalised source file as it was sealed. */
  sha256: sha256Schema,
  /** When it publishes (the revision's `revision.date`, or the announcement's date), in UTC. */
  published: utcTimeSchema,
  /** The addresses it publishes; once published, each must stay in the lock for good. */
  addresses: z.array(addressSchema),
});

/** A revision number as a JSON key: `1`, `2`, ... without leading zeros. */
const revisionKey = matching(/^[1-9]\d*$/, 'must be a revision number (1, 2, ...)');

export const lockSchema = z.strictObject({
  /** The lock format's version: 1. */
  lockfile: z.literal(1, { error: 'must be 1, the only lock format this Bulletin knows' }),
  /** Advisory ID (exact case) -> revision number -> its seal. */
  advisories: z.record(z.string().min(1), z.record(revisionKey, sealSchema)).default({}),
  /** Announcement slug (its file name without the date and `.md`: `lanternfish-0-13-3`) -> its seal. */
  announcements: z.record(z.string().min(1), sealSchema).default({}),
});

export type Seal = z.output<typeof sealSchema>;
export type Lock = z.output<typeof lockSchema>;
