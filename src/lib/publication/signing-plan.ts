/**
 * What the post-build step signs, and at what time (SPEC "Signing"): a detached signature
 * beside every machine-readable file, and announcements as cleartext-signed text. Each time is
 * fixed by what the file holds, so two builds are byte-identical.
 */

export interface SignTarget {
  /** Path inside the output folder. */
  path: string;
  /** `detached` writes `<path>.asc`; `cleartext` replaces the file with its signed text. */
  mode: 'detached' | 'cleartext';
  /** The content date the signature carries (before the key-creation floor). */
  date: Date;
}

export interface PlanInput {
  /** Publication dates of every published advisory revision. */
  advisoryDates: Date[];
  /** Published announcements: slug and publication time. */
  announcements: { slug: string; date: Date }[];
  /** site.yaml's `updated`: the date of files with no items. */
  siteUpdated: Date;
}

function newest(dates: Date[], fallback: Date): Date {
  return dates.reduce((m, d) => (d.getTime() > m.getTime() ? d : m), dates[0] ?? fallback);
}

/** Every file to sign, with its signature's content date. */
export function signingPlan(input: PlanInput): SignTarget[] {
  const announcementDates = input.announcements.map((a) => a.date);
  const all = newest([...input.advisoryDates, ...announcementDates], input.siteUpdated);
  const everything = newest([...input.advisoryDates, ...announcementDates, input.siteUpdated], input.siteUpdated);
  return [
    { path: 'rss.xml', mode: 'detached', date: all },
    { path: 'feed.json', mode: 'detached', date: all },
    { path: 'advisories/rss.xml', mode: 'detached', date: newest(input.advisoryDates, input.siteUpdated) },
    { path: 'announcements/rss.xml', mode: 'detached', date: newest(announcementDates, input.siteUpdated) },
    { path: 'sitemap.xml', mode: 'detached', date: everything },
    ...input.announcements.map((a): SignTarget => ({ path: `announcements/${a.slug}.txt`, mode: 'cleartext', date: a.date })),
  ];
}
