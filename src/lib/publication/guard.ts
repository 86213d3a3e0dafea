/**
 * The output guard (SPEC rule 1): reads every output file as a reader would see it (see
 * mentions.ts: entities, JSON escapes, URL encoding, markup, Unicode look-alike dashes and
 * invisible characters) and reports any held-back token found. Pure: the caller reads and
 * decompresses the files.
 */
import { findMentions } from './mentions.ts';

export interface OutputFile {
  /** Path inside the output folder. */
  path: string;
  text: string;
}

export interface Leak {
  path: string;
  token: string;
  /** A few characters around the first hit, for the maintainer. */
  context: string;
}

/** Every held-back token found whole in the output files, as a reader sees them. */
export function findLeaks(files: readonly OutputFile[], tokens: readonly string[]): Leak[] {
  if (!tokens.some(Boolean)) return [];
  return files.flatMap((file) => findMentions(file.text, tokens, 'output').map((m) => ({ path: file.path, ...m })));
}
