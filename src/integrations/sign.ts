/**
 * The signing step after the Astro build: signs every file of the plan with the build's key,
 * concurrently. Crypto lives in src/lib/signing/signing.ts; this module only reads and writes files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignTarget } from '../lib/publication/signing-plan.ts';
import { signatureTime, signCleartext, signDetached, type SigningKey } from '../lib/signing/signing.ts';

/** Signs every target under `dir`; a planned file that is missing is an error. */
export async function signOutput(dir: string, plan: readonly SignTarget[], key: SigningKey): Promise<number> {
  const missing = plan.filter((t) => !existsSync(join(dir, t.path)));
  if (missing.length) {
    throw new Error(`Bulletin's signing step expected files the build did not write: ${missing.map((t) => t.path).join(', ')}`);
  }
  await Promise.all(
    plan.map(async (t) => {
      const file = join(dir, t.path);
      const text = readFileSync(file, 'utf8');
      const date = signatureTime(t.date, key);
      if (t.mode === 'detached') writeFileSync(`${file}.asc`, await signDetached(text, key, date));
      else writeFileSync(file, await signCleartext(text, key, date));
    }),
  );
  return plan.length;
}
