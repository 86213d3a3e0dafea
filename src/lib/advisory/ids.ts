/** The project's advisory ID template (`EXA-{year}-{seq:4}`): matching and minting IDs. */

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching IDs made from the template. */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/(\{year\}|\{seq(?::\d)?\})/);
  const body = parts
    .map((p) => {
      if (p === '{year}') return '(?<year>\\d{4})';
      const seq = /^\{seq(?::(\d))?\}$/.exec(p);
      if (seq) return seq[1] ? `(?<seq>\\d{${seq[1]},})` : '(?<seq>\\d+)';
      return escapeRe(p);
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** The next ID for `year` after the IDs already used. */
export function nextId(template: string, year: number, used: readonly string[]): string {
  const re = templatePattern(template);
  const seqs = used.map((id) => re.exec(id)).filter((m) => m && Number(m.groups?.year) === year).map((m) => Number(m!.groups!.seq));
  const next = Math.max(0, ...seqs) + 1;
  const width = Number(/\{seq:(\d)\}/.exec(template)?.[1] ?? 1);
  return template.replace('{year}', String(year)).replace(/\{seq(?::\d)?\}/, String(next).padStart(width, '0'));
}

// The ASCII confusables of Unicode TR 39 (confusables.txt) that can meet in an ID once it is
// restricted to ASCII letters, digits, ".", "_" and "-" (anything else is refused before this).
const SEQUENCES: [string, string][] = [['rn', 'm'], ['vv', 'w'], ['cl', 'd']];
const SINGLES: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', '|': 'l' };

/**
 * An ID's confusable skeleton (Unicode TR 39, over the ASCII IDs may hold, case folded as
 * addresses are): two IDs with the same skeleton read the same (`EXA-2O26-0001` and
 * `EXA-2026-0001`, `GHSA-rn..` and `GHSA-m..`), so one must not stand beside the other.
 */
export function idSkeleton(id: string): string {
  let s = id.normalize('NFKC').toLowerCase();
  for (const [from, to] of SEQUENCES) s = s.replaceAll(from, to);
  return s.replace(/[01i|]/g, (c) => SINGLES[c] as string);
}
