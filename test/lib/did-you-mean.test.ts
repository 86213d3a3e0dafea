/**
 * "Did you mean": a misspelt field or value gets the nearest one the schema allows, when it is
 * close enough to be a typo; anything else keeps the plain advice. Read through the real schemas.
 */
import { describe, expect, it } from 'vitest';
import { advisorySchema } from '../../src/schemas/advisory.ts';
import { didYouMean, keysAt, parseYaml, validateWith } from '../../src/lib/content/source.ts';

describe('didYouMean', () => {
  it.each([
    ['summery', ['summary', 'aliases', 'related'], 'summary'],
    ['alias', ['summary', 'aliases', 'related'], 'aliases'],
    ['witdrawn', ['withdrawn', 'withdrawn_reason'], 'withdrawn'],
    ['CVSS_V31', ['CVSS_V3', 'CVSS_V4'], 'CVSS_V3'],
    ['colour', ['summary', 'aliases', 'related'], undefined],
    ['x', [], undefined],
  ])('%s among %j -> %s', (word, known, expected) => {
    expect(didYouMean(word, known)).toBe(expected);
  });
});

describe('keysAt', () => {
  it('finds the keys of nested objects, through arrays, defaults and optionals', () => {
    expect(keysAt(advisorySchema, [])).toContain('summary');
    expect(keysAt(advisorySchema, ['affected', 0, 'package']).sort()).toEqual(['ecosystem', 'name', 'purl']);
    expect(keysAt(advisorySchema, ['timeline'])).toContain('first_fix_released');
    expect(keysAt(advisorySchema, ['nowhere'])).toEqual([]);
  });
});

describe('a misspelt field or value in an advisory', () => {
  const findings = (yaml: string) => {
    const r = validateWith(advisorySchema, parseYaml({ file: 'content/advisories/EXA-2026-0009.md', text: yaml }));
    return r.ok ? [] : r.findings.map((f) => `${f.line}: ${f.field}: ${f.message} / ${f.fix}`);
  };
  const base = 'id: EXA-2026-0009\nsummary: A title\nrevision:\n  number: 1\n  date: 2026-12-20\n  summary: Initial publication.\n';

  it('names the field meant', () => {
    expect(findings(`${base}timeline:\n  reportd: 2026-12-01\n`)).toEqual([
      '8: timeline.reportd: unknown field "reportd" / did you mean "reported"? Otherwise remove it (see docs/content.md#advisories)',
    ]);
  });

  it('names the value meant', () => {
    expect(findings(`${base}references:\n  - type: ADVISRY\n    url: https://example.org/a\n`)[0]).toMatch(/references\[0\]\.type: is "ADVISRY", which is not allowed \/ did you mean "ADVISORY"\? Use one of: "ADVISORY", /);
  });

  it('reports a misspelt required field once, as the unknown field (not also as the missing one)', () => {
    expect(findings(`${base}references:\n  - typ: ADVISORY\n    url: https://example.org/a\n`)).toEqual([
      '8: references[0].typ: unknown field "typ" / did you mean "type"? Otherwise remove it (see docs/content.md#advisories)',
    ]);
  });

  it('says a required choice is missing, with its choices', () => {
    expect(findings(`${base}references:\n  - url: https://example.org/a\n`)[0]).toMatch(/references\[0\]\.type: is missing \/ add "type", one of "ADVISORY", /);
  });

  it('keeps the plain advice for a word that resembles nothing', () => {
    expect(findings(`${base}colour: blue\n`)).toEqual(['7: colour: unknown field "colour" / remove it, or check its spelling against docs/content.md#advisories']);
  });
});
