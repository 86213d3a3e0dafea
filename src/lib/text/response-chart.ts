/**
 * The response-time chart, drawn at build time as an inline SVG string: one horizontal bar of
 * days per advisory, the target marked on its row. A record whose days are not known gets no
 * bar and a label saying so, never a zero-length bar. Colours come from classes (site.css) over
 * plain presentation attributes; no `style` attribute, no script, nothing fetched.
 */
import { escapeHtml } from './markdown.ts';

/** One advisory's record, as the chart needs it. */
export interface ChartRecord {
  /** The row's label (the advisory ID). */
  label: string;
  /** Days on the clock, or undefined when not known. */
  days?: number;
  /** The target in days, or undefined when there is none. */
  target?: number;
  /** A class-safe outcome name (`met`, `missed`, `open`, ...), used for the bar's class. */
  outcome: string;
  /** The outcome in words ("met", "missed", "no target"), written after the days. */
  outcomeText?: string;
  /** What to write where there is no bar ("not known", "no fix yet"); default "not known". */
  missingText?: string;
}

export interface ChartOptions {
  /** Prefix for the SVG's element IDs, unique on the page. */
  id: string;
  /** The chart's accessible name. */
  title: string;
  /** A one-paragraph description; the table named by `describedBy` carries the numbers. */
  description: string;
  /** IDs of elements that describe the chart further (the record's table). */
  describedBy?: string[];
}

const WIDTH = 640;
const LABEL_W = 170;
const VALUE_W = 150;
const ROW_H = 28;
const BAR_H = 14;
const TOP = 34;
const BOTTOM = 26;
const PLOT_W = WIDTH - LABEL_W - VALUE_W;

/** A number for an attribute: at most two decimals, no trailing zeros, never locale-dependent. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The axis maximum: the largest value rounded up to a readable step, at least 1. */
export function axisMax(records: readonly ChartRecord[]): number {
  const values = records.flatMap((r) => [drawable(r.days), drawable(r.target)]).filter((v): v is number => v !== undefined);
  const max = Math.max(1, ...values);
  const step = axisStep(max);
  return Math.ceil(max / step) * step;
}

function axisStep(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) if (max / s <= 6) return s;
  return 10 ** Math.ceil(Math.log10(max / 6));
}

/** A count of days the chart can draw, or undefined. */
function drawable(n: number | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function classOf(outcome: string): string {
  return outcome.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'unknown';
}

function plural(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The response-time chart of `records`, top to bottom in the given order, as SVG markup. */
export function responseChart(records: readonly ChartRecord[], options: ChartOptions): string {
  const max = axisMax(records);
  const step = axisStep(max);
  const x = (days: number) => LABEL_W + (Math.max(0, days) / max) * PLOT_W;
  const height = TOP + records.length * ROW_H + BOTTOM;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const describedBy = [descId, ...(options.describedBy ?? [])].join(' ');
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart response-chart" id="${escapeHtml(options.id)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(describedBy)}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(options.title)}</title>`,
    `<desc id="${escapeHtml(descId)}">${escapeHtml(options.description)}</desc>`,
  );

  // Legend: what a bar and the target mark mean.
  out.push(
    `<g class="legend" font-size="12" fill="currentColor">`,
    `<rect class="legend-bar" x="${LABEL_W}" y="8" width="18" height="10" fill="currentColor" fill-opacity="0.6"/>`,
    `<text x="${LABEL_W + 24}" y="17">days to fix</text>`,
    `<line class="target" x1="${LABEL_W + 120}" y1="6" x2="${LABEL_W + 120}" y2="20" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>`,
    `<text x="${LABEL_W + 128}" y="17">target</text>`,
    `</g>`,
  );

  // Grid lines and the day scale.
  out.push(`<g class="axis" font-size="11" fill="currentColor" stroke-width="1">`);
  for (let d = 0; d <= max; d += step) {
    const gx = num(x(d));
    out.push(
      `<line class="grid" x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${TOP + records.length * ROW_H}" stroke="currentColor" stroke-opacity="0.2"/>`,
      `<text x="${gx}" y="${height - 8}" text-anchor="middle">${d}</text>`,
    );
  }
  out.push(`<text x="${LABEL_W - 8}" y="${height - 8}" text-anchor="end">days</text>`, `</g>`);

  records.forEach((r, i) => {
    const top = TOP + i * ROW_H;
    const mid = top + ROW_H / 2;
    const days = drawable(r.days);
    const target = drawable(r.target);
    const suffix = r.outcomeText ? ` (${r.outcomeText})` : '';
    out.push(`<g class="row outcome-${classOf(r.outcome)}" font-size="12" fill="currentColor">`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${num(mid + 4)}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    if (days !== undefined) {
      const end = x(days);
      // The words go after the bar and after the target mark, so the mark never crosses them.
      const textX = Math.max(end, LABEL_W + 1, target !== undefined ? x(target) + 2 : 0) + 6;
      // A bar of 0 days is drawn as a hairline so it still reads as "0", not as "missing".
      out.push(
        `<rect class="bar" x="${LABEL_W}" y="${num(mid - BAR_H / 2)}" width="${num(Math.max(end - LABEL_W, 1))}" height="${BAR_H}" fill="currentColor"/>`,
        `<text class="days" x="${num(textX)}" y="${num(mid + 4)}">${escapeHtml(plural(days) + suffix)}</text>`,
      );
    } else {
      out.push(`<text class="days missing" x="${LABEL_W + 6}" y="${num(mid + 4)}" font-style="italic">${escapeHtml((r.missingText ?? 'not known') + suffix)}</text>`);
    }
    if (target !== undefined) {
      const tx = num(x(target));
      out.push(`<line class="target" x1="${tx}" y1="${top + 3}" x2="${tx}" y2="${top + ROW_H - 3}" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>`);
    }
    out.push(`</g>`);
  });

  out.push(`</svg>`);
  return out.join('');
}
