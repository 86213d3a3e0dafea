/** Digest files beside an output (`<file>.sha256`, `<file>.sha512`), in the `sha256sum` format CSAF 2.0 (section 7.1.18) expects. */
import { createHash } from 'node:crypto';
import type { Digest } from '../publication/plan.ts';

/** `<hex>  <file name>\n`: one line as `sha256sum` / `sha512sum` writes it, naming the file without its folder. */
export function digestFile(algorithm: Digest, bytes: Uint8Array, fileName: string): string {
  return `${createHash(algorithm).update(bytes).digest('hex')}  ${fileName}\n`;
}
