#!/usr/bin/env node
// npm run revise -- <ID>: keep the newest revision as <ID>/v<N>.md (a byte-for-byte copy, never
// edited again) and open revision N+1 in <ID>.md as a draft, dated today.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readRevisions } from '../src/lib/advisory/files.ts';
import { formatDate, formatDateTime } from '../src/lib/common/dates.ts';
import { formatReportAs, isBlocking } from '../src/lib/content/findings.ts';
import { reportFormat, withoutFormat } from '../src/io/report.ts';
import { isPublished } from '../src/lib/publication/publication.ts';
import { reviseSource } from '../src/lib/sealing/revise.ts';
import { buildNow } from '../src/io/now.ts';
import { contentDir } from '../src/io/read-content.ts';

let format;
try {
  format = reportFormat();
} catch (e) {
  console.error(`bulletin revise: ${(e as Error).message}`);
  process.exit(1);
}
const args = withoutFormat(process.argv.slice(2));
const id = args[0];
if (args.length !== 1 || !id || id.startsWith('-')) {
  console.error('usage: npm run revise -- <ID>');
  process.exit(1);
}

/** Stops with a message and exit 1, having changed nothing. */
function refuse(message: string): never {
  console.error(`bulletin revise: ${message}`);
  process.exit(1);
}

try {
  const dir = join(contentDir(), 'advisories');
  const abs = join(dir, `${id}.md`);
  const file = relative(process.cwd(), abs) || abs;
  if (!existsSync(abs)) refuse(`there is no advisory ${id}: ${file} does not exist`);
  const text = readFileSync(abs, 'utf8');
  const { revisions, findings } = readRevisions([{ file, text }]);
  const current = revisions[0]?.revision;
  if (!current || findings.some((f) => isBlocking(f, 'check'))) refuse(`${file} has problems; fix them first\n${formatReportAs(findings, 'check', format)}`);
  const n = current.number;
  if (current.draft) {
    refuse(`revision ${n} of ${id} is a draft, already open for editing: edit ${file}, then remove "draft: true" and run npm run seal -- ${id}`);
  }
  const now = buildNow();
  if (!isPublished(current, now)) {
    refuse(`revision ${n} of ${id} is not published yet (it publishes at ${formatDateTime(current.date)}): edit it in place and run npm run seal -- ${id} again`);
  }
  const keptAbs = join(dir, id, `v${n}.md`);
  const kept = relative(process.cwd(), keptAbs) || keptAbs;
  if (existsSync(keptAbs)) refuse(`${kept} already exists; revision ${n} was kept there before. Check the revision number in ${file}`);
  // Today; or now, to the second, when revision N published earlier today at a given time.
  const today = formatDate(now);
  const date = new Date(`${today}T00:00:00Z`) < current.date ? formatDateTime(now) : today;
  const next = reviseSource(text, { number: n + 1, date });
  mkdirSync(join(dir, id), { recursive: true });
  // The bytes as they are: the seal of revision N stays valid for the copy.
  writeFileSync(keptAbs, readFileSync(abs), { flag: 'wx' });
  writeFileSync(abs, next);
  console.log(
    [
      `bulletin revise: kept revision ${n} of ${id} as ${kept} (never edit it)`,
      `bulletin revise: opened revision ${n + 1} in ${file} as a draft. Next:`,
      `  1. make the change in ${file} and say what changed in revision.summary`,
      `  2. set revision.date to when revision ${n + 1} publishes (it says ${date}, today)`,
      '  3. remove "draft: true"',
      `  4. run: npm run seal -- ${id}, and commit ${file}, ${kept} and the lock`,
    ].join('\n'),
  );
} catch (e) {
  console.error(`bulletin revise: ${(e as Error).message}`);
  process.exitCode = 1;
}
