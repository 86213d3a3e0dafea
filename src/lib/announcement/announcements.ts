/**
 * Announcements as Bulletin reasons about them: `announcements/<YYYY-MM-DD>-<slug>.md`, naming
 * the advisory revisions (`EXA-2026-0001@v2`) and releases they announce. An announcement is
 * published at the later of its own date and the publication of every advisory revision it names
 * (SPEC "The life of an advisory"), and is never revised: a correction is a follow-up.
 * Pure: files, histories and "now" come in as parameters.
 */
import semver from 'semver';
import { announcementSchema, type AnnouncementFront } from '../../schemas/announcement.ts';
import { hasTime, toInstant } from '../../schemas/common.ts';
import type { Site } from '../../schemas/site.ts';
import { historyOf, normaliseSource, sourceHash, type AdvisoryHistory, type Revision } from '../advisory/history.ts';
import { at } from '../advisory/files.ts';
import { formatDate } from '../common/dates.ts';
import type { Finding } from '../content/findings.ts';
import { isPublished } from '../publication/publication.ts';
import { parseMarkdown, validateWith, type SourceFile, type YamlSource } from '../content/source.ts';
import type { ReleaseLine } from '../policy/support.ts';
import { byCodeUnit } from '../common/order.ts';

/** An advisory revision an announcement names: `EXA-2026-0001@v2` is `{ id: 'EXA-2026-0001', number: 2 }`. */
export interface RevisionRef {
  id: string;
  number: number;
}

export interface Announcement {
  /** The file name without its date and `.md` (`lanternfish-0-13-3`): the key in the lock and the address. */
  slug: string;
  /** Display path of the source file. */
  file: string;
  /** The announcement's own date (not yet the later publication of the advisories it names). */
  date: Date;
  /** The validated front matter. */
  front: AnnouncementFront;
  /** The markdown body: the announcement's own prose. */
  body: string;
  /** sha256 (hex) of the LF-normalised source text: what the seal records. */
  sha256: string;
  /** Never published, never sealed, free to edit. */
  draft: boolean;
  /** The advisory revisions it names, in the order written. */
  refs: RevisionRef[];
  /** The front matter with positions, for findings that name a line. */
  src: YamlSource;
}

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const REF = /^([^\s@]+)@v([1-9]\d*)$/;

/** The date and slug in an announcement's file name (`2026-08-04-lanternfish-0-12-3.md`), if it is well formed. */
export function announcementFileName(file: string): { day: string; slug: string } | undefined {
  const m = FILE_NAME.exec(file.replace(/^.*\//, ''));
  return m ? { day: m[1] as string, slug: m[2] as string } : undefined;
}

/** Lower-case letters, digits and single hyphens: what a slug may hold. */
function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Reads `EXA-2026-0001@v2`; undefined when it is not written that way. */
export function parseRevisionRef(s: string): RevisionRef | undefined {
  const m = REF.exec(s);
  return m ? { id: m[1] as string, number: Number(m[2]) } : undefined;
}

/** The fix for a reference not written `ID@vN`, with the likely intended spelling when there is one. */
function refFix(s: string): string {
  const written = /^\s*([^\s@/]+?)\s*(?:@\s*|\/\s*|\s+)[vV]?0*([1-9]\d*)\s*$/.exec(s) ?? /^\s*([^\s@]+?)[vV]0*([1-9]\d*)\s*$/.exec(s);
  if (written) return `write it ${written[1]}@v${written[2]}: the advisory ID, "@v" and the revision number`;
  const bare = /^\s*([^\s@]+)\s*$/.exec(s);
  if (bare) return `add the revision it announces: ${bare[1]}@v1 names revision 1, ${bare[1]}@v2 revision 2`;
  return 'write the advisory ID, "@v" and the revision number, e.g. EXA-2026-0001@v2';
}

/** Reads every announcement file, with the findings of each; `failedSlugs` are those whose file could not be read. */
export function readAnnouncements(files: readonly SourceFile[]): { announcements: Announcement[]; findings: Finding[]; failedSlugs: Set<string> } {
  const announcements: Announcement[] = [];
  const findings: Finding[] = [];
  /** Slugs with a file that could not be read: their seals are left to that file's findings. */
  const failedSlugs = new Set<string>();
  for (const file of files) {
    const base = file.file.replace(/^.*\//, '');
    const name = announcementFileName(base);
    const slug = name?.slug ?? slugify(base.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-?/, ''));
    // LF first: gray-matter hands the YAML a last line ending in "\r" otherwise (line numbers are unchanged).
    const { front, body } = parseMarkdown({ file: file.file, text: normaliseSource(file.text) });
    const r = front.errors.length ? undefined : validateWith(announcementSchema, front);
    if (!r || !r.ok) {
      findings.push(...front.errors, ...(r && !r.ok ? r.findings : []));
      if (slug) failedSlugs.add(slug);
      continue;
    }
    const data = r.value;
    const day = formatDate(toInstant(data.date));
    const problems: Finding[] = [];
    if (!name) {
      problems.push({
        severity: 'error',
        file: file.file,
        message: `the file name "${base}" is not <date>-<slug>.md`,
        fix: `rename it to ${day}-${slug || 'what-it-announces'}.md: the announcement's date (its UTC day), then a slug of lower-case letters, digits and single hyphens`,
      });
    } else if (name.day !== day) {
      const utc = hasTime(data.date) ? `, which is ${day} in UTC,` : '';
      problems.push(at(front, ['date'], `is ${data.date}${utc} but the file name is dated ${name.day}`, `rename the file to ${day}-${name.slug}.md, or correct "date"`));
    }
    const refs: RevisionRef[] = [];
    const seen = new Map<string, number>();
    data.advisories.forEach((s, i) => {
      const ref = parseRevisionRef(s);
      if (!ref) {
        problems.push(at(front, ['advisories', i], `"${s}" is not an advisory revision written ID@vN`, refFix(s)));
        return;
      }
      const first = seen.get(s);
      if (first !== undefined) problems.push(at(front, ['advisories', i], `names ${s} twice (first at line ${front.lineOf(['advisories', first])})`, 'remove one of them'));
      else seen.set(s, i);
      refs.push(ref);
    });
    const releases = new Map<string, number>();
    data.releases.forEach((rel, i) => {
      const key = `${rel.package}@${rel.version}`;
      const first = releases.get(key);
      if (first !== undefined) problems.push(at(front, ['releases', i], `lists ${rel.package} ${rel.version} twice (first at line ${front.lineOf(['releases', first])})`, 'remove one of them'));
      else releases.set(key, i);
    });
    findings.push(...problems);
    if (problems.length) {
      if (slug) failedSlugs.add(slug);
      continue;
    }
    announcements.push({ slug, file: file.file, date: toInstant(data.date), front: data, body, sha256: sourceHash(file.text), draft: data.draft, refs, src: front });
  }
  return { announcements, findings, failedSlugs };
}

/** The revision each reference names, in order; undefined where the advisory or revision does not exist. */
export function announcedRevisions(a: Pick<Announcement, 'refs'>, histories: readonly AdvisoryHistory[]): (Revision | undefined)[] {
  return a.refs.map((ref) => historyOf(histories, ref.id)?.revisions.find((r) => r.number === ref.number));
}

/** When an announcement publishes: the later of its own date and the date of each revision it names. */
export function announcementPublication(a: Pick<Announcement, 'date' | 'refs'>, histories: readonly AdvisoryHistory[]): Date {
  // A revision without a date is a draft, which keeps the announcement unpublished on its own (isAnnouncementPublished).
  const times = announcedRevisions(a, histories).flatMap((r) => (r?.date ? [r.date.getTime()] : []));
  return new Date(Math.max(a.date.getTime(), ...times));
}

/** Whether an announcement is published at `now`: not a draft, its time come, and every revision it names published. */
export function isAnnouncementPublished(a: Pick<Announcement, 'date' | 'refs' | 'draft'>, histories: readonly AdvisoryHistory[], now: Date): boolean {
  if (a.draft || announcementPublication(a, histories).getTime() > now.getTime()) return false;
  return announcedRevisions(a, histories).every((r) => r !== undefined && isPublished(r, now));
}

/** Checks a reference against the advisories: it exists, its revision exists, and is not a draft. */
function checkRef(a: Announcement, ref: RevisionRef, i: number, histories: readonly AdvisoryHistory[]): Finding | undefined {
  const where = ['advisories', i];
  const history = historyOf(histories, ref.id);
  if (!history) {
    const twin = histories.find((h) => h.id.toLowerCase() === ref.id.toLowerCase());
    if (twin) return at(a.src, where, `there is no advisory ${ref.id}`, `did you mean ${twin.id}@v${ref.number}? IDs keep their exact case`);
    const owner = histories.find((h) => h.revisions.some((r) => r.front.aliases.some((alias) => alias.toLowerCase() === ref.id.toLowerCase())));
    if (owner) return at(a.src, where, `${ref.id} is an alias of ${owner.id}, not an advisory ID`, `name the advisory by its ID: ${owner.id}@v${ref.number}`);
    return at(a.src, where, `there is no advisory ${ref.id}`, 'name an advisory of advisories/ by its ID (its file name without .md) and revision, e.g. EXA-2026-0001@v1');
  }
  const revision = history.revisions.find((r) => r.number === ref.number);
  if (!revision) {
    const newest = Math.max(...history.revisions.map((r) => r.number));
    const exists = newest === 1 ? `${ref.id}@v1` : `${ref.id}@v1 to ${ref.id}@v${newest}`;
    return at(
      a.src,
      where,
      `${ref.id} has no revision ${ref.number}: its newest is revision ${newest}`,
      ref.number === newest + 1 ? `open revision ${ref.number} first (npm run revise -- ${ref.id}), or name one that exists: ${exists}` : `name a revision that exists: ${exists}`,
    );
  }
  if (!revision.draft) return undefined;
  if (a.draft) {
    return at(a.src, where, `revision ${ref.number} of ${ref.id} is a draft`, `before this announcement leaves draft, finish that revision: remove "draft: true" from ${revision.file} and run npm run seal -- ${ref.id}`, 'warning');
  }
  return at(
    a.src,
    where,
    `revision ${ref.number} of ${ref.id} is a draft, so it is never published, and neither is an announcement that names it`,
    `finish the revision first (remove "draft: true" from ${revision.file}, then npm run seal -- ${ref.id}), or make this announcement a draft too (draft: true) until then`,
  );
}

/** The release a version belongs to: 2.0.0-rc.1 belongs to the line that 2.0.0 does. */
function releaseOf(version: string): string {
  const v = semver.parse(version);
  return v ? `${v.major}.${v.minor}.${v.patch}` : version;
}

/** Checks a release against site.yaml's packages and releases.yaml: a SEMVER version, released or planned on its line. */
function checkRelease(a: Announcement, i: number, site: Site, lines: readonly ReleaseLine[]): Finding | undefined {
  const { package: pkg, version } = a.front.releases[i]!;
  const packages = site.packages.map((p) => p.name);
  if (!packages.includes(pkg)) {
    const twin = packages.find((p) => p.toLowerCase() === pkg.toLowerCase());
    return at(
      a.src,
      ['releases', i, 'package'],
      `names the package "${pkg}", which site.yaml does not list`,
      twin ? `did you mean "${twin}"? Package names keep their exact case` : `use one of: ${packages.map((p) => `"${p}"`).join(', ')}, or add the package to site.yaml "packages"`,
    );
  }
  if (semver.valid(version) === null) {
    const full = semver.coerce(version)?.version;
    return at(a.src, ['releases', i, 'version'], `"${version}" is not a valid SEMVER version`, `write the full version (major.minor.patch)${full ? `, e.g. ${full}` : ''}`);
  }
  const line = lines.find((l) => l.package === pkg && semver.validRange(l.range) !== null && semver.satisfies(releaseOf(version), l.range));
  if (!line) return at(a.src, ['releases', i, 'version'], `${version} falls in no release line of ${pkg} in releases.yaml`, 'correct the version, or add its line to releases.yaml');
  const released = semver.valid(line.latest) !== null && semver.lte(version, line.latest);
  const planned = line.planned.some((p) => semver.valid(p.version) !== null && semver.eq(p.version, version));
  if (released || planned) return undefined;
  return at(
    a.src,
    ['releases', i, 'version'],
    `${pkg} ${version} is not released: the newest release of line ${line.name} is ${line.latest}, and releases.yaml does not plan it`,
    `correct the version; or, once it has shipped, set "latest" of line ${line.name} to ${version}; or list it as planned in line ${line.name} of releases.yaml if it ships with the announcement`,
  );
}

/**
 * Checks announcements against the advisories, site.yaml and releases.yaml: every named revision
 * exists and (for a non-draft) is not a draft, slugs are unique, every release is one of the
 * project's packages and released or planned. With `now`, a public content repository also
 * refuses an announcement that publishes in the future (its text is public once pushed).
 */
export function checkAnnouncements(
  announcements: readonly Announcement[],
  histories: readonly AdvisoryHistory[],
  site: Site,
  lines: readonly ReleaseLine[],
  now?: Date,
  /** Advisories with a file that could not be read: a reference to them would only echo that error. */
  failedIds: ReadonlySet<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const firstBySlug = new Map<string, Announcement>();
  for (const a of [...announcements].sort((x, y) => byCodeUnit(x.file, y.file))) {
    const first = firstBySlug.get(a.slug);
    if (!first) firstBySlug.set(a.slug, a);
    else {
      findings.push({
        severity: 'error',
        file: a.file,
        message: `the slug "${a.slug}" is also used by ${first.file}: both would publish at /announcements/${a.slug}/`,
        fix: `give this announcement a slug of its own, e.g. rename the file to ${formatDate(a.date)}-${a.slug}-update.md (announcements are never revised: a follow-up is a new announcement)`,
      });
    }
  }
  for (const a of announcements) {
    a.refs.forEach((ref, i) => {
      // Refs are the valid entries in order, so a ref's index is its entry's index (readAnnouncements keeps no file with a bad one).
      if (failedIds.has(ref.id)) return;
      const f = checkRef(a, ref, i, histories);
      if (f) findings.push(f);
    });
    a.front.releases.forEach((_, i) => {
      const f = checkRelease(a, i, site, lines);
      if (f) findings.push(f);
    });
    if (now && !a.draft && site.embargo.setup === 'public-repository' && a.date.getTime() > now.getTime()) {
      // A future advisory revision is the advisory's own error; here, the announcement's own date.
      findings.push(at(a.src, ['date'], `publishes in the future (${a.front.date}), but site.yaml says this content repository is public, so the text is already public`, 'keep embargoed work in a private fork and merge it at disclosure time with a date that has come (see docs/publishing.md), or change embargo.setup if this repository is private'));
    }
  }
  return findings;
}
