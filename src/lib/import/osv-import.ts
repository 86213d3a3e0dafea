/**
 * `npm run import`: OSV records from other databases become advisories. Pure: the records' texts,
 * the content folder's advisories and "now" come in; the files to write and one outcome per
 * record go out, and scripts/import.ts writes them. Records of one vulnerability (one's ID among
 * the other's aliases) become one advisory; a record already imported unchanged changes nothing;
 * a changed one opens a new revision (as `npm run revise` does), never an edit of a sealed one.
 */
import { stringify } from 'yaml';
import { advisorySchema, type AdvisoryFront } from '../../schemas/advisory.ts';
import { toInstant } from '../../schemas/common.ts';
import type { AdvisoryHistory } from '../advisory/history.ts';
import { formatDateTime } from '../common/dates.ts';
import { byCodeUnit } from '../common/order.ts';
import { detailsOf, fromOsv, type ImportedFront } from '../exports/osv.ts';

/** One file handed to the import. */
export interface ImportFile {
  /** Display path. */
  file: string;
  text: string;
}

/** What became of one record. */
export interface ImportOutcome {
  file: string;
  status: 'imported' | 'merged' | 'unchanged' | 'revised' | 'refused';
  /** The record's ID, where it has one. */
  id?: string;
  /** The advisory it went into. */
  advisory?: string;
  /** Why it was refused, or which records were merged. */
  reason?: string;
  fix?: string;
  /** What could not be mapped, one line each. */
  notes: string[];
}

/** A file to write, relative to the advisories folder. */
export interface ImportWrite {
  path: string;
  text: string;
  /** The file must not exist yet (a kept earlier revision). */
  create: boolean;
}

export interface ImportPlan {
  writes: ImportWrite[];
  outcomes: ImportOutcome[];
}

/** The content folder's advisories as the import needs them. */
export interface ExistingContent {
  histories: readonly AdvisoryHistory[];
  /** The source text of each advisory's newest file (`<ID>.md`), by ID. */
  newestText: ReadonlyMap<string, string>;
  /** Advisories with a file that could not be read: the import leaves them alone. */
  failedIds: ReadonlySet<string>;
}

interface Parsed {
  file: string;
  id: string;
  front: ImportedFront;
  body: string;
  published?: string;
  modified?: string;
  notes: string[];
}

/** The fields the import compares and writes, in the order the front matter lists them. */
const FIELDS = ['id', 'aliases', 'related', 'summary', 'withdrawn', 'withdrawn_reason', 'severity', 'affected', 'references', 'credits', 'cwe', 'database_specific'] as const;

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:+-]*$/;

function refused(file: string, reason: string, fix: string, id?: string): ImportOutcome {
  return { file, status: 'refused', ...(id ? { id } : {}), reason, fix, notes: [] };
}

/** Reads one file: JSON, then an OSV record, then advisory fields. */
function parseFile(f: ImportFile): Parsed | ImportOutcome {
  let data: unknown;
  try {
    data = JSON.parse(f.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return refused(f.file, `is not valid JSON: ${(e as Error).message}`, 'give OSV records as JSON files, one record a file');
  }
  const r = fromOsv(data);
  if (!r.ok) return refused(f.file, r.reason, r.fix, typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : undefined);
  if (!SAFE_ID.test(r.front.id) || r.front.id.includes('..')) return refused(f.file, `the ID ${r.front.id} cannot be a file name`, 'import records whose IDs are written as their database writes them', r.front.id);
  // The advisory schema must accept what the record became (aliases, URLs, summary).
  const check = advisorySchema.safeParse({ ...r.front, revision: { number: 1, date: '2000-01-01', summary: '-' } });
  if (!check.success) {
    const issue = check.error.issues[0];
    return refused(f.file, `${issue?.path.join('.') ?? 'a field'} ${issue?.message ?? 'is not valid'}`, 'correct the record at its source, or import it by hand with npm run new', r.front.id);
  }
  return { file: f.file, id: r.front.id, front: r.front, body: r.body, ...(r.published ? { published: r.published } : {}), ...(r.modified ? { modified: r.modified } : {}), notes: r.notes };
}

type Mutable = { -readonly [K in keyof ImportedFront]: ImportedFront[K] };

function emptyFront(id: string): Mutable {
  return { id, aliases: [], related: [], summary: '', severity: [], affected: [], references: [], credits: [], cwe: [] };
}

/** Lists `base` then what `add` has that `base` lacks, by key; `replace`: `add`'s entries win. */
function unionBy<T>(base: readonly T[], add: readonly T[], key: (t: T) => string, replace: boolean): T[] {
  const out = [...base];
  for (const x of add) {
    const i = out.findIndex((y) => key(y) === key(x));
    if (i < 0) out.push(x);
    else if (replace) out[i] = x;
  }
  return out;
}

const pkgKey = (a: AdvisoryFront['affected'][number]) => `${a.package.ecosystem}\n${a.package.name}`;

/**
 * Affected entries by package (a database may list one package in several entries, one per
 * range): `replace` puts the record's entries of a package where that package's entries were;
 * otherwise only packages `base` lacks are added.
 */
function mergeAffected(base: AdvisoryFront['affected'], add: AdvisoryFront['affected'], replace: boolean): AdvisoryFront['affected'] {
  const have = new Set(base.map(pkgKey));
  const incoming = new Map<string, AdvisoryFront['affected']>();
  for (const a of add) incoming.set(pkgKey(a), [...(incoming.get(pkgKey(a)) ?? []), a]);
  const out: AdvisoryFront['affected'] = [];
  const placed = new Set<string>();
  for (const a of base) {
    const k = pkgKey(a);
    if (!replace || !incoming.has(k)) out.push(a);
    else if (!placed.has(k)) {
      out.push(...(incoming.get(k) ?? []));
      placed.add(k);
    }
  }
  for (const [k, entries] of incoming) if (!have.has(k)) out.push(...entries);
  return out;
}
const sevKey = (s: AdvisoryFront['severity'][number]) => (/^CVSS:(\d\.\d)/.exec(s.score)?.[1] ?? s.score);

/**
 * Folds a record into an advisory's fields. The record of the advisory's own ID (`own`) sets the
 * summary, description, withdrawal and extras, and its entries replace those of the same package,
 * CVSS version, URL or name; a merged record only adds what is missing, and its ID becomes an alias.
 */
function fold(front: Mutable, body: string, p: Parsed, own: boolean): { front: Mutable; body: string } {
  const f: Mutable = { ...front };
  const aliases = [...p.front.aliases, ...(own ? [] : [p.id])].filter((a) => a !== f.id);
  f.aliases = unionBy(f.aliases, aliases, (a) => a.toLowerCase(), false);
  f.related = unionBy(f.related, p.front.related, (a) => a, false);
  f.severity = unionBy(f.severity, p.front.severity, sevKey, own);
  f.affected = mergeAffected(f.affected, p.front.affected, own);
  f.references = unionBy(f.references, p.front.references, (r) => r.url, own);
  f.credits = unionBy(f.credits, p.front.credits, (c) => c.name, own);
  f.cwe = unionBy(f.cwe, p.front.cwe, (c) => c, false);
  if (!own) return { front: f, body };
  f.summary = p.front.summary;
  if (p.front.withdrawn) {
    f.withdrawn = p.front.withdrawn;
    f.withdrawn_reason = f.withdrawn_reason ?? p.front.withdrawn_reason;
  } else {
    delete f.withdrawn;
    delete f.withdrawn_reason;
  }
  if (p.front.database_specific) f.database_specific = p.front.database_specific;
  else delete f.database_specific;
  return { front: f, body: p.body };
}

/** The fields that decide whether a re-import changed anything, as the schema reads them. */
function comparable(front: Partial<AdvisoryFront>, body: string): string {
  const parsed = advisorySchema.parse({ ...front, revision: { number: 1, date: '2000-01-01', summary: '-' }, draft: false });
  return JSON.stringify([FIELDS.map((k) => parsed[k]), detailsOf(body)]);
}

/** The advisory file: front matter in the order of FIELDS, then the revision, then the description. */
export function advisoryText(front: Partial<AdvisoryFront>, revision: AdvisoryFront['revision'], body: string, comment: string): string {
  const data: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = (front as Record<string, unknown>)[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    data[k] = k === 'affected' ? (v as AdvisoryFront['affected']).map(({ ranges, versions, ...rest }) => ({ ...rest, ...(ranges.length ? { ranges } : {}), ...(versions.length ? { versions } : {}) })) : v;
  }
  // Fields the import does not touch (timeline, a maintainer's notes) stay as they were.
  for (const [k, v] of Object.entries(front)) {
    if ((FIELDS as readonly string[]).includes(k) || ['revision', 'draft', 'published', 'modified'].includes(k)) continue;
    if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) continue;
    data[k] = v;
  }
  data['revision'] = revision;
  const yaml = stringify(data, { lineWidth: 0 });
  // The body as the file holds it: the description and the line break that ends the file.
  return `---\n# ${comment}\n${yaml}---\n${body}`;
}

/** Connects records of one vulnerability: one's ID among the other's aliases. */
function groups(records: readonly Parsed[]): Parsed[][] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const byId = new Map(records.map((r, i) => [r.id.toLowerCase(), i]));
  records.forEach((r, i) => {
    for (const a of r.front.aliases) {
      const j = byId.get(a.toLowerCase());
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const out = new Map<number, Parsed[]>();
  records.forEach((r, i) => out.set(find(i), [...(out.get(find(i)) ?? []), r]));
  return [...out.values()];
}

/** The date a new revision publishes: the record's own date where it has a real one after the last revision, else `now`. */
function revisionDate(candidates: readonly (string | undefined)[], after: Date | undefined, now: Date): string {
  for (const c of candidates) {
    if (c && (!after || toInstant(c).getTime() > after.getTime()) && toInstant(c).getTime() <= now.getTime()) return c;
  }
  return formatDateTime(after && after.getTime() > now.getTime() ? after : now);
}

/** Plans an import: what to write and what became of each record. */
export function planImport(files: readonly ImportFile[], existing: ExistingContent, now: Date): ImportPlan {
  const outcomes: ImportOutcome[] = [];
  const writes: ImportWrite[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const p = parseFile(f);
    if ('status' in p) {
      outcomes.push(p);
      continue;
    }
    const twin = seen.get(p.id.toLowerCase());
    if (twin) {
      outcomes.push(refused(f.file, `holds ${p.id}, which ${twin} holds too`, 'import one file per record', p.id));
      continue;
    }
    seen.set(p.id.toLowerCase(), f.file);
    parsed.push(p);
  }

  // Who owns each ID and alias now: the content folder's advisories, then what this import adds.
  const owner = new Map<string, string>();
  for (const h of existing.histories) {
    owner.set(h.id.toLowerCase(), h.id);
    for (const r of h.revisions) for (const a of r.front.aliases) if (!owner.has(a.toLowerCase())) owner.set(a.toLowerCase(), h.id);
  }
  for (const id of existing.failedIds) if (!owner.has(id.toLowerCase())) owner.set(id.toLowerCase(), id);
  const histories = new Map(existing.histories.map((h) => [h.id, h]));

  const ordered = groups(parsed)
    .map((g) => g.sort((a, b) => byCodeUnit(a.id, b.id)))
    .sort((a, b) => byCodeUnit(a[0]!.id, b[0]!.id));
  for (const group of ordered) {
    // The advisory the group goes into: an existing one its IDs lead to, else its first ID.
    const targets = new Set<string>();
    for (const p of group) {
      const o = owner.get(p.id.toLowerCase());
      if (o && (histories.has(o) || existing.failedIds.has(o))) targets.add(o);
      for (const a of p.front.aliases) {
        const t = owner.get(a.toLowerCase());
        if (t && t.toLowerCase() === a.toLowerCase() && (histories.has(t) || existing.failedIds.has(t))) targets.add(t);
      }
    }
    const existingTargets = [...targets].filter((t) => histories.has(t) || existing.failedIds.has(t));
    if (existingTargets.length > 1) {
      for (const p of group) outcomes.push(refused(p.file, `${p.id} and the records of the same vulnerability lead to ${existingTargets.join(' and ')}, which are different advisories`, 'merge those advisories by hand first, or import the records one by one', p.id));
      continue;
    }
    const target = existingTargets[0];
    if (target && existing.failedIds.has(target)) {
      for (const p of group) outcomes.push(refused(p.file, `the advisory ${target} it belongs to has a file with errors`, `fix advisories/${target}.md first (npm run check says what is wrong), then import again`, p.id));
      continue;
    }
    const id = target ?? group[0]!.id;
    const history = target ? histories.get(target) : undefined;

    // A record whose ID or alias already leads to another advisory would take that address.
    const accepted: Parsed[] = [];
    for (const p of group) {
      const clash = [p.id, ...p.front.aliases].find((x) => {
        const o = owner.get(x.toLowerCase());
        return o !== undefined && o !== id;
      });
      if (clash) {
        outcomes.push(refused(p.file, `${clash === p.id ? 'its ID' : 'its alias'} ${clash} already leads to the advisory ${owner.get(clash.toLowerCase())}`, `an ID or alias leads to one advisory only: remove ${clash} from one of them, or add ${p.id} to ${owner.get(clash.toLowerCase())}'s aliases so that the records merge`, p.id));
        continue;
      }
      accepted.push(p);
    }
    if (!accepted.length) continue;
    const ownRecord = accepted.find((p) => p.id === id);

    const newest = history?.revisions[history.revisions.length - 1];
    if (newest?.draft) {
      for (const p of accepted) outcomes.push(refused(p.file, `revision ${newest.number} of ${id} is a draft, open for editing`, `finish it (remove "draft: true", npm run seal -- ${id}) or delete it, then import again`, p.id));
      continue;
    }
    let state: { front: Mutable; body: string } = newest ? { front: { ...(newest.front as Mutable) }, body: newest.body } : { front: emptyFront(id), body: '' };
    const order = [...(ownRecord ? [ownRecord] : []), ...accepted.filter((p) => p !== ownRecord)];
    for (const p of order) state = fold(state.front, state.body, p, p === ownRecord);
    if (!state.front.summary) state.front.summary = order[0]!.front.summary;
    const merged = accepted.filter((p) => p !== ownRecord).map((p) => p.id);
    const mergedNote = merged.length ? `merged ${merged.join(', ')} into ${id}` : undefined;

    const notesOf = (p: Parsed) => p.notes;
    if (newest && comparable(newest.front, newest.body) === comparable(state.front, state.body)) {
      for (const p of accepted) outcomes.push({ file: p.file, status: 'unchanged', id: p.id, advisory: id, notes: notesOf(p) });
      continue;
    }

    const lead = ownRecord ?? order[0]!;
    const sources = accepted.map((p) => p.id).join(', ');
    const comment = `Imported from the OSV record${accepted.length > 1 ? 's' : ''} ${sources} by npm run import.`;
    if (!newest) {
      const withdrawn = state.front.withdrawn;
      const first = lead.published ?? lead.modified;
      if (withdrawn && first && toInstant(first).getTime() < toInstant(withdrawn).getTime()) {
        // Published, then withdrawn: two revisions, so the history shows both.
        const { withdrawn: _w, withdrawn_reason: _r, ...before } = state.front;
        writes.push({ path: `${id}/v1.md`, text: advisoryText(before, { number: 1, date: first, summary: `Imported from ${sources}.` }, state.body, comment), create: true });
        writes.push({ path: `${id}.md`, text: advisoryText(state.front, { number: 2, date: withdrawn, summary: `Withdrawn by the source database.` }, state.body, comment), create: false });
      } else {
        const date = withdrawn ?? revisionDate([first], undefined, now);
        if (!first) lead.notes.push(`published: not known; revision 1 is dated at the import (${date})`);
        writes.push({ path: `${id}.md`, text: advisoryText(state.front, { number: 1, date, summary: `Imported from ${sources}.` }, state.body, comment), create: false });
      }
      for (const p of accepted) {
        outcomes.push(p === lead
          ? { file: p.file, status: 'imported', id: p.id, advisory: id, ...(mergedNote ? { reason: mergedNote } : {}), notes: notesOf(p) }
          : { file: p.file, status: 'merged', id: p.id, advisory: id, notes: notesOf(p) });
      }
    } else {
      const n = newest.number + 1;
      const newlyWithdrawn = state.front.withdrawn !== undefined && newest.front.withdrawn === undefined ? state.front.withdrawn : undefined;
      const date = revisionDate([newlyWithdrawn, lead.modified], newest.date, now);
      if (newlyWithdrawn && date !== newlyWithdrawn) state.front.withdrawn = date;
      const text = existing.newestText.get(id);
      if (text === undefined) throw new Error(`the text of advisories/${id}.md was not given`);
      writes.push({ path: `${id}/v${newest.number}.md`, text, create: true });
      writes.push({ path: `${id}.md`, text: advisoryText(state.front, { number: n, date, summary: `Updated from ${sources}, as the source database changed it.` }, state.body, comment), create: false });
      for (const p of accepted) {
        outcomes.push(p === lead
          ? { file: p.file, status: 'revised', id: p.id, advisory: id, reason: `revision ${n} of ${id}${mergedNote ? `; ${mergedNote}` : ''}`, notes: notesOf(p) }
          : { file: p.file, status: 'merged', id: p.id, advisory: id, notes: notesOf(p) });
      }
    }
    for (const x of [id, ...state.front.aliases]) if (!owner.has(x.toLowerCase())) owner.set(x.toLowerCase(), id);
  }
  return { writes, outcomes };
}

/** Counts outcomes by status, for the summary. */
export function summarize(outcomes: readonly ImportOutcome[]): Record<ImportOutcome['status'], number> {
  const counts = { imported: 0, merged: 0, unchanged: 0, revised: 0, refused: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}
