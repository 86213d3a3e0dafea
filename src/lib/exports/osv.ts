/**
 * OSV (https://ossf.github.io/osv-schema/) in both directions: `toOsv` maps a published advisory
 * to the record `/osv/<ID>.json` publishes; `fromOsv` maps a record another database published
 * to advisory fields, saying what it could not map. Field by field, never by spreading. Pure.
 */
import { strToU8, zipSync } from 'fflate';
import type { AdvisoryFront } from '../../schemas/advisory.ts';
import { REFERENCE_TYPES, CREDIT_TYPES } from '../../schemas/advisory.ts';
import { httpUrl, toInstant } from '../../schemas/common.ts';
import { formatDateTime } from '../common/dates.ts';
import { osvSeverityType, scoreCvss, type CvssVersion } from '../advisory/cvss.ts';
import { hasRegisteredPrefix, isOsvEcosystem, OSV_ECOSYSTEMS, osvRecordId } from '../advisory/osv-registry.ts';
import type { PublishedAdvisory } from '../publication/publication.ts';
import type { Site } from '../../schemas/site.ts';

/** The OSV schema version the records follow. */
export const OSV_SCHEMA_VERSION = '1.6.0';

/** An event of an OSV range. */
export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

/** An OSV range. */
export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

/** An OSV severity entry. */
export interface OsvSeverity {
  type: string;
  score: string;
}

/** An OSV `affected` entry. */
export interface OsvAffected {
  package: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

/** An OSV record, as far as Bulletin reads and writes it. */
export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  credits?: { name: string; contact?: string[]; type?: string }[];
  database_specific?: Record<string, unknown>;
}

/** The index `/osv/all.json` publishes: one `{id, modified}` per record. */
export interface OsvIndexEntry {
  id: string;
  modified: string;
}

/** The key under `database_specific` where a record whose `id` had to take the `x_` form keeps the project's own ID. */
export const BULLETIN_ID_KEY = 'bulletin_id';

/** The ecosystem name of the project's own container images (site.yaml `packages`), which OSV registers no ecosystem for. */
export const IMAGE_ECOSYSTEM = 'OCI';

/**
 * The key under `database_specific` where a record keeps the container images it affects. OSV has
 * no ecosystem for a project's own image, so an image is never an `affected` entry (that would
 * make the record invalid): its name, registry address, purl, ranges and versions are kept here.
 */
export const IMAGES_KEY = 'container_images';

/** One affected container image as `database_specific.container_images` keeps it. */
export interface OsvImage {
  name: string;
  /** The image's registry address without a tag (site.yaml `image.registry`). */
  image?: string;
  purl?: string;
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

/**
 * OSV's `details`: the markdown body without the blank lines before it and the line break that
 * ends the file, so that an imported record's `details` comes back exactly as written.
 */
export function detailsOf(body: string): string {
  return body.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
}

/** An affected entry's ranges as OSV writes them. */
function osvRanges(ranges: AdvisoryFront['affected'][number]['ranges']): OsvRange[] {
  return ranges.map((r) => ({ type: r.type, ...(r.repo ? { repo: r.repo } : {}), events: r.events.map((e) => ({ ...e }) as OsvEvent) }));
}

/**
 * The OSV record of a published advisory: its newest published revision, dated by its revisions.
 * Container images (`OCI`) go to `database_specific.container_images`, with their registry
 * address from `site` where given, never into `affected` (see IMAGES_KEY).
 */
export function toOsv(a: Pick<PublishedAdvisory, 'id' | 'current' | 'published' | 'modified'>, site?: Pick<Site, 'packages'>): OsvRecord {
  const f = a.current.front;
  const recordId = osvRecordId(a.id);
  const dbSpecific: Record<string, unknown> = { ...(f.database_specific ?? {}) };
  if (f.cwe.length && dbSpecific['cwe_ids'] === undefined) dbSpecific['cwe_ids'] = [...f.cwe];
  const isImage = (x: (typeof f.affected)[number]) => x.package.ecosystem === IMAGE_ECOSYSTEM;
  const images = f.affected.filter(isImage).map((x): OsvImage => {
    const registry = site?.packages.find((p) => p.ecosystem === IMAGE_ECOSYSTEM && p.name === x.package.name)?.image?.registry;
    return {
      name: x.package.name,
      ...(registry ? { image: registry } : {}),
      ...(x.package.purl !== undefined ? { purl: x.package.purl } : {}),
      ...(x.ranges.length ? { ranges: osvRanges(x.ranges) } : {}),
      ...(x.versions.length ? { versions: [...x.versions] } : {}),
      ...(x.ecosystem_specific ? { ecosystem_specific: x.ecosystem_specific } : {}),
      ...(x.database_specific ? { database_specific: x.database_specific } : {}),
    };
  });
  if (images.length) dbSpecific[IMAGES_KEY] = images;
  if (recordId !== a.id) dbSpecific[BULLETIN_ID_KEY] = a.id;
  const record: OsvRecord = {
    schema_version: OSV_SCHEMA_VERSION,
    id: recordId,
    modified: formatDateTime(a.modified),
    published: formatDateTime(a.published),
  };
  if (f.withdrawn !== undefined) record.withdrawn = formatDateTime(toInstant(f.withdrawn));
  record.aliases = [...f.aliases];
  if (f.related.length) record.related = [...f.related];
  record.summary = f.summary;
  record.details = detailsOf(a.current.body);
  if (f.severity.length) record.severity = f.severity.map((s) => ({ type: s.type, score: s.score }));
  record.affected = f.affected.filter((x) => !isImage(x)).map((x) => {
    const out: OsvAffected = { package: { ecosystem: x.package.ecosystem, name: x.package.name } };
    if (x.package.purl !== undefined) out.package.purl = x.package.purl;
    if (x.ranges.length) out.ranges = osvRanges(x.ranges);
    if (x.versions.length) out.versions = [...x.versions];
    if (x.ecosystem_specific) out.ecosystem_specific = x.ecosystem_specific;
    if (x.database_specific) out.database_specific = x.database_specific;
    return out;
  });
  if (f.references.length) record.references = f.references.map((r) => ({ type: r.type, url: r.url }));
  if (f.credits.length) record.credits = f.credits.map((c) => ({ name: c.name, ...(c.contact ? { contact: [...c.contact] } : {}), ...(c.type ? { type: c.type } : {}) }));
  if (Object.keys(dbSpecific).length) record.database_specific = dbSpecific;
  return record;
}

/** The index entry of a record. */
export function osvIndexEntry(r: OsvRecord): OsvIndexEntry {
  return { id: r.id, modified: r.modified };
}

/** A record as published: two-space JSON with a final newline. */
export function serializeOsv(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `/osv/all.json`: `{id, modified}` of every record, sorted by ID. */
export function osvIndex(records: readonly OsvRecord[]): OsvIndexEntry[] {
  return records.map(osvIndexEntry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * `/osv/all.zip`: every record as `<record id>.json` at the zip's root (as osv.dev's per-ecosystem
 * `all.zip`), byte-reproducible: entries sorted by name, every timestamp 1980-01-01 00:00 (the
 * zip format's earliest; built from local fields, since zip times are local times).
 */
export function osvZip(records: readonly OsvRecord[]): Uint8Array {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const files = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return zipSync(Object.fromEntries(files.map((r) => [`${r.id}.json`, [strToU8(serializeOsv(r)), { mtime, level: 9 }]])), { mtime, level: 9 });
}

// ---------------------------------------------------------------------------------------------
// From OSV

/** Advisory fields from a record (everything but `revision` and `draft`, which the importer decides). */
export type ImportedFront = Omit<AdvisoryFront, 'revision' | 'draft' | 'timeline' | 'published' | 'modified'>;

/** What `fromOsv` makes of a record. */
export type FromOsv =
  | {
      ok: true;
      front: ImportedFront;
      body: string;
      /** `published`, where the record gives a real one (a zero date means "unknown"). */
      published?: string;
      /** `modified`, where the record gives a real one. */
      modified?: string;
      /** What could not be mapped or was changed on the way in, one line each. */
      notes: string[];
    }
  | { ok: false; reason: string; fix: string };

/** Whether a timestamp is OSV's zero value (`0001-01-01T00:00:00Z`, Go's zero time): "not known". */
export function isZeroDate(s: string | undefined): boolean {
  return s === undefined || s === '' || /^0001-01-01/.test(s) || /^1970-01-01T00:00:00(\.0+)?Z$/.test(s);
}

const RANGE_TYPES = ['SEMVER', 'ECOSYSTEM', 'GIT'] as const;
const KNOWN_TOP = new Set(['schema_version', 'id', 'modified', 'published', 'withdrawn', 'aliases', 'related', 'summary', 'details', 'severity', 'affected', 'references', 'credits', 'database_specific']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** The ecosystem as OSV registers it: `kubernetes` becomes `Kubernetes`; unknown names stay as written. */
export function canonicalEcosystem(ecosystem: string): string {
  const [base, ...suffix] = ecosystem.split(':');
  const known = OSV_ECOSYSTEMS.find((e) => e.toLowerCase() === (base ?? '').toLowerCase());
  return known ? [known, ...suffix].join(':') : ecosystem;
}

/** The CVSS version of a vector, or undefined when it does not score. */
function cvssVersion(score: string): CvssVersion | undefined {
  const s = scoreCvss(score);
  return s.ok ? s.value.version : undefined;
}

/** Maps an OSV record to advisory fields, or says why it cannot. */
export function fromOsv(input: unknown): FromOsv {
  if (!isObject(input)) return { ok: false, reason: 'is not an OSV record (not a JSON object)', fix: 'give a file holding one OSV record, as osv.dev and the databases it reads publish them' };
  const r = input;
  const looksOsv = ['modified', 'affected', 'summary', 'details', 'aliases', 'schema_version'].some((k) => k in r);
  if (!looksOsv) return { ok: false, reason: 'is not an OSV record (none of modified, affected, summary, details, aliases)', fix: 'import OSV JSON records only' };
  if (typeof r['id'] !== 'string' || !r['id']) return { ok: false, reason: 'the record has no "id"', fix: 'every OSV record needs its ID; take the file from its database again' };
  const id = r['id'];
  if (!hasRegisteredPrefix(id)) {
    return { ok: false, reason: `the ID ${id} does not start with a prefix registered with OSV`, fix: 'an imported advisory keeps its own ID, so it must come from a database registered with OSV (GHSA-, GO-, CVE-, PYSEC-, RUSTSEC-, ...)' };
  }
  const notes: string[] = [];
  for (const k of Object.keys(r)) if (!KNOWN_TOP.has(k)) notes.push(`${k}: not mapped (Bulletin has no such field)`);

  const severity: AdvisoryFront['severity'] = [];
  const addSeverity = (s: unknown, where: string) => {
    if (!isObject(s) || typeof s['score'] !== 'string') return notes.push(`${where}: not a severity entry, not mapped`);
    const score = s['score'];
    const version = cvssVersion(score);
    if (!version || (s['type'] !== 'CVSS_V3' && s['type'] !== 'CVSS_V4')) return notes.push(`${where}: ${String(s['type'])} ${score} not mapped (Bulletin keeps CVSS 3.x and 4.0 vectors)`);
    const type = osvSeverityType(version);
    const same = severity.find((x) => cvssVersion(x.score) === version);
    if (same) {
      if (same.score !== score) notes.push(`${where}: a second CVSS ${version} vector ${score} not mapped (kept ${same.score})`);
      return;
    }
    severity.push({ type, score });
  };
  (Array.isArray(r['severity']) ? r['severity'] : []).forEach((s, i) => addSeverity(s, `severity[${i}]`));

  const affected: AdvisoryFront['affected'] = [];
  const rawAffected = Array.isArray(r['affected']) ? r['affected'] : [];
  for (const [i, a] of rawAffected.entries()) {
    if (!isObject(a) || !isObject(a['package']) || typeof a['package']['name'] !== 'string' || typeof a['package']['ecosystem'] !== 'string') {
      if (isObject(a) && Array.isArray(a['ranges']) && a['ranges'].some((x) => isObject(x) && x['type'] === 'GIT')) {
        return { ok: false, reason: `affected[${i}] names no package (a repository-only entry)`, fix: 'Bulletin lists affected packages; import records that name their package' };
      }
      return { ok: false, reason: `affected[${i}] has no package with an ecosystem and a name`, fix: 'correct the record at its source' };
    }
    const pkg = a['package'];
    const ecosystem = canonicalEcosystem(pkg['ecosystem'] as string);
    if (!isOsvEcosystem(ecosystem)) {
      return { ok: false, reason: `affected[${i}].package.ecosystem "${String(pkg['ecosystem'])}" is not an ecosystem OSV knows`, fix: 'correct the record at its source, or add the ecosystem to src/lib/advisory/osv-registry.ts if OSV has registered it since' };
    }
    if (ecosystem !== pkg['ecosystem']) notes.push(`affected[${i}].package.ecosystem: "${String(pkg['ecosystem'])}" written as OSV registers it, "${ecosystem}"`);
    const ranges: AdvisoryFront['affected'][number]['ranges'] = [];
    for (const [j, rg] of (Array.isArray(a['ranges']) ? a['ranges'] : []).entries()) {
      if (!isObject(rg)) return { ok: false, reason: `affected[${i}].ranges[${j}] is not a range`, fix: 'correct the record at its source' };
      const type = rg['type'];
      if (typeof type !== 'string' || !(RANGE_TYPES as readonly string[]).includes(type)) {
        return { ok: false, reason: `affected[${i}].ranges[${j}] has the unknown range type ${JSON.stringify(type)}`, fix: `OSV range types are ${RANGE_TYPES.join(', ')}; correct the record at its source` };
      }
      const events = (Array.isArray(rg['events']) ? rg['events'] : []).flatMap((e): AdvisoryFront['affected'][number]['ranges'][number]['events'] => {
        if (!isObject(e)) return [];
        const kind = (['introduced', 'fixed', 'last_affected', 'limit'] as const).find((k) => typeof e[k] === 'string');
        return kind ? [{ [kind]: e[kind] as string } as AdvisoryFront['affected'][number]['ranges'][number]['events'][number]] : [];
      });
      if (!events.length) return { ok: false, reason: `affected[${i}].ranges[${j}] has no events`, fix: 'correct the record at its source' };
      if (rg['database_specific'] !== undefined) notes.push(`affected[${i}].ranges[${j}].database_specific: not mapped`);
      ranges.push({ type: type as 'SEMVER' | 'ECOSYSTEM' | 'GIT', ...(typeof rg['repo'] === 'string' ? { repo: rg['repo'] } : {}), events });
    }
    (Array.isArray(a['severity']) ? a['severity'] : []).forEach((s, k) => addSeverity(s, `affected[${i}].severity[${k}]`));
    affected.push({
      package: { ecosystem, name: pkg['name'] as string, ...(typeof pkg['purl'] === 'string' ? { purl: pkg['purl'] } : {}) },
      ranges,
      versions: strings(a['versions']),
      ...(isObject(a['ecosystem_specific']) ? { ecosystem_specific: a['ecosystem_specific'] } : {}),
      ...(isObject(a['database_specific']) ? { database_specific: a['database_specific'] } : {}),
    });
  }
  if (rawAffected.length && rawAffected.some((a) => isObject(a) && Array.isArray(a['severity']) && a['severity'].length)) {
    notes.push('affected[].severity: moved to the advisory\'s severity (Bulletin rates an advisory, not a package)');
  }

  const references = (Array.isArray(r['references']) ? r['references'] : []).flatMap((x, i) => {
    if (isObject(x) && typeof x['url'] === 'string' && httpUrl.safeParse(x['url']).success && (REFERENCE_TYPES as readonly unknown[]).includes(x['type'])) {
      return [{ type: x['type'] as (typeof REFERENCE_TYPES)[number], url: x['url'] }];
    }
    notes.push(`references[${i}]: not mapped (${JSON.stringify(x)})`);
    return [];
  });
  const credits = (Array.isArray(r['credits']) ? r['credits'] : []).flatMap((c, i) => {
    if (!isObject(c) || typeof c['name'] !== 'string' || !c['name']) {
      notes.push(`credits[${i}]: no name, not mapped`);
      return [];
    }
    const type = (CREDIT_TYPES as readonly unknown[]).includes(c['type']) ? (c['type'] as (typeof CREDIT_TYPES)[number]) : undefined;
    if (c['type'] !== undefined && !type) notes.push(`credits[${i}].type: ${JSON.stringify(c['type'])} not mapped`);
    const contact = strings(c['contact']);
    return [{ name: c['name'], ...(contact.length ? { contact } : {}), ...(type ? { type } : {}) }];
  });

  const dbSpecific = isObject(r['database_specific']) ? { ...r['database_specific'] } : undefined;
  const cwe = strings(dbSpecific?.['cwe_ids']).filter((c) => /^CWE-\d+$/.test(c));
  if (dbSpecific && Array.isArray(dbSpecific['cwe_ids'])) delete dbSpecific['cwe_ids'];

  const details = typeof r['details'] === 'string' ? r['details'] : '';
  let summary = typeof r['summary'] === 'string' && r['summary'].trim() ? r['summary'] : '';
  if (!summary) {
    summary = (details.split('\n').find((l) => l.trim()) ?? id).trim().slice(0, 200);
    notes.push(`summary: missing; the title is the first line of details`);
  } else if (summary.length > 200) {
    notes.push(`summary: longer than 200 characters; the full text is kept at the top of the description`);
  }
  const title = summary.length > 200 ? `${summary.slice(0, 199)}…` : summary;
  // The body as an advisory file holds it: the description, then the line break that ends the file.
  const text = summary.length > 200 ? `${summary}\n\n${details}` : details;
  const body = text ? `${text}\n` : '';

  const published = typeof r['published'] === 'string' && !isZeroDate(r['published']) ? r['published'] : undefined;
  const modified = typeof r['modified'] === 'string' && !isZeroDate(r['modified']) ? r['modified'] : undefined;
  if (typeof r['published'] === 'string' && !published) notes.push(`published: ${r['published']} means "not known"`);
  if (typeof r['modified'] === 'string' && !modified) notes.push(`modified: ${r['modified']} means "not known"`);
  const withdrawn = typeof r['withdrawn'] === 'string' && !isZeroDate(r['withdrawn']) ? r['withdrawn'] : undefined;

  const aliases = [...new Set(strings(r['aliases']))].filter((a) => a !== id);
  if (aliases.length + (strings(r['aliases']).includes(id) ? 1 : 0) !== strings(r['aliases']).length) notes.push('aliases: an alias listed twice is kept once');
  const front: ImportedFront = {
    id,
    aliases,
    related: strings(r['related']),
    summary: title,
    ...(withdrawn ? { withdrawn, withdrawn_reason: `Withdrawn by the database that published ${id}.` } : {}),
    severity,
    affected,
    references,
    credits,
    cwe,
    ...(dbSpecific && Object.keys(dbSpecific).length ? { database_specific: dbSpecific } : {}),
  };
  return { ok: true, front, body, ...(published ? { published } : {}), ...(modified ? { modified } : {}), notes };
}
