/**
 * The one answer to "does this text name a held-back token?", asked by `check` of the sources
 * and by the output guard of the built files (SPEC rule 1). It compares what a reader sees, not
 * the bytes: markup removed (markdown rendered, tags stripped), HTML entities, JSON escapes and
 * percent-encoding decoded, Unicode NFKC, every dash folded to "-", invisible characters (soft
 * hyphen, zero-width space and joiners, word joiner, byte-order mark...) removed, case folded.
 * Tokens still match whole only: CVE-2026-4123 is not in CVE-2026-41234. Pure.
 */
import { renderMarkdown } from '../text/markdown.ts';

/** How a text is written: markdown and YAML sources (rendered before reading), or built output (HTML, XML, JSON, text). */
export type TextFormat = 'source' | 'output';

export interface Mention {
  /** The token as given. */
  token: string;
  /** A few characters around the first hit, as a reader sees them. */
  context: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', sol: '/', hyphen: '-', dash: '-', period: '.', colon: ':', shy: '\u00ad', minus: '\u2212', ndash: '\u2013', mdash: '\u2014', zwj: '\u200d', zwnj: '\u200c' };

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

/** Decodes JSON, JavaScript and YAML string escapes (\uXXXX, \xXX, \/, \-). */
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

// Inline tags vanish (EXA-<em>2026</em>-0099 reads EXA-2026-0099); any other tag separates words.
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var', 'wbr', 'time', 'data']);
const TAG = /<\/?([a-z][a-z0-9-]*)\b[^<>]*>/gi;

/** Removes markup tags as a reader would not see them. */
export function stripTags(s: string): string {
  return s.replace(TAG, (_m, name: string) => (INLINE.has(name.toLowerCase()) ? '' : ' '));
}

const DASHES = /[\p{Pd}\u2212\u2043\u02d7\u2796\ufe63\uff0d]/gu;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

const NON_ASCII = /[^\x00-\x7f]/;
// A run of non-ASCII characters with the character before it. ASCII characters are unchanged by
// NFKC, are neither dashes (but "-" itself) nor invisible, and never combine with what precedes
// them, so folding only these runs (the one before may take a combining mark) folds the whole text.
const SEGMENT = /[\x00-\x7f]?[^\x00-\x7f]+/g;

function foldSegment(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-');
}

function normalizeSegment(s: string): string {
  return s.normalize('NFKC');
}

function foldWhole(s: string): string {
  return foldSegment(s).toLowerCase().normalize('NFKC');
}

// A text with more non-ASCII runs than one per this many characters (bytes that are not text,
// such as the search index's binary chunks read as UTF-8) is folded whole: one call per run then
// costs more than normalizing the ASCII in between. Both give the same result.
const DENSE = 64;

/** Whether `s` holds more than one non-ASCII run per DENSE characters; stops counting once it does. */
function dense(s: string): boolean {
  const limit = s.length / DENSE;
  const runs = /[^\x00-\x7f]+/g;
  let n = 0;
  while (runs.exec(s)) if (++n > limit) return true;
  return false;
}

/** Folds a text as a reader sees it: NFKC, dashes to "-", invisible characters removed, lower case (then NFKC again). */
export function fold(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  if (dense(s)) return foldWhole(s);
  // Lower case is applied to the whole text: it depends on context (a final sigma).
  const lower = s.replace(SEGMENT, foldSegment).toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(SEGMENT, normalizeSegment) : lower;
}

/** Every reading of a text a mention could hide in: decoded once and twice, with and without tags, folded. */
export function readings(text: string, format: TextFormat = 'output'): string[] {
  // Each decoder only changes a text holding its marker: skipping it otherwise gives the same readings, faster.
  const entities = (t: string) => (t.includes('&') ? decodeEntities(t) : t);
  const escapes = (t: string) => (t.includes('\\') ? decodeEscapes(t) : t);
  const percent = (t: string) => (t.includes('%') ? decodePercent(t) : t);
  const tags = (t: string) => (t.includes('<') ? entities(stripTags(t)) : entities(t));
  const base = format === 'source' ? [text, renderMarkdown(text)] : [text];
  const once = base.flatMap((t) => [t, entities(t), escapes(t), percent(t)]);
  const twice = once.flatMap((t) => [entities(escapes(t)), percent(entities(t))]);
  const decoded = [...new Set([...once, ...twice])];
  return [...new Set([...new Set([...decoded, ...decoded.map(tags)])].map(fold))];
}

const WORD = /[\p{L}\p{N}]/u;

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

/** Tokens folded once and indexed by an anchor: one run of letters and digits each holds (see `compile`). */
interface CompiledTokens {
  wanted: { token: string; folded: string }[];
  /** Anchor run -> indexes into `wanted`. */
  byAnchor: Map<string, number[]>;
  /** Tokens with no letter or digit: always searched. */
  unanchored: number[];
  /** Every anchor, longest first, as one search; undefined when there is none. */
  anchors: RegExp | undefined;
}

// Runs of letters and digits as `indexOfWhole` sees word characters: one UTF-16 unit each, so a
// character outside the BMP (two units, neither a word character there) ends a run.
const RUN = /(?:(?![\u{10000}-\u{10FFFF}])[\p{L}\p{N}])+/gu;
const compiled = new WeakMap<readonly string[], CompiledTokens>();

/**
 * Folds and indexes a token list once (the guard asks about thousands of files with the same
 * list). The anchor is one run of the token's letters and digits (one with a digit, and the
 * longest, where there is a choice). A token found whole holds its anchor as a whole run of letters and digits in the text:
 * the anchor is bounded inside the token by non-letters, and at the token's edges by the
 * whole-token rule. So a text is only searched for the tokens whose anchor it holds.
 */
function compile(tokens: readonly string[]): CompiledTokens {
  let c = compiled.get(tokens);
  if (c) return c;
  const wanted = tokens.filter(Boolean).map((token) => ({ token, folded: fold(token) }));
  const byAnchor = new Map<string, number[]>();
  const unanchored: number[] = [];
  wanted.forEach(({ folded }, i) => {
    // Runs with a digit are rarer in a page than words ("00999" rather than "advisories"), so fewer texts are searched for the token.
    const rank = (r: string) => (/\d/.test(r) ? 1000 : 0) + r.length;
    const anchor = (folded.match(RUN) ?? []).reduce<string | undefined>((a, r) => (a === undefined || rank(r) >= rank(a) ? r : a), undefined);
    if (anchor === undefined) unanchored.push(i);
    else byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), i]);
  });
  // Longest first: where anchors overlap, the one that can stand whole at a place is tried first.
  const sorted = [...byAnchor.keys()].sort((a, b) => b.length - a.length);
  const anchors = sorted.length ? new RegExp(sorted.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  c = { wanted, byAnchor, unanchored, anchors };
  compiled.set(tokens, c);
  return c;
}

/**
 * The indexes of the tokens a view may name: those whose anchor it holds as a whole run (an
 * anchor found with no letter or digit on either side), and the unanchored. Searching for the
 * anchors, rather than listing every run of the view, costs a scan per view, not a string per word.
 */
function candidates(view: string, c: CompiledTokens): Set<number> {
  const found = new Set<number>(c.unanchored);
  const search = c.anchors;
  if (!search) return found;
  search.lastIndex = 0;
  for (let m = search.exec(view); m; m = search.exec(view)) {
    const end = m.index + m[0].length;
    // A run holds an anchor whole only where the anchor is the whole run; a match cut out of a
    // longer run cannot be, and any run that could be starts after this one (letters only here).
    if (WORD.test(view[m.index - 1] ?? '') || WORD.test(view[end] ?? '')) continue;
    for (const i of c.byAnchor.get(m[0]) ?? []) found.add(i);
  }
  return found;
}

/** The held-back tokens a text names, as a reader would see them, whole. */
export function findMentions(text: string, tokens: readonly string[], format: TextFormat): Mention[] {
  const c = compile(tokens);
  if (!c.wanted.length || !text) return [];
  const views = readings(text, format).map((view) => ({ view, maybe: candidates(view, c) }));
  const found: Mention[] = [];
  c.wanted.forEach(({ token, folded }, i) => {
    for (const { view, maybe } of views) {
      if (!maybe.has(i)) continue;
      const at = indexOfWhole(view, folded);
      if (at < 0) continue;
      found.push({ token, context: view.slice(Math.max(0, at - 40), at + folded.length + 40).replace(/\s+/g, ' ').trim() });
      break;
    }
  });
  return found;
}
