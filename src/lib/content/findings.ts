/**
 * Findings: what the validator reports. Each names the file, the line where there is one,
 * the field, what is wrong and what to do.
 */
import { byCodeUnit } from '../common/order.ts';

/** `error` fails check and build; `check-error` fails check and only warns in build; `warning` never fails. */
export type Severity = 'error' | 'check-error' | 'warning';
export type Mode = 'check' | 'build';

export interface Finding {
  severity: Severity;
  /** Path of the file as the maintainer would type it (`content/releases.yaml`). */
  file: string;
  line?: number;
  /** The field's path inside the file (`lines[2].name`). */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export type Path = readonly (string | number)[];

/** A field path as a maintainer reads it: `lines[2].name`. */
export function fieldPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

/** Whether the findings stop this mode (check fails on check-errors, build only on errors). */
export function isBlocking(f: Finding, mode: Mode): boolean {
  return f.severity === 'error' || (f.severity === 'check-error' && mode === 'check');
}

/** One finding as two lines: where and what, then what to do. */
export function formatFinding(f: Finding, mode: Mode): string {
  const label = isBlocking(f, mode) ? 'error' : 'warning';
  const where = f.line ? `${f.file}:${f.line}` : f.file;
  const field = f.field ? ` ${f.field}:` : '';
  return `${where}: ${label}:${field} ${f.message}\n    fix: ${f.fix}`;
}

/** Orders findings by file, then line, so a maintainer can walk them top to bottom. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => byCodeUnit(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The full report and a closing summary line. */
export function formatReport(findings: readonly Finding[], mode: Mode): string {
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => isBlocking(f, mode)).length;
  const warnings = sorted.length - errors;
  const body = sorted.map((f) => formatFinding(f, mode)).join('\n');
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return body ? `${body}\n\n${summary}` : summary;
}
