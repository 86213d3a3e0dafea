// /announcements/<slug>.txt: the announcement as plain text for mail; the post-build step
// replaces it with its OpenPGP cleartext-signed form.
import type { APIRoute, GetStaticPaths } from 'astro';
import { announcementText, getPublishedAnnouncements, type AnnouncementPage } from '../../data/announcements.ts';
import { renderAnnouncementText } from '../../lib/text/announcement-text.ts';

export const getStaticPaths = (async () =>
  (await getPublishedAnnouncements()).map((page) => ({ params: { slug: page.announcement.slug }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const text = renderAnnouncementText(await announcementText((props as { page: AnnouncementPage }).page));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
