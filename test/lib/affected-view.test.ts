/**
 * The affected view is computed once per front matter, lines, site and instant (the pages and
 * the CSAF document of a revision ask for it with the same ones): asked again, the same view;
 * asked at another instant or with other lines, a view of its own, equal to a fresh computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { affectedView } from '../../src/lib/advisory/affected-view.ts';
import { publishedAdvisories } from '../../src/lib/publication/publication.ts';
import type { Content } from '../../src/lib/content/validate.ts';
import { validateFolder } from '../../src/io/run-validation.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { EXAMPLE_CONTENT } from '../helpers/run.ts';

const NOW = new Date(EXAMPLE_NOW);

describe('affectedView, computed once per inputs', () => {
  let content: Content;
  beforeAll(async () => {
    content = (await validateFolder({ BULLETIN_CONTENT_DIR: EXAMPLE_CONTENT, BULLETIN_NOW: EXAMPLE_NOW })).content!;
  });

  it('gives the same view for the same front matter, site, lines and instant', () => {
    for (const a of publishedAdvisories(content.advisories, NOW)) {
      const first = affectedView(a.current.front, content.site, content.lines, NOW);
      expect(affectedView(a.current.front, content.site, content.lines, new Date(NOW))).toBe(first);
    }
  });

  it.each([
    ['another instant, years later (lines reach their end of life)', () => ({ lines: content.lines, at: new Date('2031-01-01T00:00:00Z') })],
    ['other lines (a copy of the list, with the newest line dropped)', () => ({ lines: content.lines.slice(0, -1), at: NOW })],
  ])('computes a view of its own for %s, as a fresh computation gives it', (_name, inputs) => {
    const { lines, at } = inputs();
    for (const a of publishedAdvisories(content.advisories, NOW)) {
      const before = affectedView(a.current.front, content.site, content.lines, NOW);
      const other = affectedView(a.current.front, content.site, lines, at);
      expect(other).not.toBe(before);
      // A fresh front matter object is never cached: the view computed from scratch.
      expect(other).toEqual(affectedView(structuredClone(a.current.front), content.site, lines, at));
    }
  });
});
