#!/usr/bin/env node
// npm run check [-- --against <git ref or lock file>]: validate the content alone and print every
// problem at once; then compare published seals with the target branch's lock (by default the
// merge base with main, where git can tell).
import { parseArgs } from 'node:util';
import { runAgainst } from '../src/io/lock-file.ts';
import { runValidation } from '../src/io/run-validation.ts';

let against: string | undefined;
try {
  against = parseArgs({ options: { against: { type: 'string' } } }).values.against;
} catch (e) {
  console.error(`bulletin check: ${(e as Error).message}\nusage: npm run check [-- --against <git ref or lock file>]`);
  process.exit(1);
}

const valid = await runValidation('check');
// The validated content also lets the comparison say what a site.yaml change does to published advisories.
const unchanged = runAgainst(against, process.env, valid);
process.exitCode = valid && unchanged ? 0 : 1;
