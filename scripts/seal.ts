#!/usr/bin/env node
// npm run seal -- <ID or slug> [...] | --all: record in bulletin.lock the checksum, publication
// time and addresses of every non-draft revision of the named advisories, and of the named
// announcements (by slug: the file name without its date and .md). --all seals both. A published
// seal is never changed; that, a named draft and an unknown name are refusals (exit 1). A sealed
// revision whose date has passed is said plainly to publish now.
import { groupHistories, type AdvisoryHistory } from '../src/lib/advisory/history.ts';
import { readRevisions } from '../src/lib/advisory/files.ts';
import { readAnnouncements, type Announcement } from '../src/lib/announcement/announcements.ts';
import { formatFinding, formatReportAs, isBlocking, jsonReport } from '../src/lib/content/findings.ts';
import { reportFormat, withoutFormat } from '../src/io/report.ts';
import { draftRefusals, publishesNowNotes, sealAnnouncements, sealRevisions } from '../src/lib/sealing/seal.ts';
import type { Lock } from '../src/schemas/lock.ts';
import { readLockFile, writeLockFile } from '../src/io/lock-file.ts';
import { buildNow } from '../src/io/now.ts';
import { contentDir, readContentFiles } from '../src/io/read-content.ts';
import { parseYaml, validateWith } from '../src/lib/content/source.ts';
import { siteSchema } from '../src/schemas/site.ts';

let format;
try {
  format = reportFormat();
} catch (e) {
  console.error(`bulletin seal: ${(e as Error).message}`);
  process.exit(1);
}
const args = withoutFormat(process.argv.slice(2));
const formatReport = (findings: Parameters<typeof formatReportAs>[0], mode: 'check') => formatReportAs(findings, mode, format);
const all = args.includes('--all');
const names = args.filter((a) => a !== '--all');
if ((all && names.length) || (!all && !names.length) || names.some((a) => a.startsWith('-'))) {
  console.error('usage: npm run seal -- <ID or announcement slug> [...]   or   npm run seal -- --all');
  process.exit(1);
}

/**
 * Which names are advisories and which announcements: an exact advisory ID first, then an
 * announcement's slug or file name; an unknown name goes where its spelling points (one that
 * differs only in case to what it resembles, which suggests the right spelling; any other
 * slug-shaped name to the announcements, the rest to the advisories).
 */
function sortNames(histories: readonly AdvisoryHistory[], announcements: readonly Announcement[], lock: Lock): { ids: string[]; slugs: string[] } {
  const ids = new Set([...histories.map((h) => h.id), ...Object.keys(lock.advisories)]);
  const slugs = new Set([...announcements.flatMap((a) => [a.slug, a.file.replace(/^.*\//, '').replace(/\.md$/, '')]), ...Object.keys(lock.announcements)]);
  const lower = (set: Set<string>) => new Set([...set].map((s) => s.toLowerCase()));
  const [lowerIds, lowerSlugs] = [lower(ids), lower(slugs)];
  const out = { ids: [] as string[], slugs: [] as string[] };
  for (const name of names) {
    if (ids.has(name)) out.ids.push(name);
    else if (slugs.has(name)) out.slugs.push(name);
    else if (lowerIds.has(name.toLowerCase())) out.ids.push(name);
    else if (lowerSlugs.has(name.toLowerCase()) || /^[a-z0-9-]+$/.test(name)) out.slugs.push(name);
    else out.ids.push(name);
  }
  return out;
}

try {
  const dir = contentDir();
  const now = buildNow();
  const files = readContentFiles(dir);
  const { revisions, findings } = readRevisions(files.advisories);
  if (findings.some((f) => isBlocking(f, 'check'))) {
    console.error(`bulletin seal: the advisory files have problems; nothing was sealed\n${formatReport(findings, 'check')}`);
    process.exit(1);
  }
  // The CSAF documents' addresses depend on site.yaml (csaf.tlp), so the seal needs it read.
  const siteSrc = files.site && parseYaml(files.site);
  const site = siteSrc && !siteSrc.errors.length ? validateWith(siteSchema, siteSrc) : undefined;
  if (!site?.ok) {
    const siteFindings = !files.site
      ? [{ severity: 'error' as const, file: `${files.root}/site.yaml`, message: 'there is no site.yaml', fix: 'create it (npm run init writes one), then seal again' }]
      : site ? site.findings : siteSrc?.errors ?? [];
    console.error(`bulletin seal: site.yaml has problems (the addresses a seal records depend on it); nothing was sealed\n${formatReport(siteFindings, 'check')}`);
    process.exit(1);
  }
  const read = readLockFile(dir);
  if (!read.lock) {
    console.error(`bulletin seal: the lock cannot be read; nothing was sealed\n${formatReport(read.findings, 'check')}`);
    process.exit(1);
  }
  const histories = groupHistories(revisions.map((r) => r.revision));
  const parsed = readAnnouncements(files.announcements);
  const { ids, slugs } = all ? { ids: [], slugs: [] } : sortNames(histories, parsed.announcements, read.lock);
  // An announcement's seal needs its file read; sealing only advisories does not.
  if ((all || slugs.length) && parsed.findings.some((f) => isBlocking(f, 'check'))) {
    console.error(`bulletin seal: the announcement files have problems; nothing was sealed\n${formatReport(parsed.findings, 'check')}`);
    process.exit(1);
  }
  const advisories = all || ids.length ? sealRevisions(histories, read.lock, all ? 'all' : ids, now, read.file, site.value) : { lock: read.lock, sealed: [], removed: [], refused: [] };
  const announcements = all || slugs.length ? sealAnnouncements(parsed.announcements, histories, advisories.lock, all ? 'all' : slugs, now, read.file) : { ...advisories, sealed: [], removed: [], refused: [] };
  const sealed = [...advisories.sealed, ...announcements.sealed];
  const removed = [...advisories.removed, ...announcements.removed];
  const refused = [...advisories.refused, ...announcements.refused, ...draftRefusals(histories, ids)];
  const written = writeLockFile(dir, announcements.lock);
  for (const s of sealed) console.log(`bulletin seal: sealed ${s}`);
  for (const note of publishesNowNotes(histories, sealed, now)) console.log(`bulletin seal: ${note}`);
  for (const s of removed) console.log(`bulletin seal: removed the seal of ${s}`);
  if (!sealed.length && !removed.length) console.log('bulletin seal: nothing to seal; every seal already matches');
  if (written) console.log(`bulletin seal: wrote ${read.file}; commit it with the advisory or announcement`);
  if (format === 'text') for (const f of refused) console.error(formatFinding(f, 'check'));
  else if (refused.length) console.error(format === 'json' ? jsonReport(refused, 'check') : formatReportAs(refused, 'check', format));
  if (refused.length) {
    console.error(`bulletin seal: ${refused.length} refusal${refused.length === 1 ? '' : 's'}`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`bulletin seal: ${(e as Error).message}`);
  process.exitCode = 1;
}
