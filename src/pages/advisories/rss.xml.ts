// /advisories/rss.xml: every advisory revision.
import { rssResponse } from '../../data/feeds.ts';

export const GET = () => rssResponse('advisories', 'advisories/rss.xml');
