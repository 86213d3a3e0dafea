// /announcements/rss.xml: every published announcement.
import { rssResponse } from '../../data/feeds.ts';

export const GET = () => rssResponse('announcements', 'announcements/rss.xml');
