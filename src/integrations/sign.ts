/**
 * The signing step after the Astro build: signs every output the publication plan marks, with the build's key,
 * a batch at a time. Crypto lives in src/lib/signing/ (signing.ts signs, keys.ts reads keys); this module only reads and writes files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedOutput } from '../lib/publication/plan.ts';
import { type SigningKey } from '../lib/signing/keys.ts';
import { signatureTime, signCleartext, signDetached, signDetachedBinary } from '../lib/signing/signing.ts';

/** How many files are signed at once. */
const SIGNING_BATCH = 32;

/** Signs every output of the plan that is to be signed, under `dir`; a planned file that is missing is an error. */
export async function signOutput(dir: string, outputs: readonly PlannedOutput[], key: SigningKey): Promise<number> {
  const targets = outputs.flatMap((o) => (o.sign ? [{ path: o.file, ...o.sign }] : []));
  const missing = targets.filter((t) => !existsSync(join(dir, t.path)));
  if (missing.length) {
    throw new Error(`Bulletin's signing step expected files the build did not write: ${missing.map((t) => t.path).join(', ')}`);
  }
  const signOne = async (t: (typeof targets)[number]) => {
    const file = join(dir, t.path);
    const date = signatureTime(t.date, key);
    if (t.binary) {
      writeFileSync(`${file}.asc`, await signDetachedBinary(readFileSync(file), key, date));
      return;
    }
    const text = readFileSync(file, 'utf8');
    if (t.mode === 'detached') writeFileSync(`${file}.asc`, await signDetached(text, key, date));
    else writeFileSync(file, await signCleartext(text, key, date));
  };
  // A few dozen at a time: all at once held every file and its signature in memory together
  // (tens of thousands of files at 10,000 advisories).
  for (let i = 0; i < targets.length; i += SIGNING_BATCH) await Promise.all(targets.slice(i, i + SIGNING_BATCH).map(signOne));
  return targets.length;
}
