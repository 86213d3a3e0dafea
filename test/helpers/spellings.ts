/**
 * Spellings of one held-back ID that a reader reads as the ID (SPEC rule 1, issue #10 item 1):
 * markup inside, every dash, every invisible character, entities, percent-encoding, escapes,
 * case and width. Each row: a name and the markdown a maintainer could write.
 */
export const HELD = 'EXA-2026-0099';

export const SPELLINGS: [name: string, markdown: string][] = [
  ['plain', 'EXA-2026-0099'],
  ['lower case', 'exa-2026-0099'],
  ['mixed case', 'Exa-2026-0099'],
  ['emphasis inside', 'EXA-2026-*0099*'],
  ['strong emphasis inside', 'EXA-**2026**-0099'],
  ['underscore emphasis inside', 'EXA-2026-_0099_'],
  ['a code span inside', '`EXA`-2026-0099'],
  ['a link around part', '[EXA-2026](https://example.org/)-0099'],
  ['a markdown escape', 'EXA\\-2026\\-0099'],
  ['hyphen U+2010', 'EXA\u20102026\u20100099'],
  ['non-breaking hyphen U+2011', 'EXA\u20112026\u20110099'],
  ['figure dash U+2012', 'EXA\u20122026\u20120099'],
  ['en dash U+2013', 'EXA\u20132026\u20130099'],
  ['em dash U+2014', 'EXA\u20142026\u20140099'],
  ['horizontal bar U+2015', 'EXA\u20152026\u20150099'],
  ['minus sign U+2212', 'EXA\u22122026\u22120099'],
  ['small hyphen-minus U+FE63', 'EXA\ufe632026\ufe630099'],
  ['fullwidth hyphen-minus U+FF0D', 'EXA\uff0d2026\uff0d0099'],
  ['soft hyphen U+00AD', 'EXA-20\u00ad26-0099'],
  ['zero-width space U+200B', 'EXA-2026-\u200b0099'],
  ['zero-width non-joiner U+200C', 'EX\u200cA-2026-0099'],
  ['zero-width joiner U+200D', 'EXA-2026-00\u200d99'],
  ['word joiner U+2060', 'EXA\u2060-2026-0099'],
  ['byte-order mark U+FEFF', 'EXA-2026\ufeff-0099'],
  ['combining grapheme joiner U+034F', 'EXA-2026-0\u034f099'],
  ['a decimal entity', 'EXA&#45;2026&#45;0099'],
  ['a hex entity', '&#x45;XA-2026-0099'],
  ['a named entity', 'EXA&hyphen;2026&dash;0099'],
  ['a soft-hyphen entity', 'EXA-2026-&shy;0099'],
  ['percent-encoding', 'https://example.org/EXA%2D2026%2D0099'],
  ['fullwidth letters', '\uff25\uff38\uff21-\uff12\uff10\uff12\uff16-\uff10\uff10\uff19\uff19'],
];

/** Spellings that are not the held-back ID: a longer ID, another number. */
export const NOT_SPELLINGS: [name: string, markdown: string][] = [
  ['a longer ID', 'EXA-2026-00991'],
  ['a letter after it', 'EXA-2026-0099a'],
  ['a shorter number', 'EXA-2026-009'],
  ['another separator', 'EXA_2026_0099'],
  ['a space inside', 'EXA 2026-0099'],
];
