/** Reading a built output folder for the post-build steps: every file, decompressed where needed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { OutputFile } from '../lib/publication/guard.ts';

/** Every file under `dir` (relative paths, sorted). */
export function listOutput(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^[\\/]+/, '').split('\\').join('/'))
    .sort();
}

/** Whether bytes start like a gzip stream (Pagefind's index files are gzip whatever their name). */
function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** One file's text, with a .gz or .br file or a gzip stream of any name (the search index) decompressed, and a .zip's entries (names and texts) joined. */
export function readOutputFile(dir: string, path: string): OutputFile {
  let bytes = readFileSync(join(dir, path));
  try {
    if (path.endsWith('.zip')) {
      const entries = Object.entries(unzipSync(bytes));
      return { path, text: entries.map(([name, data]) => `${name}\n${Buffer.from(data).toString('utf8')}`).join('\n') };
    }
    if (path.endsWith('.gz') || isGzip(bytes)) bytes = gunzipSync(bytes);
    else if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
  } catch {
    // Not really compressed (or cut short while being written): scan the bytes as they are.
  }
  return { path, text: bytes.toString('utf8') };
}

/** Every file's text (see `readOutputFile`). */
export function readOutput(dir: string): OutputFile[] {
  return listOutput(dir).map((path) => readOutputFile(dir, path));
}
