/** Validation as the commands run it: read the content folder, validate, report. */
import { formatReport, isBlocking, type Mode } from '../lib/content/findings.ts';
import { validateAll, type Content, type ValidationResult } from '../lib/content/validate.ts';
import { buildNow } from './now.ts';
import { contentDir, readContentFiles } from './read-content.ts';

/** Reads and validates the content folder the environment names, at the environment's "now". */
export async function validateFolder(env: NodeJS.ProcessEnv = process.env): Promise<ValidationResult & { dir: string }> {
  const dir = contentDir(env);
  return { dir, ...(await validateAll(readContentFiles(dir), buildNow(env))) };
}

/** Validates, prints every finding, and returns the content when the mode may go on. */
export async function runValidation(mode: Mode, env: NodeJS.ProcessEnv = process.env): Promise<Content | undefined> {
  let result;
  try {
    result = await validateFolder(env);
  } catch (e) {
    console.error(`bulletin: ${(e as Error).message}`);
    return undefined;
  }
  const blocking = result.findings.some((f) => isBlocking(f, mode));
  if (result.findings.length || mode === 'check') {
    const out = formatReport(result.findings, mode);
    (blocking ? console.error : console.log)(`bulletin ${mode}: ${result.dir}\n${out}`);
  }
  // A check-only error stops check, not build: there the content is still good to build.
  return blocking ? undefined : (result.content ?? undefined);
}
