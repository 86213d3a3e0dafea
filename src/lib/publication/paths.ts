/**
 * Every address the site publishes, built in one place. An address is site-relative, without a
 * leading slash: a page's ends in `/` (`advisories/EXA-2026-0001/`), a file's is its name
 * (`rss.xml`). The lock records addresses with a leading slash (`lockAddress`).
 */
import type { Rating } from '../advisory/cvss.ts';

/** A rating page's slug. */
export type RatingSlug = Rating | 'not-rated';

/** The security page. */
export const HOME = '';
/** `advisories/`: the archive index. */
export const ARCHIVE = 'advisories/';
/** `releases/`: every release line. */
export const RELEASES = 'releases/';
/** `announcements/`: the announcement index. */
export const ANNOUNCEMENTS = 'announcements/';
/** `verify/`: how to verify what the site publishes. */
export const VERIFY = 'verify/';
/** `lookup.json`: the index the "Am I affected?" form answers from. */
export const LOOKUP = 'lookup.json';
/** `search/`: the search page (Pagefind). */
export const SEARCH = 'search/';

/** `advisories/EXA-2026-0001/`: an advisory's (or alias's) page. */
export function advisoryPath(id: string): string {
  return `${ARCHIVE}${id}/`;
}

/** `advisories/EXA-2026-0001/v2/`: one revision's page. */
export function revisionPath(id: string, n: number): string {
  return `${ARCHIVE}${id}/v${n}/`;
}

/** `advisories/year/2026/`. */
export function yearPath(year: number): string {
  return `${ARCHIVE}year/${year}/`;
}

/** `advisories/rating/critical/`. */
export function ratingPath(r: RatingSlug): string {
  return `${ARCHIVE}rating/${r}/`;
}

/** `releases/lanternfish/0.13/`. */
export function linePath(pkg: string, line: string): string {
  return `${RELEASES}${pkg}/${line}/`;
}

/** `announcements/<slug>/`: an announcement's page. */
export function announcementPath(slug: string): string {
  return `${ANNOUNCEMENTS}${slug}/`;
}

/** `announcements/<slug>.txt`: the announcement as mailed, cleartext-signed. */
export function announcementTextPath(slug: string): string {
  return `${ANNOUNCEMENTS}${slug}.txt`;
}

/** The file an address is written to: a page's `index.html`, a file's own name. */
export function fileOf(address: string): string {
  return address === '' || address.endsWith('/') ? `${address}index.html` : address;
}

/** The address as the lock records it: `/advisories/EXA-2026-0001/`. */
export function lockAddress(address: string): string {
  return `/${address}`;
}

/** `osv/`: the OSV records. */
export const OSV = 'osv/';
/** `osv/all.json`: the index of `{id, modified}` OSV importers read. */
export const OSV_INDEX = `${OSV}all.json`;
/** `osv/all.zip`: every record in one zip, as OSV databases publish them. */
export const OSV_ZIP = `${OSV}all.zip`;

/** `osv/EXA-2026-0001.json`: an advisory's OSV record (the file name is the Bulletin ID). */
export function osvPath(id: string): string {
  return `${OSV}${id}.json`;
}
