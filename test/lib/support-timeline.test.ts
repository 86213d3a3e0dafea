/**
 * The support timeline: well-formed SVG with an accessible name, one bar per line from release to
 * end, an open end where the end is not a date, "now" marked, the status in words beside each bar
 * (readable without colour), text escaped, and no `style` attribute or script.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { halfYearTicks, supportTimeline, timelineOf, type TimelineLine } from '../../src/lib/text/support-timeline.ts';

const OPTIONS = { id: 'tl', title: 'Support windows', description: 'One bar per line.', now: '2026-09-01', describedBy: ['support-a'] };
const LINES: TimelineLine[] = [
  { label: 'p 0.13', released: '2026-06-01', status: 'supported', statusText: 'Supported, no end date yet' },
  { label: 'p 0.12', released: '2026-01-20', end: '2026-09-30', status: 'ending-soon', statusText: 'Ending soon, until 2026-09-30' },
  { label: 'p 0.10', released: '2025-01-15', end: '2026-01-20', status: 'end-of-life', statusText: 'End of life, ended 2026-01-20' },
];

function svgOf(lines: TimelineLine[], options = OPTIONS): HTMLElement {
  const markup = supportTimeline(lines, options);
  expect(XMLValidator.validate(markup)).toBe(true);
  const svg = parse(markup).querySelector('svg')!;
  const attributes = [svg, ...svg.querySelectorAll('*')].flatMap((e) => Object.keys(e.attributes));
  expect(attributes.filter((a) => a === 'style' || /^on/i.test(a))).toEqual([]);
  expect(svg.querySelectorAll('script')).toHaveLength(0);
  return svg;
}
const bar = (svg: HTMLElement, i: number) => {
  const r = svg.querySelectorAll('g.row')[i]!.querySelector('rect.bar')!;
  return { x1: Number(r.getAttribute('x')), x2: Number(r.getAttribute('x')) + Number(r.getAttribute('width')) };
};
const nowX = (svg: HTMLElement) => Number(svg.querySelector('g.now line')!.getAttribute('x1'));

describe('supportTimeline', () => {
  it('is an image with a title and description, described by the tables too', () => {
    const svg = svgOf(LINES);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-describedby')).toBe('tl-desc support-a');
    expect(svg.querySelector('title')!.text).toBe('Support windows');
  });

  it('writes each line and its status in words, in order', () => {
    const svg = svgOf(LINES);
    expect(svg.querySelectorAll('g.row text.label').map((t) => t.text)).toEqual(['p 0.13', 'p 0.12', 'p 0.10']);
    expect(svg.querySelectorAll('g.row text.line-status').map((t) => t.text)).toEqual(LINES.map((l) => l.statusText));
    expect(svg.querySelectorAll('g.row').map((g) => g.getAttribute('class'))).toEqual(['row line-supported', 'row line-ending-soon', 'row line-end-of-life']);
    expect(svg.querySelector('g.now text')!.text).toBe('now (2026-09-01)');
  });

  it('places bars by date: ended before now, ending after it, open ends past it with an arrow', () => {
    const svg = svgOf(LINES);
    const now = nowX(svg);
    expect(bar(svg, 2).x2).toBeLessThan(now);
    expect(bar(svg, 1).x1).toBeLessThan(now);
    expect(bar(svg, 1).x2).toBeGreaterThan(now);
    expect(bar(svg, 0).x2).toBeGreaterThan(now);
    expect(bar(svg, 2).x1).toBeLessThan(bar(svg, 1).x1);
    expect(svg.querySelectorAll('g.row')[0]!.querySelector('path.open-end')).not.toBeNull();
    expect(svg.querySelectorAll('g.row')[1]!.querySelector('path.open-end')).toBeNull();
  });

  it('escapes what it is given', () => {
    const svg = svgOf([{ ...LINES[0]!, label: '<script>alert(1)</script>', statusText: '"><img src=x onerror=alert(1)>' }], { ...OPTIONS, title: '</title><script>x</script>' });
    expect(svg.querySelector('g.row text.label')!.text).toBe('<script>alert(1)</script>');
    expect(svg.querySelectorAll('script, img')).toHaveLength(0);
  });

  it('draws an empty timeline without failing', () => {
    const svg = svgOf([]);
    expect(svg.querySelectorAll('g.row')).toHaveLength(0);
  });
});

describe('halfYearTicks', () => {
  it.each([
    ['2025-01-15', '2026-03-01', ['2025-07', '2026-01']],
    ['2025-07-01', '2026-07-01', ['2026-01', '2026-07']],
    ['2026-02-01', '2026-05-01', []],
  ])('%s to %s', (from, to, want) => {
    expect(halfYearTicks(Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`))).toEqual(want);
  });
});

describe('timelineOf', () => {
  it('says the status in a few words, with the end date where there is one', () => {
    const rows = timelineOf([
      { package: 'p', line: '0.13', released: '2026-06-01', status: 'supported', statusLabel: 'Supported' },
      { package: 'p', line: '0.14', released: '2026-06-01', status: 'supported', statusLabel: 'Supported', endDate: '2027-01-01' },
      { package: 'p', line: '0.12', released: '2026-01-20', status: 'ending-soon', statusLabel: 'Ending soon', endDate: '2026-09-30' },
      { package: 'p', line: '0.11', released: '2025-07-01', status: 'end-of-life', statusLabel: 'End of life', endDate: '2026-07-31' },
    ]);
    expect(rows.map((r) => `${r.label}: ${r.statusText}`)).toEqual([
      'p 0.13: Supported, no end date yet',
      'p 0.14: Supported, until 2027-01-01',
      'p 0.12: Ending soon, until 2026-09-30',
      'p 0.11: End of life, ended 2026-07-31',
    ]);
  });
});
