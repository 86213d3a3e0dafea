/**
 * The edge where content files are read from disk, for the pure validator. Every read problem
 * becomes a finding that names its file (and line where there is one): a file that cannot be
 * read, a symbolic link (the content folder holds regular files only, so a pull request cannot
 * point a "key" at a file elsewhere on the build machine), NUL bytes, bytes that are not UTF-8.
 * Files outside the known places are listed too, so `check` can look for private keys anywhere.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Finding } from '../lib/content/findings.ts';
import type { SourceFile } from '../lib/content/source.ts';
import type { ContentFiles } from '../lib/content/validate.ts';

/** The content folder: BULLETIN_CONTENT_DIR, else ./content, resolved from the working directory. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BULLETIN_CONTENT_DIR || 'content');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  readonly problems: Finding[] = [];
  /** Absolute paths read into one of the known places. */
  readonly known = new Set<string>();

  /** Display paths are relative to where the maintainer runs the command. */
  display(abs: string): string {
    return relative(process.cwd(), abs) || abs;
  }

  private problem(abs: string, message: string, fix: string, line?: number): undefined {
    this.problems.push({ severity: 'error', file: this.display(abs), line, message, fix });
    return undefined;
  }

  /** Whether `abs` is a symbolic link (reported as an error when it is). */
  isLink(abs: string): boolean {
    if (!lstatSync(abs).isSymbolicLink()) return false;
    if (this.known.has(abs)) return true;
    this.known.add(abs);
    this.problem(abs, 'is a symbolic link; the content folder holds regular files only, so nothing outside it can be published through a link', 'replace the link with a copy of the file it points to');
    return true;
  }

  /** Reads one file as UTF-8 text, or reports why it cannot. */
  read(abs: string): SourceFile | undefined {
    if (this.isLink(abs)) return undefined;
    this.known.add(abs);
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch (e) {
      return this.problem(abs, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'check that the file exists and is readable by the user running the command');
    }
    const lineAt = (offset: number) => bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const nul = bytes.indexOf(0);
    if (nul >= 0) return this.problem(abs, 'holds a NUL byte, so it is not a text file', 'remove the NUL bytes (an editor or a bad copy put them there), or save the file again as UTF-8 text', lineAt(nul));
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      // Find the first bad byte for the line: decode growing prefixes by line.
      let ok = 0;
      for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, nl + 1)) {
        try {
          UTF8.decode(bytes.subarray(0, nl + 1));
          ok = nl + 1;
        } catch {
          break;
        }
      }
      return this.problem(abs, 'is not valid UTF-8 text', 'save the file as UTF-8 (from Latin-1 or Windows-1252: iconv -f WINDOWS-1252 -t UTF-8)', lineAt(ok));
    }
    return { file: this.display(abs), text, bytes: bytes.length };
  }

  readOptional(abs: string): SourceFile | undefined {
    return existsSync(abs) || this.dangling(abs) ? this.read(abs) : undefined;
  }

  /** A symbolic link whose target is missing: existsSync says no, but it is there to report. */
  private dangling(abs: string): boolean {
    try {
      return lstatSync(abs).isSymbolicLink();
    } catch {
      return false;
    }
  }

  readFolder(abs: string, ext: string): SourceFile[] {
    if (!existsSync(abs) || this.isLink(abs)) return [];
    return readdirSync(abs, { withFileTypes: true })
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(ext))
      .map((e) => e.name)
      .sort()
      .flatMap((name) => this.read(join(abs, name)) ?? []);
  }

  /** `advisories/<ID>.md` and `advisories/<ID>/v<N>.md`. */
  readAdvisories(abs: string): SourceFile[] {
    if (!existsSync(abs) || this.isLink(abs)) return [];
    const newest = this.readFolder(abs, '.md');
    const older = readdirSync(abs, { withFileTypes: true })
      .filter((e) => e.isDirectory() || (e.isSymbolicLink() && !e.name.endsWith('.md')))
      .map((e) => e.name)
      .sort()
      .flatMap((id) => this.readFolder(join(abs, id), '.md'));
    return [...newest, ...older];
  }

  /** Every other file under the folder (links reported), read as text where it is text, for the private-key check. */
  readOthers(dir: string): SourceFile[] {
    const out: SourceFile[] = [];
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const abs = join(e.parentPath, e.name);
      // A content folder that is its own repository: git's objects are not content.
      if (this.known.has(abs) || relative(dir, abs).split(/[\\/]/).includes('.git')) continue;
      if (e.isSymbolicLink()) {
        this.isLink(abs);
        continue;
      }
      if (!e.isFile()) continue;
      try {
        // Binary files stay bytes as Latin-1, so a binary private key is still recognisable.
        out.push({ file: this.display(abs), text: readFileSync(abs).toString('latin1') });
      } catch (err) {
        this.problem(abs, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'check that the file is readable by the user running the command');
      }
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
}

/** Reads every file the validator needs from a content folder. */
export function readContentFiles(dir: string): ContentFiles {
  if (!existsSync(dir)) {
    throw new Error(`The content folder ${dir} does not exist; set BULLETIN_CONTENT_DIR to a folder with site.yaml and releases.yaml`);
  }
  const r = new Reader();
  const files = {
    root: relative(process.cwd(), dir) || '.',
    site: r.readOptional(join(dir, 'site.yaml')),
    releases: r.readOptional(join(dir, 'releases.yaml')),
    policy: r.readFolder(join(dir, 'policy'), '.md'),
    advisories: r.readAdvisories(join(dir, 'advisories')),
    announcements: r.readFolder(join(dir, 'announcements'), '.md'),
    lock: r.readOptional(join(dir, 'bulletin.lock')),
    keys: r.readFolder(join(dir, 'keys'), '.asc'),
  };
  const others = r.readOthers(dir);
  return { ...files, others, problems: r.problems };
}
