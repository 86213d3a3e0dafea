/**
 * The announcements the site shows: published at the later of their own date and the
 * publication of every advisory revision they name (the same rule the seal records).
 */
import { once } from './once.ts';
import type { Revision } from '../lib/advisory/history.ts';
import { announcedRevisions, announcementPublication, isAnnouncementPublished, type Announcement } from '../lib/announcement/announcements.ts';
import type { AnnouncementText } from '../lib/text/announcement-text.ts';
import { sectionsNamed } from '../lib/text/plain-text.ts';
import { renderMarkdown } from '../lib/text/markdown.ts';
import { viewRevision, type RevisionView } from './advisories.ts';
import { ratingText } from './archive.ts';
import { getAnnouncements, getHistories, getSite, now } from './content.ts';
import { getBuildKey } from './keys.ts';
import { absolute } from './urls.ts';
import { byCodeUnit } from '../lib/common/order.ts';
import { announcementPath, announcementTextPath, revisionPath } from '../lib/publication/paths.ts';

export interface AnnouncementPage {
  announcement: Omit<Announcement, 'src'>;
  /** When it is published: the later of its date and each named revision's. */
  published: Date;
  html: string;
  /** The revisions it covers, each with its view. */
  covers: { revision: Revision; view: RevisionView }[];
}

/** The published announcements, newest first. */
export const getPublishedAnnouncements: () => Promise<AnnouncementPage[]> = once(async () => {
  const histories = await getHistories();
  // The collection holds only published announcements; the filter stays as a second line of defence.
  const published = (await getAnnouncements()).filter((a) => isAnnouncementPublished(a, histories, now));
  const pages = await Promise.all(
    published.map(async (announcement) => {
      const revisions = announcedRevisions(announcement, histories).filter((r): r is Revision => r !== undefined);
      return {
        announcement,
        published: announcementPublication(announcement, histories),
        html: renderMarkdown(announcement.body, import.meta.env.BASE_URL),
        covers: await Promise.all(revisions.map(async (revision) => ({ revision, view: await viewRevision(revision) }))),
      };
    }),
  );
  return pages.sort((a, b) => b.published.getTime() - a.published.getTime() || byCodeUnit(a.announcement.slug, b.announcement.slug));
});

/** The input of the mail text (src/lib/text/announcement-text.ts) for one announcement. */
export async function announcementText(p: AnnouncementPage): Promise<AnnouncementText> {
  const site = await getSite();
  const key = await getBuildKey();
  const a = p.announcement;
  // The mail text is frozen at publication: lines and support as they stood when it was mailed.
  const covers = await Promise.all(p.covers.map(async ({ revision }) => ({ revision, view: await viewRevision(revision, p.published) })));
  return {
    title: a.front.title,
    date: p.published,
    project: site.name,
    url: absolute(announcementPath(a.slug)),
    releases: a.front.releases,
    advisories: covers.map(({ revision, view }) => ({
      id: revision.id,
      aliases: revision.front.aliases,
      summary: revision.front.summary,
      url: absolute(revisionPath(revision.id, revision.number)),
      revision: revision.number,
      rating: view.severity.primary ? `${ratingText(view)} (CVSS ${view.severity.primary.version})` : ratingText(view),
      lines: view.affected.lines.map((l) => ({ package: l.package, line: l.line, state: l.state, fixedIn: l.fixedIn, eolWarning: l.eolWarning })),
      others: view.affected.others,
      mitigations: sectionsNamed(revision.body, /^(workarounds?|mitigations?)$/i),
    })),
    body: a.body,
    verify: { keyUrl: absolute('pgp-key.asc'), fingerprint: key.fingerprint, textUrl: absolute(announcementTextPath(a.slug)) },
  };
}
