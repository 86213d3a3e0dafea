// /rss.xml: every advisory revision and announcement.
import { rssResponse } from '../data/feeds.ts';

export const GET = () => rssResponse('all', 'rss.xml');
