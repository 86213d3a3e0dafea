/**
 * Advisory source files to revisions: front matter parsed with positions, validated against
 * the schema, the ID checked against the file name and the revision number against `v<N>.md`.
 */
import { advisorySchema } from '../../schemas/advisory.ts';
import { toRevision, type Revision } from './history.ts';
import type { Finding } from '../content/findings.ts';
import { parseMarkdown, validateWith, type SourceFile, type YamlSource } from '../content/source.ts';

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

/** Reads every advisory file into revisions, with the findings of each file. */
export function readRevisions(files: readonly SourceFile[]): { revisions: ParsedRevision[]; findings: Finding[]; failedIds: Set<string> } {
  const findings: Finding[] = [];
  /** Advisories with a file that could not be read: their history checks would only echo that. */
  const failedIds = new Set<string>();
  const revisions: ParsedRevision[] = [];
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
    if (!r.ok) {
      findings.push(...r.findings);
      failedIds.add(kind.id);
      continue;
    }
    const data = r.value;
    const problems: Finding[] = [];
    if (data.id !== kind.id) {
      problems.push(at(front, ['id'], `is "${data.id}" but the file is named for "${kind.id}"`, kind.newest ? `rename the file to advisories/${data.id}.md, or set id: ${kind.id}` : `an earlier revision lives in advisories/${data.id}/; move it there, or set id: ${kind.id}`));
    }
    if (!kind.newest && data.revision.number !== kind.number) {
      problems.push(at(front, ['revision', 'number'], `is ${data.revision.number} but the file is v${kind.number}.md`, `set revision.number: ${kind.number}, or rename the file to v${data.revision.number}.md`));
    }
    if (!kind.newest && data.draft) {
      problems.push(at(front, ['draft'], 'an earlier revision cannot be a draft', 'only the newest file, advisories/<ID>.md, may be a draft; remove "draft: true"'));
    }
    findings.push(...problems);
    if (problems.length) failedIds.add(kind.id);
    else revisions.push({ revision: toRevision(data, body, file.file, file.text, kind.newest), src: front });
  }
  return { revisions, findings, failedIds };
}
