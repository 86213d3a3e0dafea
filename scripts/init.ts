#!/usr/bin/env node
// npm run init -- --name <project> --url <site address> --repository <source repository>
//   --contact <security email> --package <name:ecosystem> [--package ...] --id-prefix <LF>
//   [--timezone UTC] [--dir <new content folder>]
// Writes a new project's content folder (default: project-content/) that passes check and builds
// at once; asks on a terminal for what the flags leave out. Refuses, changing nothing, when the
// folder already has content. Point the commands at it with BULLETIN_CONTENT_DIR.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { answerProblems, newProjectFiles, type InitAnswers } from '../src/lib/init/project.ts';
import { buildNow } from '../src/io/now.ts';
import { formatDate } from '../src/lib/common/dates.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    url: { type: 'string' },
    repository: { type: 'string' },
    contact: { type: 'string' },
    package: { type: 'string', multiple: true },
    'id-prefix': { type: 'string' },
    timezone: { type: 'string' },
    dir: { type: 'string' },
  },
});
const dir = resolve(values.dir ?? 'project-content');
if (existsSync(dir) && readdirSync(dir).length) {
  console.error(`bulletin init: ${relative(process.cwd(), dir) || dir} already has content; nothing was changed\nfix: give an empty or new folder with --dir <folder>`);
  process.exit(1);
}
const asked = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
/** A flag's value, else the answer to a prompt on a terminal, else the default. */
async function answer(value: string | undefined, question: string, fallback = ''): Promise<string> {
  if (value !== undefined) return value;
  if (!asked) return fallback;
  const a = (await asked.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
  return a || fallback;
}
const answers: InitAnswers = {
  name: await answer(values.name, 'Project name'),
  url: await answer(values.url, 'Site address (https://...)'),
  repository: await answer(values.repository, 'Source repository address'),
  contact: await answer(values.contact, 'Security contact email'),
  packages: values.package ?? (await answer(undefined, 'Packages, as name:ecosystem separated by spaces')).split(/\s+/).filter(Boolean),
  idPrefix: await answer(values['id-prefix'], 'Advisory ID prefix (upper case, e.g. LF)'),
  timeZone: await answer(values.timezone, 'Time zone', 'UTC'),
};
asked?.close();
const problems = answerProblems(answers);
if (problems.length) {
  console.error(`bulletin init: nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}\nusage: npm run init -- --name <project> --url <https://site/> --repository <url> --contact <email> --package <name:ecosystem> --id-prefix <PREFIX> [--timezone UTC] [--dir <folder>]`);
  process.exit(2);
}
for (const [path, text] of Object.entries(newProjectFiles(answers, formatDate(buildNow())))) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const shown = relative(process.cwd(), dir) || dir;
console.log(`bulletin init: wrote ${shown}/ (site.yaml, releases.yaml, policy/ starter sections marked for review, an empty bulletin.lock)\nnext: export BULLETIN_CONTENT_DIR=${shown} && npm run check && npm run build; see README "First steps for a new project"`);
