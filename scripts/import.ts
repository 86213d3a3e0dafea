#!/usr/bin/env node
// npm run import -- <files or folders>: OSV records (JSON, as GitHub, the Go vulnerability
// database, the Kubernetes feed and other OSV databases publish them) become advisories in the
// content folder's advisories/. Each file is written to a temporary name and renamed, so nothing
// is half written; a refused record changes nothing and the others still go through.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { advisoryFileKind, readRevisions } from '../src/lib/advisory/files.ts';
import { groupHistories } from '../src/lib/advisory/history.ts';
import { planImport, summarize, type ImportFile, type ImportOutcome } from '../src/lib/import/osv-import.ts';
import { buildNow } from '../src/io/now.ts';
import { contentDir, readContentFiles } from '../src/io/read-content.ts';

const args = process.argv.slice(2);
if (!args.length || args.some((a) => a === '--help' || a === '-h')) {
  console.error('usage: npm run import -- <OSV .json files or folders holding them>');
  process.exit(args.length ? 0 : 1);
}

const display = (abs: string) => relative(process.cwd(), abs) || abs;

/** The .json files named, folders searched recursively, in a stable order. */
function listInputs(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) missing.push(p);
    else if (statSync(p).isDirectory()) {
      files.push(...readdirSync(p, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name)).sort());
    } else files.push(p);
  }
  return { files, missing };
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
function writeWhole(abs: string, text: string, create: boolean): void {
  if (create && existsSync(abs)) throw new Error(`${display(abs)} already exists; an earlier revision is never overwritten`);
  mkdirSync(dirname(abs), { recursive: true });
  const tmp = `${abs}.import-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, abs);
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

function line(o: ImportOutcome): string {
  const what = o.status === 'refused' ? `refused: ${o.reason}` : `${o.status}${o.advisory && o.advisory !== o.id ? ` into ${o.advisory}` : ''}${o.reason ? ` (${o.reason})` : ''}`;
  return `${o.file}: ${o.id ? `${o.id} ` : ''}${what}${o.fix ? `\n    fix: ${o.fix}` : ''}`;
}

try {
  const dir = contentDir();
  const advisoriesDir = join(dir, 'advisories');
  const content = readContentFiles(dir);
  const { revisions, failedIds } = readRevisions(content.advisories);
  const histories = groupHistories(revisions.map((p) => p.revision));
  const newestText = new Map(
    content.advisories.flatMap((f) => {
      const kind = advisoryFileKind(f.file);
      return kind?.newest ? [[kind.id, f.text] as const] : [];
    }),
  );

  const { files, missing } = listInputs(args);
  const started = Date.now();
  let lastReport = started;
  const inputs: ImportFile[] = [];
  for (const [i, abs] of files.entries()) {
    inputs.push({ file: display(abs), text: readFileSync(abs, 'utf8') });
    const t = Date.now();
    if (t - lastReport >= 1000) {
      lastReport = t;
      console.error(`bulletin import: read ${i + 1}/${files.length} files (${Math.round(((i + 1) * 1000) / (t - started))}/s)`);
    }
  }
  const plan = planImport(inputs, { histories, newestText, failedIds }, buildNow());
  const outcomes = [...missing.map((m): ImportOutcome => ({ file: m, status: 'refused', reason: 'does not exist', fix: 'give existing files or folders', notes: [] })), ...plan.outcomes];

  const writing = Date.now();
  for (const [i, w] of plan.writes.entries()) {
    writeWhole(join(advisoriesDir, w.path), w.text, w.create);
    const t = Date.now();
    if (t - lastReport >= 1000) {
      lastReport = t;
      console.error(`bulletin import: wrote ${i + 1}/${plan.writes.length} files (${Math.round(((i + 1) * 1000) / Math.max(1, t - writing))}/s)`);
    }
  }

  for (const o of [...outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (o.status === 'unchanged') continue;
    console.log(line(o));
    for (const n of o.notes) console.log(`    note: ${n}`);
  }
  const c = summarize(outcomes);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `bulletin import: ${outcomes.length} record(s) in ${seconds.toFixed(1)} s: ${c.imported} imported, ${c.merged} merged, ${c.unchanged} unchanged, ${c.revised} revised, ${c.refused} refused`,
  );
  if (c.imported + c.revised + c.merged > 0) console.log(`bulletin import: next, run npm run check, then npm run seal -- --all, and commit ${display(advisoriesDir)} with the lock`);
  if (c.refused) process.exitCode = 1;
} catch (e) {
  console.error(`bulletin import: ${(e as Error).message}`);
  process.exitCode = 1;
}
