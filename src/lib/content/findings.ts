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
  /** The column, where a reader of the file knows it. */
  column?: number;
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

/** How a command prints its findings: text for a terminal, JSON for tools, GitHub Actions annotations. */
export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

/** Escapes data for a GitHub Actions workflow command's message. */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes data for a GitHub Actions workflow command's property (`file=`, `title=`). */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One finding as a GitHub Actions annotation (`::error file=...,line=...::message`), shown on the pull request's diff. */
export function githubAnnotation(f: Finding, mode: Mode): string {
  const level = isBlocking(f, mode) ? 'error' : 'warning';
  const props = [`file=${githubProperty(f.file)}`, ...(f.line ? [`line=${f.line}`] : []), ...(f.column ? [`col=${f.column}`] : []), ...(f.field ? [`title=${githubProperty(f.field)}`] : [])];
  return `::${level} ${props.join(',')}::${githubData(`${f.message}\nfix: ${f.fix}`)}`;
}

/** The report as a JSON document: every finding with its severity for this mode, and the counts. */
export function jsonReport(findings: readonly Finding[], mode: Mode): string {
  const sorted = sortFindings(findings);
  const list = sorted.map((f) => ({
    severity: isBlocking(f, mode) ? 'error' : 'warning',
    file: f.file,
    line: f.line ?? null,
    column: f.column ?? null,
    field: f.field ?? null,
    message: f.message,
    fix: f.fix,
  }));
  const errors = list.filter((f) => f.severity === 'error').length;
  return JSON.stringify({ mode, errors, warnings: list.length - errors, findings: list }, null, 2);
}

/** The report in the chosen format: the one formatter every command prints through. */
export function formatReportAs(findings: readonly Finding[], mode: Mode, format: ReportFormat): string {
  if (format === 'json') return jsonReport(findings, mode);
  if (format === 'github') {
    const sorted = sortFindings(findings);
    const errors = sorted.filter((f) => isBlocking(f, mode)).length;
    const summary = `${errors} error${errors === 1 ? '' : 's'}, ${sorted.length - errors} warning${sorted.length - errors === 1 ? '' : 's'}`;
    return [...sorted.map((f) => githubAnnotation(f, mode)), summary].join('\n');
  }
  return formatReport(findings, mode);
}
