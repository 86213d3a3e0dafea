/**
 * The bundled example, built at its fixed "now" with its test key, is byte-identical to the
 * checked-in manifest of every output file's sha256. A refactor must leave it unchanged; a
 * deliberate change of output updates the manifest in its own commit (`npm test -- -u`), so the
 * diff of `example.manifest` shows a reviewer exactly which published files changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLE_NOW, EXAMPLE_TEST_KEY } from '../helpers/example.ts';
import { build, EXAMPLE_CONTENT } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

it('builds the example byte-identically to test/fixtures/example.manifest', async () => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, { BULLETIN_SIGNING_KEY_FILE: EXAMPLE_TEST_KEY });
  expect(r.status, r.output).toBe(0);
  const lines = listFiles(r.outDir).map((f) => `${createHash('sha256').update(readFileSync(join(r.outDir, f))).digest('hex')}  ${f}`);
  await expect(lines.join('\n') + '\n').toMatchFileSnapshot('../fixtures/example.manifest');
});
