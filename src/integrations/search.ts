/**
 * The search index: Pagefind (its binary comes with the npm package) run over the final pages of
 * the build, writing `pagefind/` beside them. Only pages marked `data-pagefind-body` are indexed
 * (current advisories and announcements), and only published content was ever built, so drafts
 * and embargoed text cannot reach the index; the output guard reads it afterwards anyway.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { advisoryPath, announcementPath, fileOf } from '../lib/publication/paths.ts';

/** The folder Pagefind writes, inside the output folder (a generated folder of the plan). */
export const SEARCH_FOLDER = 'pagefind';

/**
 * The only pages that carry a search body (an advisory's current page, an announcement's page),
 * as a glob: Pagefind need not read the revision, list and line pages, a third or more of
 * the site, to find that they carry none.
 */
const SEARCHABLE = `{${fileOf(advisoryPath('*'))},${fileOf(announcementPath('*'))}}`;

/** Indexes the built site in `dir`; returns the number of pages indexed. Throws with Pagefind's errors. */
export async function indexSite(dir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!created.index) throw new Error(created.errors.join('; '));
    const added = await created.index.addDirectory({ path: dir, glob: SEARCHABLE });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await created.index.writeFiles({ outputPath: join(dir, SEARCH_FOLDER) });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return added.page_count;
  } catch (e) {
    throw new Error(`the search index (Pagefind) could not be built: ${(e as Error).message}`, { cause: e });
  } finally {
    await pagefind.close();
  }
}
