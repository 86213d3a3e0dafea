#!/usr/bin/env node
// npm run check [-- --against <git ref or lock file>] [-- --format text|json|github]: validate the
// content alone and print every problem at once; then compare published seals with the target
// branch's lock (by default the merge base with main, where git can tell).
import { parseArgs } from 'node:util';
import { jsonReport, type Finding } from '../src/lib/content/findings.ts';
import { runAgainst } from '../src/io/lock-file.ts';
import { reportFormat } from '../src/io/report.ts';
import { runValidation } from '../src/io/run-validation.ts';

let against: string | undefined;
let format;
try {
  against = parseArgs({ options: { against: { type: 'string' }, format: { type: 'string' } } }).values.against;
  format = reportFormat();
} catch (e) {
  console.error(`bulletin check: ${(e as Error).message}\nusage: npm run check [-- --against <git ref or lock file>] [-- --format text|json|github]`);
  process.exit(1);
}

const findings: Finding[] = [];
const valid = await runValidation('check', process.env, format, findings);
// The validated content also lets the comparison say what a site.yaml change does to published advisories.
const unchanged = runAgainst(against, process.env, valid, format, findings);
if (format === 'json') console.log(jsonReport(findings, 'check'));
process.exitCode = valid && unchanged ? 0 : 1;
