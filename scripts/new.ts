#!/usr/bin/env node
// npm run new -- "<title>": mints the next ID from site.yaml's template (for this year, at "now")
// and writes content/advisories/<ID>.md as a draft to fill in. The draft has no revision.date: it
// publishes at no time until the maintainer gives it one and removes "draft: true".
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { buildNow } from '../src/io/now.ts';
import { contentDir, readContentFiles } from '../src/io/read-content.ts';
import { advisoryFileKind } from '../src/lib/advisory/files.ts';
import { formatDate } from '../src/lib/common/dates.ts';
import { nextId } from '../src/lib/advisory/ids.ts';
import { parseYaml } from '../src/lib/content/source.ts';
import { siteSchema } from '../src/schemas/site.ts';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('usage: npm run new -- "<one line saying what is wrong>"');
  process.exit(2);
}
const dir = contentDir();
const files = readContentFiles(dir);
const site = files.site ? siteSchema.safeParse(parseYaml(files.site).data) : undefined;
if (!site?.success) {
  console.error('bulletin new: site.yaml is missing or invalid; run npm run check first');
  process.exit(1);
}
const now = buildNow();
const used = files.advisories.map((f) => advisoryFileKind(f.file)?.id).filter((id): id is string => id !== undefined);
const id = nextId(site.data.ids.template, now.getUTCFullYear(), used);
const pkg = site.data.packages[0]!;
const front = {
  id,
  summary: title,
  draft: true,
  severity: [],
  affected: [{ package: { ecosystem: pkg.ecosystem, name: pkg.name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
  timeline: { reported: formatDate(now) },
  revision: { number: 1, summary: 'Initial publication.' },
};
const file = join(dir, 'advisories', `${id}.md`);
if (existsSync(file)) {
  console.error(`bulletin new: ${file} exists`);
  process.exit(1);
}
mkdirSync(join(dir, 'advisories'), { recursive: true });
writeFileSync(file, `---\n${stringify(front)}---\nDescribe the vulnerability.\n\n## Impact\n\nWho is affected, and what an attacker can do.\n\n## Workarounds\n\nWhat users can do before they upgrade.\n`);
console.log(`bulletin new: wrote ${relative(process.cwd(), file)} (a draft, with no publication time). Fill it in, add revision.date (when it publishes), remove "draft: true", then npm run seal -- ${id}.`);
