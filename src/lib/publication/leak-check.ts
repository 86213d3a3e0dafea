/**
 * The output guard's question asked of the sources, so `check` catches in the pull request what
 * the guard would stop at build time: published text (policy, site.yaml, published revisions and
 * announcements) that names something not published yet. Pure.
 */
import type { Finding } from '../content/findings.ts';
import { indexOfWhole } from './guard.ts';
import type { SourceFile } from '../content/source.ts';

/** Every held-back token a published source names, with its line. */
export function sourceLeaks(sources: readonly SourceFile[], tokens: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const src of sources) {
    const text = src.text.toLowerCase();
    for (const token of tokens) {
      const at = indexOfWhole(text, token.toLowerCase());
      if (at < 0) continue;
      findings.push({
        severity: 'error',
        file: src.file,
        line: text.slice(0, at).split('\n').length,
        message: `names ${token}, which is not published yet, so the build would leak it (the output guard would stop it)`,
        fix: `remove the mention until ${token} is published, or date this text on or after its publication`,
      });
    }
  }
  return findings;
}
