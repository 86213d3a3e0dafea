/**
 * The one reporter of every command: the format comes from `--format text|json|github`, else
 * GitHub Actions annotations when GITHUB_ACTIONS=true (a pull request then shows each finding on
 * its line), else text. One exit-code rule: 1 when any finding blocks the command's mode.
 */
import { formatReportAs, isBlocking, REPORT_FORMATS, type Finding, type Mode, type ReportFormat } from '../lib/content/findings.ts';

/** The report format asked for by the command line or the environment; throws on an unknown one. */
export function reportFormat(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): ReportFormat {
  const i = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--format='.length) : argv[i + 1];
  if (given === undefined) return /^true$/i.test(env.GITHUB_ACTIONS ?? '') ? 'github' : 'text';
  if (!REPORT_FORMATS.includes(given as ReportFormat)) {
    throw new Error(`--format ${given ?? ''} is not a report format: use ${REPORT_FORMATS.join(', ')}`);
  }
  return given as ReportFormat;
}

/** The command-line arguments without `--format <f>`, for commands that read their own arguments. */
export function withoutFormat(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format') i++;
    else if (!argv[i]!.startsWith('--format=')) out.push(argv[i]!);
  }
  return out;
}

/** Prints the findings in this command's format (to stderr when they block, for text) and says whether they block. */
export function printFindings(findings: readonly Finding[], mode: Mode, heading: string, format: ReportFormat = reportFormat()): boolean {
  const blocking = findings.some((f) => isBlocking(f, mode));
  const body = formatReportAs(findings, mode, format);
  if (format === 'json') console.log(body);
  else (blocking && format === 'text' ? console.error : console.log)(`${heading}\n${body}`);
  return blocking;
}
