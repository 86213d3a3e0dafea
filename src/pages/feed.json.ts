// /feed.json: JSON Feed 1.1, everything.
import { jsonFeedResponse } from '../data/feeds.ts';

export const GET = () => jsonFeedResponse('feed.json');
