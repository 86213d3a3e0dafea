/**
 * The output guard (SPEC rule 1): reads every output file, in every encoding a leak could hide
 * in (HTML entities, JSON escapes, URL encoding), and reports any held-back token found,
 * case-insensitively. Pure: the caller reads and decompresses the files.
 */

export interface OutputFile {
  /** Path inside the output folder. */
  path: string;
  text: string;
}

export interface Leak {
  path: string;
  token: string;
  /** A few characters around the first hit, for the maintainer. */
  context: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', sol: '/', hyphen: '-', dash: '-', period: '.', colon: ':' };

/** Decodes HTML character references (named, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/** Decodes JSON and JavaScript string escapes (\uXXXX, \/, \-). */
export function decodeEscapes(s: string): string {
  return s.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})|\\([/\\-])/gi, (_m, u?: string, x?: string, c?: string) =>
    u ? String.fromCharCode(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16)) : (c as string),
  );
}

/** Decodes %XX sequences, leaving malformed ones as they are. */
export function decodePercent(s: string): string {
  return s.replace(/(%[0-9a-f]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** Every reading of a text a leak could hide in, lower-cased. */
export function readings(text: string): string[] {
  const once = [text, decodeEntities(text), decodeEscapes(text), decodePercent(text)];
  const twice = once.flatMap((t) => [decodeEntities(decodeEscapes(t)), decodePercent(decodeEntities(t))]);
  return [...new Set([...once, ...twice].map((t) => t.toLowerCase()))];
}

const WORD = /[a-z0-9]/;

/**
 * Where a token stands whole in a text: not inside a longer ID (the held-back CVE-2026-4123 is
 * not in the published CVE-2026-41234), or -1.
 */
export function indexOfWhole(text: string, token: string): number {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + token.length] ?? '';
    const edgeOk = (edge: string, tokenEnd: string) => !(WORD.test(tokenEnd) && WORD.test(edge));
    if (edgeOk(before, token[0] ?? '') && edgeOk(after, token[token.length - 1] ?? '')) return at;
  }
  return -1;
}

/** Every held-back token found whole in the output files, case-insensitively. */
export function findLeaks(files: readonly OutputFile[], tokens: readonly string[]): Leak[] {
  const wanted = tokens.map((t) => t.toLowerCase()).filter(Boolean);
  if (!wanted.length) return [];
  const leaks: Leak[] = [];
  for (const file of files) {
    const views = readings(file.text);
    for (const [i, token] of wanted.entries()) {
      const view = views.find((v) => indexOfWhole(v, token) >= 0);
      if (view === undefined) continue;
      const at = indexOfWhole(view, token);
      leaks.push({ path: file.path, token: tokens[i] as string, context: view.slice(Math.max(0, at - 40), at + token.length + 40).replace(/\s+/g, ' ') });
    }
  }
  return leaks;
}
