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
