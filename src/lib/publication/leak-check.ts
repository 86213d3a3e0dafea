/**
 * The output guard's question asked of the sources, so `check` catches in the pull request what
 * the guard would stop at build time: published text (policy, site.yaml, releases.yaml,
 * published revisions and announcements) that names something not published yet. Both ask
 * mentions.ts, so a spelling the guard would see, `check` sees. Pure.
 */
import type { Finding } from '../content/findings.ts';
import { findMentions } from './mentions.ts';
import type { SourceFile } from '../content/source.ts';

/** The first line by which the text names the token: the shortest prefix of lines that does (markup may span lines). */
function lineOf(text: string, token: string): number | undefined {
  const lines = text.split('\n');
  let lo = 1;
  let hi = lines.length;
  if (!findMentions(text, [token], 'source').length) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findMentions(lines.slice(0, mid).join('\n'), [token], 'source').length) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Every held-back token a published source names, with its line. */
export function sourceLeaks(sources: readonly SourceFile[], tokens: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const src of sources) {
    for (const { token, context } of findMentions(src.text, tokens, 'source')) {
      findings.push({
        severity: 'error',
        file: src.file,
        line: lineOf(src.text, token),
        message: `names ${token}, which is not published yet, so the build would leak it (the output guard would stop it); a reader sees "${context}"`,
        fix: `remove the mention until ${token} is published, or date this text on or after its publication`,
      });
    }
  }
  return findings;
}
