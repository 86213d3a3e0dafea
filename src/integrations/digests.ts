/** The digest step after the Astro build: writes the `.sha256` / `.sha512` files the plan asks for beside their files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { digestFile } from '../lib/exports/digests.ts';
import type { PlannedOutput } from '../lib/publication/plan.ts';

/** Writes every planned digest file under `dir`; returns how many. */
export function writeDigests(dir: string, outputs: readonly PlannedOutput[]): number {
  let count = 0;
  for (const o of outputs) {
    if (!o.digests?.length) continue;
    const file = join(dir, o.file);
    const bytes = readFileSync(file);
    for (const d of o.digests) {
      writeFileSync(`${file}.${d}`, digestFile(d, bytes, basename(o.file)));
      count++;
    }
  }
  return count;
}
