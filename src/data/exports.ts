/**
 * The OSV records of the published advisories, for the /osv/ routes: built only from
 * getPublished (the one filter), listed as the publication plan lists them.
 */
import { toOsv, type OsvRecord } from '../lib/exports/osv.ts';
import { osvPath } from '../lib/publication/paths.ts';
import { getPublished } from './advisories.ts';
import { getPlan, getSite } from './content.ts';
import { once } from './once.ts';

/** Every published advisory's OSV record, keyed by Bulletin ID (once per build: every /osv/ route asks). */
export const getOsvRecords: () => Promise<Map<string, OsvRecord>> = once(async () => {
  const site = await getSite();
  return new Map((await getPublished()).map((a) => [a.id, toOsv(a, site)]));
});

/** The Bulletin IDs whose record the plan lists at `/osv/<ID>.json`. */
export async function getOsvIds(): Promise<string[]> {
  const files = new Set((await getPlan()).outputs.map((o) => o.address));
  return (await getPublished()).map((a) => a.id).filter((id) => files.has(osvPath(id)));
}
