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
