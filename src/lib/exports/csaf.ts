/**
 * CSAF 2.0 (OASIS), the trusted-provider distribution: one `csaf_security_advisory` document per
 * published advisory, mapped field by field from the typed model, and the provider's files
 * (provider metadata, index.txt, changes.csv, the ROLIE feed). Pure: URLs come from the site's
 * address, dates from the content, never the clock.
 */
import semver from 'semver';
import type { AffectedEntry } from '../../schemas/advisory.ts';
import type { Site } from '../../schemas/site.ts';
import { toInstant } from '../../schemas/common.ts';
import { affectedView, type LineRow } from '../advisory/affected-view.ts';
import { scoreCvss } from '../advisory/cvss.ts';
import { advisorySeverity, ratingName } from '../advisory/severity.ts';
import { isAffected } from '../advisory/ranges.ts';
import { formatDateTime } from '../common/dates.ts';
import type { ReleaseLine } from '../policy/support.ts';
import type { PublishedAdvisory } from '../publication/publication.ts';
import { advisoryPath, csafFeedPath, csafPath, csafTlpPath, CSAF_PROVIDER_METADATA } from '../publication/paths.ts';

/** The TLP definition CSAF 2.0 documents point at. */
export const TLP_URL = 'https://www.first.org/tlp/';
/** The CSAF 2.0 JSON schema's address, as ROLIE entries name it. */
export const CSAF_SCHEMA_URL = 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json';

/** A CSAF document, as JSON. Typed loosely: the validator, not this type, is the proof of shape. */
export type CsafDocument = Record<string, unknown>;

/** What mapping an advisory needs besides the advisory. */
export interface CsafContext {
  site: Site;
  lines: readonly ReleaseLine[];
  /** The build's "now": which lines are released and which are past end of life. */
  now: Date;
}

/** One published document, as the provider's indexes list it. */
export interface CsafEntry {
  id: string;
  title: string;
  /** Site-relative address of the document. */
  address: string;
  /** Path relative to the TLP folder (`2026/exa-2026-0001.json`), as index.txt and changes.csv write it. */
  relative: string;
  initial: Date;
  current: Date;
}

/** The absolute URL of a site-relative address. */
function url(site: Site, address: string): string {
  return new URL(address, site.url).href;
}

/** The TLP label and the folder year of an advisory's document. */
export function csafAddress(site: Site, a: Pick<PublishedAdvisory, 'id' | 'published'>): string {
  return csafPath(site.csaf.tlp, a.published.getUTCFullYear(), a.id);
}

/** The index entry of one published advisory. */
export function csafEntry(site: Site, a: PublishedAdvisory): CsafEntry {
  const address = csafAddress(site, a);
  return {
    id: a.id,
    title: a.current.front.summary,
    address,
    relative: address.slice(csafTlpPath(site.csaf.tlp).length),
    initial: a.published,
    current: a.modified,
  };
}

/** The publisher object of documents and provider metadata. */
export function csafPublisher(site: Site): Record<string, string> {
  return {
    category: site.csaf.publisher_category,
    name: site.name,
    namespace: site.csaf.namespace ?? new URL(site.url).origin,
  };
}

/** `vers:npm/>=0.12.0|<0.13.0` from a SEMVER range of one comparator set; the range as written otherwise. */
export function versRange(ecosystem: string, range: string): string {
  try {
    const sets = new semver.Range(range).set;
    if (sets.length === 1 && sets[0]!.every((c) => c.operator !== '')) {
      return `vers:${ecosystem.toLowerCase()}/${sets[0]!.map((c) => `${c.operator}${c.semver.version}`).join('|')}`;
    }
  } catch {
    // Not a SEMVER range: kept as written.
  }
  return range;
}

/** The lower and upper bounds of a line's range (`>=0.12.0 <0.13.0`), where it has that simple form. */
function lineBounds(range: string): { low: string; high: string } | undefined {
  try {
    const set = new semver.Range(range).set;
    const low = set.length === 1 ? set[0]!.find((c) => c.operator === '>=') : undefined;
    const high = set.length === 1 ? set[0]!.find((c) => c.operator === '<') : undefined;
    return low && high ? { low: low.semver.version, high: high.semver.version } : undefined;
  } catch {
    return undefined;
  }
}

/** purl types of the OSV ecosystems Bulletin knows (purl-spec). */
const PURL_TYPES: Record<string, string> = { npm: 'npm', 'crates.io': 'cargo', Go: 'golang', PyPI: 'pypi', Packagist: 'composer', RubyGems: 'gem', NuGet: 'nuget', Maven: 'maven', Hex: 'hex', Pub: 'pub', SwiftURL: 'swift', 'GitHub Actions': 'github' };

/** The package URL of a package (and version), where its ecosystem has a purl type: `pkg:npm/lanternfish@0.12.3`. */
export function purlOf(ecosystem: string, name: string, version?: string): string | undefined {
  const type = PURL_TYPES[ecosystem];
  if (!type) return undefined;
  const path = name.split('/').map((part) => encodeURIComponent(part)).join('/');
  return `pkg:${type}/${path}${version ? `@${encodeURIComponent(version)}` : ''}`;
}

/** A JSON value with every object's keys in code-unit order (CSAF 2.0 recommended test 6.2.13). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

interface Product {
  id: string;
  name: string;
  /** `product_version_range` (a vers string) or `product_version`. */
  category: 'product_version_range' | 'product_version';
  branch: string;
  package: string;
  /** One of the project's own packages (else another vendor's, listed as written). */
  own: boolean;
  purl?: string;
}

/** Product ID characters: the package, line or version, with anything else as `-`. */
function productId(...parts: string[]): string {
  return `CSAFPID-${parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

/** The affected versions of a line row as a vers range: from the first affected version of the line to its fix (or its end). */
function affectedRange(row: LineRow, ecosystem: string, entry: AffectedEntry, range: string): string {
  const bounds = lineBounds(range);
  if (!bounds) return range;
  const spec = { ranges: entry.ranges.filter((r) => r.type === 'SEMVER').map((r) => ({ type: r.type, events: r.events })), versions: entry.versions };
  // Where the line's first version is unaffected, the affected span starts at an `introduced` inside the line.
  const starts = spec.ranges
    .flatMap((r) => r.events.flatMap((e) => ('introduced' in e && semver.valid(e.introduced) ? [e.introduced] : [])))
    .filter((v) => semver.gte(v, bounds.low) && semver.lt(v, bounds.high))
    .sort(semver.compare);
  const low = isAffected(bounds.low, spec) ? bounds.low : (starts[0] ?? bounds.low);
  const high = row.state === 'fixed' && row.fixedIn ? `<${row.fixedIn}` : `<${bounds.high}`;
  return `vers:${ecosystem.toLowerCase()}/>=${low}|${high}`;
}

interface Mapped {
  products: Product[];
  status: { known_affected: string[]; fixed: string[]; known_not_affected: string[] };
  remediations: Record<string, unknown>[];
}

/** Products, their status and remediations, from the per-line states the site shows. */
function mapProducts(a: PublishedAdvisory, ctx: CsafContext): Mapped {
  const { site, lines, now } = ctx;
  const front = a.current.front;
  const view = affectedView(front, site, lines, now);
  const products: Product[] = [];
  const status: Mapped['status'] = { known_affected: [], fixed: [], known_not_affected: [] };
  const remediations: Record<string, unknown>[] = [];
  const page = url(site, advisoryPath(a.id));
  const add = (p: Product): string => {
    if (!products.some((q) => q.id === p.id)) products.push(p);
    return p.id;
  };
  for (const row of view.lines) {
    const pkg = site.packages.find((p) => p.name === row.package)!;
    const line = lines.find((l) => l.package === row.package && l.name === row.line)!;
    const entry = front.affected.find((e) => e.package.name === pkg.name && e.package.ecosystem === pkg.ecosystem)!;
    if (row.state === 'not-affected') {
      status.known_not_affected.push(add({ id: productId(row.package, row.line), name: `${row.package} ${row.line}`, category: 'product_version_range', branch: versRange(pkg.ecosystem, line.range), package: row.package, own: true, purl: purlOf(pkg.ecosystem, pkg.name) }));
      continue;
    }
    const affected = add({ id: productId(row.package, row.line, 'affected'), name: `${row.package} ${row.line} (affected versions)`, category: 'product_version_range', branch: affectedRange(row, pkg.ecosystem, entry, line.range), package: row.package, own: true, purl: purlOf(pkg.ecosystem, pkg.name) });
    status.known_affected.push(affected);
    if (row.state === 'fixed' && row.fixedIn) {
      status.fixed.push(add({ id: productId(row.package, row.fixedIn), name: `${row.package} ${row.fixedIn}`, category: 'product_version', branch: row.fixedIn, package: row.package, own: true, purl: purlOf(pkg.ecosystem, pkg.name, row.fixedIn) }));
      remediations.push({ category: 'vendor_fix', details: `${row.package} ${row.line}: ${row.action}.`, product_ids: [affected], url: page });
    } else {
      remediations.push({ category: row.eolWarning ? 'no_fix_planned' : 'none_available', details: `${row.package} ${row.line}: ${row.action}.`, product_ids: [affected] });
    }
  }
  for (const other of view.others) {
    const entry = front.affected.find((e) => e.package.name === other.name && e.package.ecosystem === other.ecosystem)!;
    const semverRanges = entry.ranges.filter((r) => r.type === 'SEMVER');
    const vers =
      semverRanges.length === 1 && semverRanges[0]!.events.every((e) => !('limit' in e))
        ? `vers:${other.ecosystem.toLowerCase()}/${semverRanges[0]!.events.map((e) => ('introduced' in e ? (e.introduced === '0' ? '' : `>=${e.introduced}`) : 'fixed' in e ? `<${e.fixed}` : `<=${(e as { last_affected: string }).last_affected}`)).filter(Boolean).join('|')}`
        : other.written;
    status.known_affected.push(add({ id: productId(other.ecosystem, other.name), name: `${other.name} (${other.ecosystem})`, category: 'product_version_range', branch: vers || other.written, package: other.name, own: false, purl: purlOf(other.ecosystem, other.name) }));
  }
  return { products, status, remediations };
}

/** The product tree: vendor (the project, or the other package's ecosystem), product name (the package), then versions and ranges. */
function productTree(site: Site, products: readonly Product[]): Record<string, unknown> {
  const vendors = new Map<string, Map<string, Product[]>>();
  for (const p of products) {
    const vendor = p.own ? site.name : 'Other vendors';
    const byPackage = vendors.get(vendor) ?? new Map<string, Product[]>();
    byPackage.set(p.package, [...(byPackage.get(p.package) ?? []), p]);
    vendors.set(vendor, byPackage);
  }
  return {
    branches: [...vendors].map(([vendor, byPackage]) => ({
      category: 'vendor',
      name: vendor,
      branches: [...byPackage].map(([pkg, ps]) => ({
        category: 'product_name',
        name: pkg,
        branches: ps.map((p) => ({ category: p.category, name: p.branch, product: { name: p.name, product_id: p.id, ...(p.purl ? { product_identification_helper: { purl: p.purl } } : {}) } })),
      })),
    })),
  };
}

function nonEmpty<T extends Record<string, unknown[]>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v.length > 0)) as Partial<T>;
}

/** The CSAF 2.0 document of a published advisory (its newest published revision, with the history of every published one). */
export function toCsaf(a: PublishedAdvisory, ctx: CsafContext): CsafDocument {
  const { site } = ctx;
  const front = a.current.front;
  const page = url(site, advisoryPath(a.id));
  const { products, status, remediations } = mapProducts(a, ctx);
  const severity = advisorySeverity(front.severity, site.cvss.rating_version);
  const scored = front.severity.flatMap((s) => {
    const r = scoreCvss(s.score);
    return r.ok ? [r.value] : [];
  });
  const v3 = scored.filter((s) => s.version !== '4.0');
  const v4 = scored.filter((s) => s.version === '4.0');
  const cves = front.aliases.filter((x) => /^CVE-\d{4}-\d{4,}$/.test(x));
  const otherIds = [a.id, ...front.aliases.filter((x) => !cves.slice(0, 1).includes(x))];

  const notes: Record<string, string>[] = [
    { category: 'summary', title: 'Summary', text: front.summary },
    ...(a.current.body.trim() ? [{ category: 'details', title: 'Details', text: a.current.body.trim() }] : []),
    ...(a.current.withdrawn ? [{ category: 'general', title: 'Withdrawn', text: `Withdrawn on ${formatDateTime(a.current.withdrawn.at)}: ${a.current.withdrawn.reason}` }] : []),
  ];
  const vulnNotes: Record<string, string>[] = [
    { category: 'description', title: 'Description', text: front.summary },
    ...(front.cwe.length ? [{ category: 'other', title: 'CWE', text: front.cwe.join(', ') }] : []),
    ...v4.map((s) => ({ category: 'other', title: 'CVSS 4.0', text: `${s.vector} (score ${s.score.toFixed(1)}, ${ratingName(s.rating)}). CSAF 2.0 has no place for CVSS 4.0 scores.` })),
  ];
  const externalRefs = front.references.map((r) => ({ category: 'external', summary: r.type, url: r.url }));
  const vulnerability: Record<string, unknown> = {
    ...(cves[0] ? { cve: cves[0] } : {}),
    ids: otherIds.map((id) => ({ system_name: id.split('-')[0]!, text: id })),
    title: front.summary,
    notes: vulnNotes,
    ...(status.known_affected.length || status.fixed.length || status.known_not_affected.length ? { product_status: nonEmpty(status) } : {}),
    ...(remediations.length ? { remediations } : {}),
    ...(v3.length && status.known_affected.length
      ? {
          scores: v3.map((s) => ({
            products: status.known_affected,
            cvss_v3: { version: s.version, vectorString: s.vector, baseScore: s.score, baseSeverity: s.rating.toUpperCase() },
          })),
        }
      : {}),
    ...(front.credits.length ? { acknowledgments: front.credits.map((c) => ({ names: [c.name], ...(c.type ? { summary: c.type.toLowerCase().replace(/_/g, ' ') } : {}) })) } : {}),
    ...(externalRefs.length ? { references: externalRefs } : {}),
    ...(a.current.timeline.reported ? { discovery_date: formatDateTime(a.current.timeline.reported) } : {}),
    release_date: formatDateTime(a.published),
  };

  return sortKeys({
    document: {
      // A security advisory names its products (CSAF 2.0 tests 6.1.27.4 and .6); one that lists none is a `csaf_base` document.
      category: products.length ? 'csaf_security_advisory' : 'csaf_base',
      csaf_version: '2.0',
      ...(severity.primary ? { aggregate_severity: { namespace: 'https://www.first.org/cvss/', text: ratingName(severity.rating) } } : {}),
      distribution: { tlp: { label: site.csaf.tlp, url: TLP_URL } },
      lang: 'en',
      notes,
      publisher: csafPublisher(site),
      references: [
        { category: 'self', summary: 'The advisory page', url: page },
        { category: 'self', summary: 'This document', url: url(site, csafAddress(site, a)) },
        ...(externalRefs.length ? externalRefs : [{ category: 'external', summary: 'The project\'s security policy', url: site.url }]),
      ],
      title: front.summary,
      tracking: {
        current_release_date: formatDateTime(a.modified),
        // The newest content date of the document: its newest published revision's (never the clock).
        generator: { date: formatDateTime(a.modified), engine: { name: 'Bulletin' } },
        id: a.id,
        initial_release_date: formatDateTime(a.published),
        revision_history: a.revisions.map((r) => ({ date: formatDateTime(r.date), number: String(r.number), summary: r.front.revision.summary })),
        status: 'final',
        version: String(a.current.number),
      },
    },
    ...(products.length ? { product_tree: productTree(site, products) } : {}),
    vulnerabilities: [vulnerability],
  }) as CsafDocument;
}

/** The provider metadata (`/.well-known/csaf/provider-metadata.json`) of a trusted provider. */
export function providerMetadata(site: Site): CsafDocument {
  const tlp = site.csaf.tlp;
  return sortKeys({
    canonical_url: url(site, CSAF_PROVIDER_METADATA),
    distributions: [
      {
        directory_url: url(site, csafTlpPath(tlp)),
        rolie: { feeds: [{ summary: `All TLP:${tlp} advisories of ${site.name}.`, tlp_label: tlp, url: url(site, csafFeedPath(tlp)) }] },
      },
    ],
    last_updated: formatDateTime(toInstant(site.updated)),
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    public_openpgp_keys: site.keys.filter((k) => k.role === 'signing' && k.status === 'current').map((k) => ({ fingerprint: k.fingerprint, url: url(site, 'pgp-key.asc') })),
    publisher: csafPublisher(site),
    role: 'csaf_trusted_provider',
  }) as CsafDocument;
}

/** `index.txt`: every document's path relative to the TLP folder, one a line. */
export function csafIndex(entries: readonly CsafEntry[]): string {
  return entries.map((e) => `${e.relative}\n`).join('');
}

/** `changes.csv`: path and current release date, newest change first (CSAF 2.0 section 7.1.10). */
export function csafChanges(entries: readonly CsafEntry[]): string {
  return [...entries]
    .sort((a, b) => b.current.getTime() - a.current.getTime() || (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .map((e) => `"${e.relative}","${formatDateTime(e.current)}"\n`)
    .join('');
}

/** The ROLIE feed of one TLP label (CSAF 2.0 section 7.1.23): an entry per document with its hashes and signature. */
export function rolieFeed(site: Site, entries: readonly CsafEntry[], updated: Date): CsafDocument {
  const tlp = site.csaf.tlp;
  return {
    feed: {
      id: `${site.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-csaf-feed-tlp-${tlp.toLowerCase()}`,
      title: `${site.name} CSAF feed (TLP:${tlp})`,
      link: [{ rel: 'self', href: url(site, csafFeedPath(tlp)) }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: formatDateTime(updated),
      entry: [...entries]
        .sort((a, b) => b.current.getTime() - a.current.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((e) => {
          const doc = url(site, e.address);
          return {
            id: e.id,
            title: e.title,
            link: [
              { rel: 'self', href: doc },
              { rel: 'hash', href: `${doc}.sha256` },
              { rel: 'hash', href: `${doc}.sha512` },
              { rel: 'signature', href: `${doc}.asc` },
            ],
            published: formatDateTime(e.initial),
            updated: formatDateTime(e.current),
            summary: { content: e.title },
            content: { type: 'application/json', src: doc },
            format: { schema: CSAF_SCHEMA_URL, version: '2.0' },
          };
        }),
    },
  };
}
