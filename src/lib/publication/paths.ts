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

/** `.well-known/security.txt` (RFC 9116). */
export const SECURITY_TXT = '.well-known/security.txt';
/** `.well-known/csaf/`: the CSAF 2.0 trusted-provider folder. */
export const CSAF = '.well-known/csaf/';
/** `.well-known/csaf/provider-metadata.json`. */
export const CSAF_PROVIDER_METADATA = `${CSAF}provider-metadata.json`;

/** The CSAF file name of a tracking ID, as CSAF 2.0 section 5.1 derives it: lower case, characters other than `+`, `-`, `a-z`, `0-9` become `_`. */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** `.well-known/csaf/white/`: the folder of one TLP label. */
export function csafTlpPath(tlp: string): string {
  return `${CSAF}${tlp.toLowerCase()}/`;
}

/** `.well-known/csaf/white/2026/exa-2026-0001.json`: one CSAF document (the year of its initial release). */
export function csafPath(tlp: string, year: number, trackingId: string): string {
  return `${csafTlpPath(tlp)}${year}/${csafFileName(trackingId)}`;
}

/** `.well-known/csaf/feed-tlp-white.json`: the ROLIE feed of one TLP label. */
export function csafFeedPath(tlp: string): string {
  return `${CSAF}feed-tlp-${tlp.toLowerCase()}.json`;
}
