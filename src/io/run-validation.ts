/** Validation as the commands run it: read the content folder, validate, report. */
import { isBlocking, type Finding, type Mode, type ReportFormat } from '../lib/content/findings.ts';
import { printFindings, reportFormat } from './report.ts';
import { validateAll, type Content, type ValidationResult } from '../lib/content/validate.ts';
import { buildNow } from './now.ts';
import { contentDir, readContentFiles } from './read-content.ts';

/** Reads and validates the content folder the environment names, at the environment's "now". */
export async function validateFolder(env: NodeJS.ProcessEnv = process.env): Promise<ValidationResult & { dir: string }> {
  const dir = contentDir(env);
  return { dir, ...(await validateAll(readContentFiles(dir), buildNow(env))) };
}

/**
 * Validates, prints every finding in the command's format (JSON is left to the caller, which
 * prints one document: the findings are pushed to `collect`), and returns the content when the
 * mode may go on.
 */
export async function runValidation(mode: Mode, env: NodeJS.ProcessEnv = process.env, format: ReportFormat = reportFormat(), collect: Finding[] = []): Promise<Content | undefined> {
  let result;
  try {
    result = await validateFolder(env);
  } catch (e) {
    console.error(`bulletin: ${(e as Error).message}`);
    return undefined;
  }
  collect.push(...result.findings);
  const blocking = result.findings.some((f) => isBlocking(f, mode));
  if ((result.findings.length || mode === 'check') && format !== 'json') printFindings(result.findings, mode, `bulletin ${mode}: ${result.dir}`, format);
  // A check-only error stops check, not build: there the content is still good to build.
  return blocking ? undefined : (result.content ?? undefined);
}
