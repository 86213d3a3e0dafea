/**
 * The publication plan (SPEC rule 11): one pure function of the validated content and "now" that
 * lists every output of the build with its address, its kind, the seal it belongs to and how it
 * is signed, and the held-back tokens the guard looks for. The routes, the sitemap, the lock's
 * addresses, the signing step and the output guard all read it; a build test proves the built
 * folder holds exactly these files. Adding an output is one entry here plus its renderer.
 */
import type { AdvisoryHistory, Revision } from '../advisory/history.ts';
import { RATING_ORDER } from '../advisory/severity.ts';
import { toInstant } from '../../schemas/common.ts';
import { announcementPublication, isAnnouncementPublished, type Announcement } from '../announcement/announcements.ts';
import { policyModel } from '../policy/policy.ts';
import type { ReleaseLine } from '../policy/support.ts';
import type { Site } from '../../schemas/site.ts';
import {
  advisoryPath,
  announcementPath,
  announcementTextPath,
  ANNOUNCEMENTS,
  ARCHIVE,
  fileOf,
  HOME,
  lockAddress,
  linePath,
  LOOKUP,
  SEARCH,
  OSV_INDEX,
  OSV_ZIP,
  osvPath,
  ratingPath,
  RELEASES,
  revisionPath,
  VERIFY,
  yearPath,
  CSAF_PROVIDER_METADATA,
  csafFeedPath,
  csafPath,
  csafTlpPath,
  SECURITY_TXT,
} from './paths.ts';
import { isPublished, publishedAdvisories } from './publication.ts';

/** What an output is. */
export type OutputKind = 'page' | 'alias' | 'feed' | 'data' | 'key' | 'text';

/** The sealed item whose lock entry records an output's address, so that it never disappears. */
export type SealRef = { kind: 'advisory'; id: string; revision: number } | { kind: 'announcement'; slug: string };

/** How an output is signed: `detached` writes `<file>.asc`; `cleartext` replaces the file with its signed text. */
export interface Signature {
  mode: 'detached' | 'cleartext';
  /** The content date the signature carries (before the key-creation floor). */
  date: Date;
  /** Signs the file's bytes (a zip) rather than its text. */
  binary?: boolean;
}

/** One output of the build. */
export interface PlannedOutput {
  /** Site-relative address: `advisories/EXA-2026-0001/` for a page, `rss.xml` for a file. */
  address: string;
  /** The file inside the output folder. */
  file: string;
  kind: OutputKind;
  /** Listed in the sitemap. */
  sitemap: boolean;
  /** The seal that records this address, where one does. */
  seal?: SealRef;
  sign?: Signature;
  /** Digest files the post-build step writes beside the file (`<file>.sha256`, in `sha256sum`'s format), as CSAF asks. */
  digests?: Digest[];
}

/** A digest algorithm of `digests`. */
export type Digest = 'sha256' | 'sha512';

/** The validated content the plan needs (structurally, `Content` of the validator). */
export interface PlanContent {
  site: Site;
  lines: readonly ReleaseLine[];
  advisories: readonly AdvisoryHistory[];
  announcements: readonly Omit<Announcement, 'src'>[];
}

export interface PublicationPlan {
  /** Every output, in a stable order (the sitemap's order). */
  outputs: PlannedOutput[];
  /** What must appear nowhere in the output (SPEC rule 1). Never handed to Astro. */
  heldBack: string[];
}

function output(address: string, kind: OutputKind, extra: Partial<PlannedOutput> = {}): PlannedOutput {
  return { address, file: fileOf(address), kind, sitemap: kind === 'page', ...extra };
}

/**
 * Where an advisory's CSAF document lives: the site's TLP label (`csaf.tlp`) and the year of the
 * advisory's first publication (its revision 1, CSAF's initial release). Undefined where site.yaml
 * cannot be read: the CSAF address is then unknown.
 */
export interface CsafPlace {
  tlp: string;
  year: number;
}

/** The CSAF place of an advisory: `csaf.tlp` and the year of its first revision (the first one published, since only the newest may be a draft and dates never go back). */
export function csafPlaceOf(site: Pick<Site, 'csaf'>, h: Pick<AdvisoryHistory, 'revisions'>): CsafPlace | undefined {
  const first = h.revisions[0];
  // A first revision that is an undated draft has no place yet: it is neither published nor sealed.
  return first?.date ? { tlp: site.csaf.tlp, year: first.date.getUTCFullYear() } : undefined;
}

/** The outputs a revision contributes: its advisory's page, its own page, a page per alias, its exports. What the lock records for it. */
export function revisionOutputs(r: Pick<Revision, 'id' | 'number' | 'front'>, csaf: CsafPlace | undefined): PlannedOutput[] {
  const seal: SealRef = { kind: 'advisory', id: r.id, revision: r.number };
  return [
    output(advisoryPath(r.id), 'page', { seal }),
    output(revisionPath(r.id, r.number), 'page', { seal }),
    ...r.front.aliases.map((a) => output(advisoryPath(a), 'alias', { seal })),
    ...exportOutputs(r.id, seal, csaf),
  ];
}

/**
 * The machine-readable exports of one advisory (its newest published revision), sealed with the
 * revision that publishes them: the OSV record, and the CSAF document (with its digests) where its
 * place is known. `date` signs them (the plan's case); the lock only needs the addresses.
 */
export function exportOutputs(id: string, seal: SealRef, csaf: CsafPlace | undefined, date?: Date): PlannedOutput[] {
  const sign: Partial<PlannedOutput> = date ? { sign: { mode: 'detached', date } } : {};
  return [
    output(osvPath(id), 'data', { seal, ...sign }),
    ...(csaf ? [output(csafPath(csaf.tlp, csaf.year, id), 'data', { seal, ...sign, digests: ['sha256', 'sha512'] })] : []),
  ];
}

/** The outputs an announcement contributes: its page and its signed mail text. */
export function announcementOutputs(slug: string, date: Date): PlannedOutput[] {
  const seal: SealRef = { kind: 'announcement', slug };
  return [output(announcementPath(slug), 'page', { seal }), output(announcementTextPath(slug), 'text', { seal, sign: { mode: 'cleartext', date } })];
}

function newest(dates: readonly Date[], fallback: Date): Date {
  return dates.reduce((m, d) => (d.getTime() > m.getTime() ? d : m), dates[0] ?? fallback);
}

/** Keeps only what is published at `now`: the one filter every consumer of content goes through (SPEC rules 1 and 10). */
export function publishedContent<C extends PlanContent>(content: C, now: Date): C {
  const advisories = content.advisories.flatMap((h) => {
    const revisions = h.revisions.filter((r) => isPublished(r, now));
    return revisions.length ? [{ ...h, revisions }] : [];
  });
  const announcements = content.announcements.filter((a) => isAnnouncementPublished(a, content.advisories, now));
  return { ...content, advisories, announcements };
}

/** Every output of the build at `now`, and the held-back tokens. */
export function publicationPlan(content: PlanContent, now: Date): PublicationPlan {
  const { site } = content;
  const published = publishedAdvisories(content.advisories, now);
  const announcements = content.announcements
    .filter((a) => isAnnouncementPublished(a, content.advisories, now))
    .map((a) => ({ slug: a.slug, date: announcementPublication(a, content.advisories) }));
  const support = policyModel(site, content.lines, now).support;
  const years = [...new Set(published.map((a) => a.published.getUTCFullYear()))].sort((a, b) => b - a);

  const siteUpdated = toInstant(site.updated);
  const advisoryDates = published.flatMap((a) => a.revisions.map((r) => r.date));
  const announcementDates = announcements.map((a) => a.date);
  const items = newest([...advisoryDates, ...announcementDates], siteUpdated);
  const everything = newest([...advisoryDates, ...announcementDates, siteUpdated], siteUpdated);
  const detached = (date: Date): Signature => ({ mode: 'detached', date });

  const current = published.map((a) => a.current);
  const outputs: PlannedOutput[] = [
    output(HOME, 'page'),
    output(RELEASES, 'page'),
    ...support.map((w) => output(linePath(w.package, w.line), 'page')),
    output(ARCHIVE, 'page'),
    ...years.map((y) => output(yearPath(y), 'page')),
    // Every rating has its page even while empty: an address never disappears when a rating changes.
    ...RATING_ORDER.map((r) => output(ratingPath(r), 'page')),
    ...current.map((r) => output(advisoryPath(r.id), 'page', { seal: { kind: 'advisory', id: r.id, revision: r.number } })),
    ...published.flatMap((a) => a.revisions.map((r) => output(revisionPath(r.id, r.number), 'page', { seal: { kind: 'advisory', id: r.id, revision: r.number } }))),
    ...published.flatMap((a) =>
      a.aliases.map((alias) => {
        const carrier = a.revisions.find((r) => r.front.aliases.includes(alias)) as Revision;
        return output(advisoryPath(alias), 'alias', { seal: { kind: 'advisory', id: a.id, revision: carrier.number } });
      }),
    ),
    output(ANNOUNCEMENTS, 'page'),
    ...[...announcements]
      .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .flatMap((a) => announcementOutputs(a.slug, a.date)),
    output(VERIFY, 'page'),
    output(SEARCH, 'page'),
    output('404.html', 'page', { sitemap: false }),
    output('rss.xml', 'feed', { sign: detached(items) }),
    output('feed.json', 'feed', { sign: detached(items) }),
    output(`${ARCHIVE}rss.xml`, 'feed', { sign: detached(newest(advisoryDates, siteUpdated)) }),
    output(`${ANNOUNCEMENTS}rss.xml`, 'feed', { sign: detached(newest(announcementDates, siteUpdated)) }),
    output('sitemap.xml', 'data', { sign: detached(everything) }),
    output(LOOKUP, 'data', { sign: detached(everything) }),
    // Exports (issue 11): an advisory's files carry its newest published revision's date; indexes, their newest item's.
    // The OSV record and the CSAF document of each advisory: the same entries the lock records (revisionOutputs).
    ...published.flatMap((a) => exportOutputs(a.id, { kind: 'advisory', id: a.id, revision: a.current.number }, csafPlaceOf(site, a), a.modified)),
    output(OSV_INDEX, 'data', { sign: detached(newest(current.map((r) => r.date), siteUpdated)) }),
    output(OSV_ZIP, 'data', { sign: { ...detached(newest(current.map((r) => r.date), siteUpdated)), binary: true } }),
    // CSAF 2.0 trusted provider and security.txt (issue 11): documents (above) carry their advisory's date; indexes, their newest document's; provider metadata and security.txt, site.yaml's `updated`.
    output(`${csafTlpPath(site.csaf.tlp)}index.txt`, 'data', { sign: detached(newest(current.map((r) => r.date), siteUpdated)) }),
    output(`${csafTlpPath(site.csaf.tlp)}changes.csv`, 'data', { sign: detached(newest(current.map((r) => r.date), siteUpdated)) }),
    output(csafFeedPath(site.csaf.tlp), 'feed', { sign: detached(newest(current.map((r) => r.date), siteUpdated)) }),
    output(CSAF_PROVIDER_METADATA, 'data', { sign: detached(siteUpdated) }),
    ...(site.security_txt ? [output(SECURITY_TXT, 'text', { sign: { mode: 'cleartext', date: siteUpdated } })] : []),
    output('SECURITY.md', 'text'),
    output('pgp-key.asc', 'key'),
    ...(site.keys.some((k) => k.role === 'encryption' && k.status === 'current') ? [output('encryption-key.asc', 'key')] : []),
  ];
  return { outputs, heldBack: heldBack(content, now) };
}

/**
 * What must appear nowhere in the output at `now`: the IDs of advisories with nothing
 * published, aliases only unpublished revisions carry, the addresses of held-back revisions, and
 * the addresses of announcements not published yet.
 */
export function heldBack(content: Pick<PlanContent, 'advisories' | 'announcements'>, now: Date): string[] {
  return [...new Set([...heldBackTokens(content.advisories, now), ...heldBackAnnouncementTokens(content.announcements, content.advisories, now)])].sort();
}

/** The held-back tokens of advisories (see `heldBack`). */
export function heldBackTokens(histories: readonly AdvisoryHistory[], now: Date): string[] {
  const published = publishedAdvisories(histories, now);
  const shownIds = new Set(published.map((a) => a.id));
  const visible = new Set(published.flatMap((a) => [a.id, ...a.aliases]).map((s) => s.toLowerCase()));
  const tokens = new Set<string>();
  for (const h of histories) {
    const shown = shownIds.has(h.id);
    if (!shown) tokens.add(h.id);
    for (const r of h.revisions) {
      if (isPublished(r, now)) continue;
      for (const alias of r.front.aliases) if (!visible.has(alias.toLowerCase())) tokens.add(alias);
      if (shown) tokens.add(lockAddress(revisionPath(h.id, r.number)));
    }
  }
  return [...tokens].sort();
}

/** The held-back tokens of announcements: the addresses of those not published yet. */
export function heldBackAnnouncementTokens(
  announcements: PlanContent['announcements'],
  histories: readonly AdvisoryHistory[],
  now: Date,
): string[] {
  return announcements
    .filter((a) => !isAnnouncementPublished(a, histories, now))
    .flatMap((a) => announcementOutputs(a.slug, a.date).map((o) => lockAddress(o.address)))
    .sort();
}

/**
 * Folders whose files a tool generates with names the plan cannot know in advance (Astro's hashed
 * stylesheets and scripts, Pagefind's hashed search index). Everything else in the output folder
 * is listed by the plan.
 */
export const GENERATED_FOLDERS: readonly string[] = ['_astro/', 'pagefind/'];

/** The files a plan puts in the output folder: each output's file, its digest files, and, where signed detached, its `.asc`. */
export function plannedFiles(plan: PublicationPlan): string[] {
  return plan.outputs.flatMap((o) => [o.file, ...(o.digests ?? []).map((d) => `${o.file}.${d}`), ...(o.sign?.mode === 'detached' ? [`${o.file}.asc`] : [])]);
}
