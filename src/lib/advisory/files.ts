/**
 * Advisory source files to revisions: front matter parsed with positions, validated against
 * the schema, the ID checked against the file name and the revision number against `v<N>.md`.
 */
import { advisorySchema, affectedSchema, severitySchema, type AdvisoryFront, type AffectedEntry, type Severity } from '../../schemas/advisory.ts';
import { toRevision, type Revision } from './history.ts';
import type { Finding } from '../content/findings.ts';
import { parseMarkdown, validateWith, type SourceFile, type YamlSource } from '../content/source.ts';
import type { z } from 'zod';

/** Where a file sits: `<ID>.md` (newest) or `<ID>/v<N>.md` (an earlier revision). */
export function advisoryFileKind(file: string): { id: string; newest: true } | { id: string; newest: false; number: number } | undefined {
  const older = /(?:^|\/)advisories\/([^/]+)\/v(\d+)\.md$/.exec(file);
  if (older) return { id: older[1] as string, newest: false, number: Number(older[2]) };
  const newest = /(?:^|\/)advisories\/([^/]+)\.md$/.exec(file);
  if (newest) return { id: newest[1] as string, newest: true };
  return undefined;
}

/** A finding at a field of a parsed front matter. */
export function at(src: YamlSource, path: (string | number)[], message: string, fix: string, severity: Finding['severity'] = 'error'): Finding {
  return { severity, file: src.file, line: src.lineOf(path), field: path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : undefined, message, fix };
}

export interface ParsedRevision {
  revision: Revision;
  src: YamlSource;
}

/**
 * The well-formed parts of a front matter, for the checks beyond the schema. For a file that
 * passed its schema, the whole of it; for one that did not, each top-level field that passes its
 * own schema, and each `severity` and `affected` entry that passes its own (a hole where one does
 * not, so indices stay those of the file). The schema's findings already cover the rest.
 */
export interface FrontParts {
  /** The top-level fields that are well-formed, as the schema reads them (defaults applied). */
  fields: Partial<AdvisoryFront>;
  /** The top-level fields that are not (their schema's findings say why). */
  broken: ReadonlySet<string>;
  severity: readonly (Severity | undefined)[];
  affected: readonly (AffectedEntry | undefined)[];
}

/** A file that made no revision (its schema, its name or its number failed), with what of it can still be checked. */
export interface UnreadRevision {
  parts: FrontParts;
  src: YamlSource;
}

/** The parts of a front matter that passed its schema: all of them. */
export function partsOf(front: AdvisoryFront): FrontParts {
  return { fields: front, broken: new Set(), severity: front.severity, affected: front.affected };
}

/** The parts of a front matter that failed its schema which are well-formed on their own (see FrontParts). */
export function salvageParts(data: unknown): FrontParts {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { fields: {}, broken: new Set(Object.keys(advisorySchema.shape)), severity: [], affected: [] };
  const raw = data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const broken = new Set<string>();
  for (const [key, schema] of Object.entries(advisorySchema.shape)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) fields[key] = r.data;
    else broken.add(key);
  }
  const each = <T>(value: unknown, schema: z.ZodType<T>): (T | undefined)[] => (Array.isArray(value) ? value.map((v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  }) : []);
  return { fields: fields as Partial<AdvisoryFront>, broken, severity: each(raw.severity, severitySchema), affected: each(raw.affected, affectedSchema) };
}

/** Whether a field of the parts is well-formed (possibly absent where the schema allows it). */
export function known<K extends keyof AdvisoryFront>(parts: FrontParts, key: K): boolean {
  return !parts.broken.has(key);
}

/**
 * Reads every advisory file into revisions, with the findings of each file. A file that makes no
 * revision (its schema, name or number fails) is in `unread` with its well-formed parts, so its
 * other problems are found in the same run.
 */
export function readRevisions(files: readonly SourceFile[]): { revisions: ParsedRevision[]; findings: Finding[]; failedIds: Set<string>; unread: UnreadRevision[] } {
  const findings: Finding[] = [];
  /** Advisories with a file that could not be read: their history checks would only echo that. */
  const failedIds = new Set<string>();
  const revisions: ParsedRevision[] = [];
  const unread: UnreadRevision[] = [];
  for (const file of files) {
    const kind = advisoryFileKind(file.file);
    if (!kind) {
      findings.push({
        severity: 'error',
        file: file.file,
        message: 'is neither an advisory (advisories/<ID>.md) nor an earlier revision (advisories/<ID>/v<N>.md), so it would be ignored',
        fix: 'rename it to one of those, or move it out of advisories/',
      });
      continue;
    }
    const { front, body } = parseMarkdown(file);
    findings.push(...front.errors);
    if (front.errors.length) {
      failedIds.add(kind.id);
      continue;
    }
    const r = validateWith(advisorySchema, front);
    if (!r.ok) findings.push(...r.findings);
    const parts = r.ok ? partsOf(r.value) : salvageParts(front.data);
    const { id, revision, draft } = parts.fields;
    const problems: Finding[] = [];
    if (id !== undefined && id !== kind.id) {
      problems.push(at(front, ['id'], `is "${id}" but the file is named for "${kind.id}"`, kind.newest ? `rename the file to advisories/${id}.md, or set id: ${kind.id}` : `an earlier revision lives in advisories/${id}/; move it there, or set id: ${kind.id}`));
    }
    if (!kind.newest && revision !== undefined && revision.number !== kind.number) {
      problems.push(at(front, ['revision', 'number'], `is ${revision.number} but the file is v${kind.number}.md`, `set revision.number: ${kind.number}, or rename the file to v${revision.number}.md`));
    }
    if (!kind.newest && draft === true) {
      problems.push(at(front, ['draft'], 'an earlier revision cannot be a draft', 'only the newest file, advisories/<ID>.md, may be a draft; remove "draft: true"'));
    }
    // A draft may wait for its date (npm run new writes none); anything else publishes, so needs one.
    if (draft === false && revision !== undefined && revision.date === undefined) {
      problems.push(at(front, ['revision', 'date'], 'is missing, and the revision is not a draft, so when it publishes is not known', 'add revision.date: when it publishes (a date such as 2026-10-15, or for a future one an RFC 3339 time with offset such as 2026-10-15T14:00:00Z), or keep "draft: true" until it is ready'));
    }
    findings.push(...problems);
    if (r.ok && !problems.length) revisions.push({ revision: toRevision(r.value, body, file.file, file.text, kind.newest), src: front });
    else {
      failedIds.add(kind.id);
      unread.push({ parts, src: front });
    }
  }
  return { revisions, findings, failedIds, unread };
}
