/** The one function that decides whether a text names a held-back token, for check and the guard alike. */
import { describe, expect, it } from 'vitest';
import { findMentions, fold } from '../../src/lib/publication/mentions.ts';
import { renderMarkdown } from '../../src/lib/text/markdown.ts';
import { HELD, NOT_SPELLINGS, SPELLINGS } from '../helpers/spellings.ts';

const TOKENS = [HELD, '/advisories/EXA-2026-0001/v3/'];

describe('findMentions', () => {
  it.each(SPELLINGS)('finds %s in a source', (_name, markdown) => {
    expect(findMentions(`See ${markdown} soon.`, TOKENS, 'source').map((m) => m.token)).toEqual([HELD]);
  });

  it.each(SPELLINGS)('finds %s in built HTML', (_name, markdown) => {
    expect(findMentions(`<main>${renderMarkdown(`See ${markdown} soon.`)}</main>`, TOKENS, 'output').map((m) => m.token)).toEqual([HELD]);
  });

  it.each(SPELLINGS)('finds %s in a feed (HTML inside XML)', (_name, markdown) => {
    const xml = renderMarkdown(markdown).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(findMentions(`<description>${xml}</description>`, TOKENS, 'output').map((m) => m.token)).toEqual([HELD]);
  });

  it.each(NOT_SPELLINGS)('does not find %s', (_name, markdown) => {
    expect(findMentions(`See ${markdown} soon.`, TOKENS, 'source')).toEqual([]);
    expect(findMentions(renderMarkdown(`See ${markdown} soon.`), TOKENS, 'output')).toEqual([]);
  });

  it('shows the context as a reader sees it', () => {
    expect(findMentions('Watch EXA\u20132026\u2013*0099* closely', TOKENS, 'source')[0]!.context).toBe('watch exa-2026-0099 closely');
  });

  it('finds a held-back address spelled with look-alike dashes', () => {
    expect(findMentions('<a href="/advisories/EXA\u20112026-0001/v3/">', TOKENS, 'output').map((m) => m.token)).toEqual(['/advisories/EXA-2026-0001/v3/']);
  });

  it('folds dashes, invisible characters, width and case', () => {
    expect(fold('\uff25XA\u2013\u00ad2026\u200b\u2212x')).toBe('exa-2026-x');
  });
});

describe('fold, folding only the non-ASCII runs, or the whole text where they are dense', () => {
  // The definition: the whole text through NFKC, invisible characters out, dashes to "-", lower case, NFKC again.
  const whole = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
      .replace(/[\p{Pd}\u2212\u2043\u02d7\u2796\ufe63\uff0d]/gu, '-')
      .toLowerCase()
      .normalize('NFKC');
  it.each([
    ['plain ASCII', 'EXA-2026-0099 <b>Lanternfish</b>'],
    ['a combining accent after an ASCII letter', 'Cafe\u0301 EXA-2026-0099'],
    ['fullwidth letters and digits', '\uff25\uff38\uff21-\uff12\uff10\uff12\uff16'],
    ['a soft hyphen and a zero-width space', 'EXA\u00ad-2026\u200b-0099'],
    ['an en dash, a minus and a fullwidth hyphen', 'EXA\u20132026\u22120099\uff0dx'],
    ['a final sigma before ASCII', '\u039f\u0394\u039f\u03a3 and \u039f\u0394\u039f\u03a3A'],
    ['a ligature and a superscript', '\ufb01x CVE\u00b2'],
    ['Hangul jamo that compose', '\u1100\u1161 a\u1100\u1161b'],
    ['an astral letter', 'x\u{1d400}y EXA'],
    ['a dotted capital I', '\u0130stanbul EXA'],
    // Dense enough to be folded whole (more than one non-ASCII run per 64 characters).
    ['bytes that are not text', 'EXA\ufffd\u00ad-\u20132026\uff10\u0301x\u03a3 \ufb01'.repeat(50)],
  ])('gives what folding the whole text gives: %s', (_name, text) => {
    expect(fold(text)).toBe(whole(text));
    // With ASCII around it, a text is sparse (under one non-ASCII run per 64 characters) and folded run by run.
    const padding = 'x '.repeat(32 * (text.length + 1));
    const sparse = `${padding}${text} ${padding}`;
    expect(fold(sparse)).toBe(whole(sparse));
  });
});

describe('anchors', () => {
  it('finds an address whose longest word is common, by the run with a digit', () => {
    const page = `<a href="/advisories/">advisories</a> <loc>https://x.example/advisories/EXA-2026-0001/v3/</loc>`;
    expect(findMentions(page, TOKENS, 'output').map((m) => m.token)).toEqual(['/advisories/EXA-2026-0001/v3/']);
    expect(findMentions('<a href="/advisories/EXA-2026-0001/v2/">advisories</a>', TOKENS, 'output')).toEqual([]);
  });
});
