/**
 * The one validator: every content file in, every problem out, before Astro builds.
 * Shared by `npm run check`, `npm run build` and the content loader. Pure: the caller reads
 * the files and passes "now".
 */
import { policySectionSchema, type PolicySectionMeta } from '../../schemas/policy.ts';
import { releasesSchema } from '../../schemas/releases.ts';
import { DEFAULT_MAX_FILE_SIZE, siteSchema, type Site } from '../../schemas/site.ts';
import type { Finding } from './findings.ts';
import { checkReleaseLines, noExceptionsOf } from '../policy/releases.ts';
import type { ReleaseLine } from '../policy/support.ts';
import { groupHistories, type AdvisoryHistory } from '../advisory/history.ts';
import { checkAdvisories } from '../advisory/checks.ts';
import { readRevisions } from '../advisory/files.ts';
import { toReleaseLine } from '../policy/releases.ts';
import { parseMarkdown, parseYaml, validateWith, type SourceFile, type YamlSource } from './source.ts';
import { checkKeys } from '../signing/key-checks.ts';
import { checkSecurityTxt } from '../exports/security-txt.ts';
import { emptyLock, parseLock } from '../sealing/lock.ts';
import { checkAnnouncementSeals, checkSeals } from '../sealing/seal.ts';
import { checkAnnouncements, isAnnouncementPublished, readAnnouncements, type Announcement } from '../announcement/announcements.ts';
import { sourceLeaks } from '../publication/leak-check.ts';
import { isPublished } from '../publication/publication.ts';
import { heldBack } from '../publication/plan.ts';
import { byCodeUnit } from '../common/order.ts';
import { LOCK_SIZE_FACTOR, oversized, privateKeyFiles, unlistedKeyFiles } from './file-checks.ts';

export interface ContentFiles {
  /** Display path of the content folder (`content`). */
  root: string;
  site?: SourceFile;
  releases?: SourceFile;
  policy: SourceFile[];
  /** `advisories/<ID>.md` and `advisories/<ID>/v<N>.md`. */
  advisories: SourceFile[];
  /** `announcements/<YYYY-MM-DD>-<slug>.md`. */
  announcements: SourceFile[];
  /** `bulletin.lock`, the seal. */
  lock?: SourceFile;
  /** `keys/*.asc`, the public keys. */
  keys: SourceFile[];
  /** Every other file under the content folder (checked for private key material only). */
  others?: SourceFile[];
  /** What the reader could not read (a link, NUL bytes, invalid UTF-8), each naming its file. */
  problems?: Finding[];
}

export interface PolicySection extends PolicySectionMeta {
  /** The file name without `.md`. */
  slug: string;
  /** The section's markdown. */
  body: string;
}

export interface Content {
  site: Site;
  /** Release lines, validated and made the domain type once. */
  lines: ReleaseLine[];
  policy: PolicySection[];
  /** Every advisory with all its revisions, drafts and embargoed ones included: `src/data` filters. */
  advisories: AdvisoryHistory[];
  /** The armored public keys of content/keys/, by file name. */
  keys: { file: string; text: string }[];
  /** Every announcement, drafts and unpublished ones included: src/data filters. */
  announcements: Announcement[];
}

export interface ValidationResult {
  /** The validated content, or undefined when any error was found. */
  content?: Content;
  findings: Finding[];
  /** site.yaml parsed with positions, for checks that run after this one (the keys). */
  siteSource?: YamlSource;
}

const missing = (file: string, what: string): Finding => ({
  severity: 'error',
  file,
  message: `the file is missing`,
  fix: `create it with ${what} (see docs/content.md, or copy the bundled example's)`,
});

/** Validates the whole content folder at `now` and returns the parsed content with every finding. */
export function validateContent(input: ContentFiles, now: Date): ValidationResult {
  const findings: Finding[] = [...(input.problems ?? [])];
  // Private key material anywhere in the folder, listed or not, is an error (before anything is parsed).
  const every = [input.site, input.releases, input.lock, ...input.policy, ...input.advisories, ...input.announcements, ...input.keys, ...(input.others ?? [])].filter((f): f is SourceFile => f !== undefined);
  findings.push(...privateKeyFiles(every));

  // site.yaml is held to the default size limit; every other file to the limit it sets.
  const siteTooBig = input.site && oversized(input.site, DEFAULT_MAX_FILE_SIZE, false);
  if (siteTooBig) findings.push(siteTooBig);
  const files: ContentFiles = { ...input, site: siteTooBig ? undefined : input.site };

  let site: Site | undefined;
  let siteSource: YamlSource | undefined;
  if (siteTooBig) {
    // Reported above.
  } else if (!files.site) findings.push(missing(`${files.root}/site.yaml`, "the project's name, URLs, contacts and policies"));
  else {
    const src = parseYaml(files.site);
    siteSource = src;
    findings.push(...src.errors);
    if (!src.errors.length) {
      const r = validateWith(siteSchema, src);
      if (r.ok) {
        site = r.value;
        findings.push(...checkSecurityTxt(r.value, src, now));
      } else findings.push(...r.findings);
    }
  }

  // Every other file over the limit is reported and not read further, so its size costs nothing.
  const limit = site?.max_file_size ?? DEFAULT_MAX_FILE_SIZE;
  const fits = (src: SourceFile, factor = 1) => {
    const too = oversized(src, limit * factor, site?.max_file_size !== undefined && site.max_file_size !== DEFAULT_MAX_FILE_SIZE, factor);
    if (too) findings.push(too);
    return !too;
  };
  if (files.releases && !fits(files.releases)) files.releases = undefined;
  const releasesTooBig = input.releases !== undefined && files.releases === undefined;
  files.policy = files.policy.filter((f) => fits(f));
  files.advisories = files.advisories.filter((f) => fits(f));
  files.announcements = files.announcements.filter((f) => fits(f));
  files.keys = files.keys.filter((f) => fits(f));
  // The lock grows with the archive (about half a kilobyte per advisory, written by seal, never
  // by hand): it is allowed LOCK_SIZE_FACTOR times the limit, 64 MB by default.
  if (files.lock && !fits(files.lock, LOCK_SIZE_FACTOR)) files.lock = undefined;

  let lines: ReleaseLine[] | undefined;
  if (releasesTooBig) {
    // Reported above.
  } else if (!files.releases) findings.push(missing(`${files.root}/releases.yaml`, 'a "lines" list'));
  else {
    const src = parseYaml(files.releases);
    findings.push(...src.errors);
    if (!src.errors.length) {
      const r = validateWith(releasesSchema, src);
      if (!r.ok) findings.push(...r.findings);
      else {
        // Without a valid site.yaml the package names cannot be checked; the site's own errors say why.
        const lineFindings = site ? checkReleaseLines(r.value.lines, site.packages.map((p) => p.name), src, noExceptionsOf(site, files.site?.file ?? 'site.yaml')) : [];
        findings.push(...lineFindings);
        // Advisories are checked against the lines only when the lines themselves are sound.
        if (site && !lineFindings.length) lines = r.value.lines.map(toReleaseLine);
      }
    }
  }

  const policy: PolicySection[] = [];
  for (const file of files.policy) {
    const { front, body } = parseMarkdown(file);
    findings.push(...front.errors);
    if (front.errors.length) continue;
    const r = validateWith(policySectionSchema, front);
    if (!r.ok) findings.push(...r.findings);
    else policy.push({ ...r.value, slug: file.file.replace(/^.*\//, '').replace(/\.md$/, ''), body });
  }
  policy.sort((a, b) => a.order - b.order || byCodeUnit(a.slug, b.slug));
  if (files.policy.length === 0) {
    findings.push({
      severity: 'warning',
      file: `${files.root}/policy/`,
      message: 'there are no policy sections, so the security page has no prose',
      fix: 'add markdown files such as policy/reporting.md with a "title" and an "order"',
    });
  }

  const parsed = readRevisions(files.advisories);
  findings.push(...parsed.findings);
  const advisories = groupHistories(parsed.revisions.map((p) => p.revision));
  if (site && lines) {
    findings.push(...checkAdvisories(parsed.revisions, advisories, { site, lines, now }, parsed.failedIds, parsed.unread));
  }

  const announced = readAnnouncements(files.announcements);
  findings.push(...announced.findings);
  if (site && lines) findings.push(...checkAnnouncements(announced.announcements, advisories, site, lines, now, parsed.failedIds));

  // The seal: every non-draft revision sealed, and unchanged since (SPEC rule 2).
  const lockFile = files.lock?.file ?? `${files.root}/bulletin.lock`;
  const parsedLock = files.lock ? parseLock(files.lock) : { lock: emptyLock(), findings: [] };
  findings.push(...parsedLock.findings);
  if (parsedLock.lock) {
    // A finding at a site.yaml setting (a changed csaf.tlp would move published CSAF documents) gets its line.
    const atLine = (f: Finding): Finding => (f.field && f.line === undefined && f.file === siteSource?.file ? { ...f, line: siteSource.lineOf(f.field.split('.')) } : f);
    findings.push(...checkSeals(advisories, parsedLock.lock, lockFile, now, parsed.failedIds, site).map(atLine));
    findings.push(...checkAnnouncementSeals(announced.announcements, advisories, parsedLock.lock, lockFile, now, announced.failedSlugs));
  }

  // Published text must not name what is still held back (SPEC rule 1), caught here rather than by the guard.
  const held = heldBack({ advisories, announcements: announced.announcements }, now);
  if (held.length) {
    const publishedFiles = new Set([
      ...advisories.flatMap((h) => h.revisions.filter((r) => isPublished(r, now)).map((r) => r.file)),
      ...announced.announcements.filter((a) => isAnnouncementPublished(a, advisories, now)).map((a) => a.file),
    ]);
    const sources = [...files.advisories, ...files.announcements].filter((f) => publishedFiles.has(f.file));
    findings.push(...sourceLeaks([...(files.site ? [files.site] : []), ...(files.releases ? [files.releases] : []), ...files.policy, ...sources], held));
  }

  if (site) findings.push(...unlistedKeyFiles(site, files.keys));

  const hasErrors = findings.some((f) => f.severity === 'error');
  const keys = files.keys.map((k) => ({ file: k.file.replace(/^.*\//, ''), text: k.text }));
  const content = !hasErrors && site && lines ? { site, lines, policy, advisories, keys, announcements: announced.announcements } : undefined;
  return { content, findings, siteSource };
}

/** The whole validation: the content, then the keys (which need openpgp, so are async). */
export async function validateAll(files: ContentFiles, now: Date): Promise<ValidationResult> {
  const result = validateContent(files, now);
  const site = result.content?.site;
  if (!site || !result.siteSource) return result;
  const keys = await checkKeys(site, files.keys, result.siteSource, now);
  const findings = [...result.findings, ...keys.findings];
  return { ...result, findings, content: findings.some((f) => f.severity === 'error') ? undefined : result.content };
}
