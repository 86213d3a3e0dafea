/** The version-lookup index (lookup.json) of this build, from the published advisories only. */
import type { LookupIndex } from '../lib/advisory/lookup.ts';
import { lookupIndex } from '../lib/publication/lookup-index.ts';
import { getPublishedViews } from './advisories.ts';
import { ratingText } from './archive.ts';
import { getPolicyModel, getReleaseLines, getSite } from './content.ts';

/** lookup.json's content. */
export async function getLookupIndex(): Promise<LookupIndex> {
  const site = await getSite();
  const views = await getPublishedViews();
  return lookupIndex(
    site.packages,
    await getReleaseLines(),
    (await getPolicyModel()).support,
    views.map(({ advisory, view }) => ({
      id: advisory.id,
      title: advisory.current.front.summary,
      ratingText: ratingText(view),
      withdrawn: advisory.withdrawn,
      front: advisory.current.front,
      affected: view.affected,
    })),
  );
}
