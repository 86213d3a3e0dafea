/**
 * The response-time chart: well-formed SVG with an accessible name, one bar per known duration,
 * no bar (and words) where the duration is not known, the target marked, text escaped, and no
 * `style` attribute or script.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { axisMax, responseChart, type ChartRecord } from '../../src/lib/text/response-chart.ts';

const OPTIONS = { id: 'chart', title: 'Days to fix', description: 'One bar per advisory.', describedBy: ['record-table'] };

function svgOf(records: ChartRecord[]): HTMLElement {
  const markup = responseChart(records, OPTIONS);
  expect(XMLValidator.validate(markup)).toBe(true);
  return parse(markup).querySelector('svg')!;
}

const rows = (svg: HTMLElement) => svg.querySelectorAll('g.row');
const texts = (el: HTMLElement, selector: string) => el.querySelectorAll(selector).map((t) => t.text);

describe('responseChart', () => {
  it('is an image with a title and description, described by the table too', () => {
    const svg = svgOf([{ label: 'EXA-2026-0001', days: 6, target: 7, outcome: 'met' }]);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('chart-title');
    expect(svg.getAttribute('aria-describedby')).toBe('chart-desc record-table');
    expect(svg.querySelector('title#chart-title')!.text).toBe('Days to fix');
    expect(svg.querySelector('desc#chart-desc')!.text).toBe('One bar per advisory.');
  });

  it('draws one bar per known duration, labelled with the days and the outcome', () => {
    const svg = svgOf([
      { label: 'EXA-2026-0001', days: 6, target: 7, outcome: 'met', outcomeText: 'met' },
      { label: 'GHSA-7q4m-2x9v-c3hf', days: 15, target: 14, outcome: 'missed', outcomeText: 'missed' },
      { label: 'EXA-2026-0003', days: 1, outcome: 'no-target', outcomeText: 'no target' },
    ]);
    expect(rows(svg).map((g) => g.getAttribute('class'))).toEqual(['row outcome-met', 'row outcome-missed', 'row outcome-no-target']);
    expect(texts(svg, 'g.row text.label')).toEqual(['EXA-2026-0001', 'GHSA-7q4m-2x9v-c3hf', 'EXA-2026-0003']);
    expect(texts(svg, 'g.row text.days')).toEqual(['6 days (met)', '15 days (missed)', '1 day (no target)']);
    const widths = rows(svg).map((g) => Number(g.querySelector('rect.bar')!.getAttribute('width')));
    // Bars are proportional to the days: 15 days is 2.5 times 6 days.
    expect(widths[1]! / widths[0]!).toBeCloseTo(2.5, 5);
    // Targets are marked on the rows that have one, and only there.
    expect(rows(svg).map((g) => g.querySelectorAll('line.target').length)).toEqual([1, 1, 0]);
  });

  it('draws no bar for an unknown duration, and says so in words, never as zero', () => {
    const svg = svgOf([
      { label: 'EXA-2026-0009', target: 7, outcome: 'unknown' },
      { label: 'EXA-2026-0010', target: 14, outcome: 'open', outcomeText: 'open', missingText: 'no fix yet' },
      { label: 'EXA-2026-0011', days: 0, target: 7, outcome: 'met' },
    ]);
    const [unknown, open, zero] = rows(svg);
    expect(unknown!.querySelector('rect.bar')).toBeNull();
    expect(unknown!.querySelector('text.missing')!.text).toBe('not known');
    expect(open!.querySelector('rect.bar')).toBeNull();
    expect(open!.querySelector('text.missing')!.text).toBe('no fix yet (open)');
    // A real zero is a duration: it gets a (hairline) bar and "0 days".
    expect(zero!.querySelector('rect.bar')).not.toBeNull();
    expect(zero!.querySelector('text.days')!.text).toBe('0 days');
  });

  it('escapes text and carries no style attribute, script or foreign reference', () => {
    const markup = responseChart([{ label: '<script>alert(1)</script>', days: 3, outcome: 'met" onload="x' }], {
      ...OPTIONS,
      title: 'a <b> & "c"',
    });
    expect(XMLValidator.validate(markup)).toBe(true);
    const svg = parse(markup).querySelector('svg')!;
    expect(svg.querySelectorAll('script')).toEqual([]);
    // The parser decodes entities: the text reads literally, and no element came of it.
    expect(svg.querySelector('text.label')!.text).toBe('<script>alert(1)</script>');
    expect(svg.querySelector('title')!.text).toBe('a <b> & "c"');
    const all = [svg, ...svg.querySelectorAll('*')];
    expect(all.flatMap((el) => Object.keys(el.attributes)).filter((a) => a === 'style' || a.startsWith('on'))).toEqual([]);
    expect(all.flatMap((el) => Object.values(el.attributes)).filter((v) => /(?:https?:)?\/\/(?!www\.w3\.org\/2000\/svg)/.test(v))).toEqual([]);
    // An outcome that is not a plain word becomes a safe class name.
    expect(svg.querySelector('g.row')!.getAttribute('class')).toBe('row outcome-metonloadx');
  });

  it('is the same for the same records (reproducible builds)', () => {
    // 1 day on a 15-day axis is a fraction of the plot's width: written with two decimals at most.
    const records: ChartRecord[] = [{ label: 'A', days: 1, target: 14, outcome: 'met' }];
    expect(responseChart(records, OPTIONS)).toBe(responseChart(records, OPTIONS));
    expect(responseChart(records, OPTIONS)).not.toMatch(/\d\.\d{3,}/);
  });

  it('draws an empty record as axes only', () => {
    const svg = svgOf([]);
    expect(rows(svg)).toEqual([]);
  });
});

describe('axisMax', () => {
  it.each([
    [[], 1],
    [[{ days: 6, target: 7 }], 8],
    [[{ days: 15, target: 14 }], 15],
    [[{ days: 13 }], 15],
    [[{ days: 45, target: 30 }], 50],
    [[{ days: 400 }], 400],
    [[{ days: undefined, target: 30 }], 30],
  ] as [Partial<ChartRecord>[], number][])('%j -> %d', (records, max) => {
    expect(axisMax(records.map((r) => ({ label: 'x', outcome: 'met', ...r })))).toBe(max);
  });
});
