/**
 * parseYaml reads a JSON text (the lock) with JSON.parse, and any other YAML with the `yaml`
 * package: both roads give the same values, the same findings and the same lines.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml } from '../../src/lib/content/source.ts';

const LOCK = `{
  "lockfile": 1,
  "advisories": {
    "EXA-2026-0001": {
      "1": {
        "sha256": "ab",
        "published": "2026-03-02T09:00:00Z",
        "addresses": ["/advisories/EXA-2026-0001/", "/osv/EXA-2026-0001.json"]
      }
    }
  }
}
`;

describe('parseYaml on a JSON text', () => {
  it.each([
    ['the lock', LOCK],
    ['colons and escaped quotes inside strings', '{"a": "x: \\"y\\": z", "b:c": [1, 2.5, -0.5e3, true, null]}'],
    ['an array at the top', '[{"k": "v"}, [], {}]'],
    ['escapes', '{"s": "tab\\tnew\\nline \\u00e9 \\/ \\\\"}'],
  ])('gives the values the YAML parser gives: %s', (_name, text) => {
    const src = parseYaml({ file: 'x.lock', text });
    expect(src.errors).toEqual([]);
    expect(src.data).toEqual(parse(text));
  });

  it('finds the line of a value, as the YAML parse would', () => {
    const src = parseYaml({ file: 'x.lock', text: LOCK });
    expect(src.lineOf(['advisories', 'EXA-2026-0001', '1', 'published'])).toBe(7);
    expect(src.sourceOf(['advisories', 'EXA-2026-0001', '1', 'sha256'])).toBe('"ab"');
  });

  it.each([
    ['at the top', '{"a": 1,\n "a": 2}', 2],
    ['deep inside', LOCK.replace('"sha256": "ab",', '"sha256": "ab",\n        "sha256": "cd",'), 7],
  ])('reports a key written twice %s, with its line (JSON.parse would keep the last)', (_name, text, line) => {
    const src = parseYaml({ file: 'x.lock', text });
    expect(src.errors).toMatchObject([{ line, message: 'a key appears twice in the same mapping' }]);
  });

  it('reads YAML that only starts like JSON with the YAML parser', () => {
    const src = parseYaml({ file: 'x.yaml', text: '{a: 1}\n' });
    expect(src.errors).toEqual([]);
    expect(src.data).toEqual({ a: 1 });
    expect(parseYaml({ file: 'x.yaml', text: '{"a": 1,}' }).data).toEqual({ a: 1 });
  });
});
