/** The edge where content files are read from disk, for the pure validator. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SourceFile } from '../lib/content/source.ts';
import type { ContentFiles } from '../lib/content/validate.ts';

/** The content folder: BULLETIN_CONTENT_DIR, else ./content, resolved from the working directory. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BULLETIN_CONTENT_DIR || 'content');
}

function read(abs: string): SourceFile {
  // Display paths are relative to where the maintainer runs the command.
  return { file: relative(process.cwd(), abs) || abs, text: readFileSync(abs, 'utf8') };
}

function readOptional(abs: string): SourceFile | undefined {
  return existsSync(abs) ? read(abs) : undefined;
}

function readFolder(abs: string, ext: string): SourceFile[] {
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => e.name)
    .sort()
    .map((name) => read(join(abs, name)));
}

/** `advisories/<ID>.md` and `advisories/<ID>/v<N>.md`. */
function readAdvisories(abs: string): SourceFile[] {
  if (!existsSync(abs)) return [];
  const newest = readFolder(abs, '.md');
  const older = readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((id) => readFolder(join(abs, id), '.md'));
  return [...newest, ...older];
}

/** Reads every file the validator needs from a content folder. */
export function readContentFiles(dir: string): ContentFiles {
  if (!existsSync(dir)) {
    throw new Error(`The content folder ${dir} does not exist; set BULLETIN_CONTENT_DIR to a folder with site.yaml and releases.yaml`);
  }
  return {
    root: relative(process.cwd(), dir) || '.',
    site: readOptional(join(dir, 'site.yaml')),
    releases: readOptional(join(dir, 'releases.yaml')),
    policy: readFolder(join(dir, 'policy'), '.md'),
    advisories: readAdvisories(join(dir, 'advisories')),
    announcements: readFolder(join(dir, 'announcements'), '.md'),
    lock: readOptional(join(dir, 'bulletin.lock')),
    keys: readFolder(join(dir, 'keys'), '.asc'),
  };
}
