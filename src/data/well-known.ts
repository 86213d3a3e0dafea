/** The files under `/.well-known/` (CSAF provider, security.txt), by address: each body from a pure mapping of src/lib/exports/. */
import { once } from './once.ts';
import { toInstant } from '../schemas/common.ts';
import { getHistories, getReleaseLines, getSite, now } from './content.ts';
import { csafChanges, csafEntry, csafIndex, providerMetadata, rolieFeed, toCsaf } from '../lib/exports/csaf.ts';
import { renderSecurityTxt } from '../lib/exports/security-txt.ts';
import { publishedAdvisories } from '../lib/publication/publication.ts';
import { CSAF_PROVIDER_METADATA, csafFeedPath, csafTlpPath, SECURITY_TXT } from '../lib/publication/paths.ts';

/** A file's body and content type. */
export interface ExportFile {
  body: string;
  type: string;
}

function json(value: unknown): ExportFile {
  return { body: `${JSON.stringify(value, null, 2)}\n`, type: 'application/json' };
}

/** Every file under `.well-known/`, by site-relative address. */
export const getWellKnownFiles: () => Promise<Map<string, ExportFile>> = once(async () => {
  const site = await getSite();
  const lines = await getReleaseLines();
  const published = publishedAdvisories(await getHistories(), now);
  const entries = published.map((a) => csafEntry(site, a));
  const tlp = csafTlpPath(site.csaf.tlp);
  const newest = entries.reduce<Date | undefined>((m, e) => (!m || e.current > m ? e.current : m), undefined);
  const files = new Map<string, ExportFile>();
  for (const a of published) files.set(csafEntry(site, a).address, json(toCsaf(a, { site, lines, now })));
  files.set(`${tlp}index.txt`, { body: csafIndex(entries), type: 'text/plain; charset=utf-8' });
  files.set(`${tlp}changes.csv`, { body: csafChanges(entries), type: 'text/csv; charset=utf-8' });
  files.set(csafFeedPath(site.csaf.tlp), json(rolieFeed(site, entries, newest ?? toInstant(site.updated))));
  files.set(CSAF_PROVIDER_METADATA, json(providerMetadata(site)));
  const txt = renderSecurityTxt(site);
  if (txt) files.set(SECURITY_TXT, { body: txt, type: 'text/plain; charset=utf-8' });
  return files;
});
