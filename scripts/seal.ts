#!/usr/bin/env node
// npm run seal -- <ID> [<ID>...] | --all: record in bulletin.lock the checksum, publication time
// and addresses of every non-draft revision of the named advisories. A published revision's seal
// is never changed; that and an unknown ID are refusals (exit 1).
import { groupHistories } from '../src/lib/advisory.ts';
import { readRevisions } from '../src/lib/advisory-files.ts';
import { formatFinding, formatReport, isBlocking } from '../src/lib/findings.ts';
import { sealRevisions } from '../src/lib/seal.ts';
import { readLockFile, writeLockFile } from '../src/io/lock-file.ts';
import { buildNow } from '../src/io/now.ts';
import { contentDir, readContentFiles } from '../src/io/read-content.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const ids = args.filter((a) => a !== '--all');
if ((all && ids.length) || (!all && !ids.length) || ids.some((a) => a.startsWith('-'))) {
  console.error('usage: npm run seal -- <ID> [<ID>...]   or   npm run seal -- --all');
  process.exit(1);
}

try {
  const dir = contentDir();
  const now = buildNow();
  const { revisions, findings } = readRevisions(readContentFiles(dir).advisories);
  if (findings.some((f) => isBlocking(f, 'check'))) {
    console.error(`bulletin seal: the advisory files have problems; nothing was sealed\n${formatReport(findings, 'check')}`);
    process.exit(1);
  }
  const read = readLockFile(dir);
  if (!read.lock) {
    console.error(`bulletin seal: the lock cannot be read; nothing was sealed\n${formatReport(read.findings, 'check')}`);
    process.exit(1);
  }
  const histories = groupHistories(revisions.map((r) => r.revision));
  const result = sealRevisions(histories, read.lock, all ? 'all' : ids, now, read.file);
  const written = writeLockFile(dir, result.lock);
  for (const s of result.sealed) console.log(`bulletin seal: sealed ${s}`);
  for (const s of result.removed) console.log(`bulletin seal: removed the seal of ${s}`);
  if (!result.sealed.length && !result.removed.length) console.log('bulletin seal: nothing to seal; every seal already matches');
  if (written) console.log(`bulletin seal: wrote ${read.file}; commit it with the advisory`);
  for (const f of result.refused) console.error(formatFinding(f, 'check'));
  if (result.refused.length) {
    console.error(`bulletin seal: ${result.refused.length} refusal${result.refused.length === 1 ? '' : 's'}`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`bulletin seal: ${(e as Error).message}`);
  process.exitCode = 1;
}
