/**
 * The support timeline, drawn at build time as an inline SVG string: one bar per release line from
 * its release to the end of its security support, a mark for "now", and each line's status in
 * words beside its bar, so that the picture reads without colour. A line whose end is not a date
 * yet (it ends when more lines ship) runs past "now" with an open, dashed end. Colours come from
 * classes (site.css); no `style` attribute, no script, nothing fetched. The support table beside it
 * is the text version.
 */
import { escapeHtml } from './markdown.ts';
import type { SupportRow } from '../policy/policy.ts';

/** One release line, as the timeline needs it. */
export interface TimelineLine {
  /** "lanternfish 0.13". */
  label: string;
  /** The day its first release shipped, `YYYY-MM-DD`. */
  released: string;
  /** The day its support ends or ended, `YYYY-MM-DD`; none while the end is not a date. */
  end?: string;
  /** A class-safe status: `supported`, `ending-soon`, `end-of-life`. */
  status: string;
  /** The status in words, written beside the bar ("ending soon, until 2026-09-30"). */
  statusText: string;
}

export interface TimelineOptions {
  /** Prefix for the SVG's element IDs, unique on the page. */
  id: string;
  title: string;
  description: string;
  /** The build's "now", `YYYY-MM-DD`. */
  now: string;
  /** IDs of elements that describe the chart further (the support tables). */
  describedBy?: string[];
}

const WIDTH = 720;
const LABEL_W = 150;
const VALUE_W = 230;
const ROW_H = 28;
const BAR_H = 12;
const TOP = 36;
const BOTTOM = 26;
const PLOT_W = WIDTH - LABEL_W - VALUE_W;
const DAY = 86_400_000;

/** Milliseconds of a `YYYY-MM-DD` day at 00:00 UTC. */
function day(text: string): number {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function classOf(s: string): string {
  return s.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'unknown';
}

/** The first days of January and July between two instants: the axis ticks, as `YYYY-MM`. */
export function halfYearTicks(from: number, to: number): string[] {
  const start = new Date(from);
  const ticks: string[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth() < 6 ? 6 : 12; ; m += 6) {
    const t = Date.UTC(y, m, 1);
    if (t > to) break;
    const d = new Date(t);
    ticks.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return ticks;
}

/** The support timeline of `lines`, top to bottom in the given order, as SVG markup. */
export function supportTimeline(lines: readonly TimelineLine[], options: TimelineOptions): string {
  const now = day(options.now);
  const starts = lines.map((l) => day(l.released));
  const ends = lines.flatMap((l) => (l.end ? [day(l.end)] : []));
  // Open ends run a little past now; the axis ends a month after the last thing drawn.
  const openEnd = now + 90 * DAY;
  const from = Math.min(now, ...starts) - 30 * DAY;
  const to = Math.max(openEnd, ...ends) + 30 * DAY;
  const x = (t: number) => LABEL_W + ((t - from) / (to - from)) * PLOT_W;
  const height = TOP + lines.length * ROW_H + BOTTOM;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const describedBy = [descId, ...(options.describedBy ?? [])].join(' ');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart support-timeline" id="${escapeHtml(options.id)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(describedBy)}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(options.title)}</title>`,
    `<desc id="${escapeHtml(descId)}">${escapeHtml(options.description)}</desc>`,
  ];

  // The axis: a tick every half year.
  out.push(`<g class="axis" font-size="11" fill="currentColor">`);
  for (const tick of halfYearTicks(from, to)) {
    const tx = num(x(day(`${tick}-01`)));
    out.push(
      `<line class="grid" x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${TOP + lines.length * ROW_H}" stroke="currentColor" stroke-opacity="0.2"/>`,
      `<text x="${tx}" y="${height - 8}" text-anchor="middle">${tick}</text>`,
    );
  }
  out.push(`</g>`);

  // Now: a solid line across every row, named at its top.
  const nx = num(x(now));
  out.push(
    `<g class="now" font-size="12" fill="currentColor">`,
    `<line x1="${nx}" y1="${TOP - 14}" x2="${nx}" y2="${TOP + lines.length * ROW_H}" stroke="currentColor" stroke-width="2"/>`,
    `<text x="${nx}" y="${TOP - 18}" text-anchor="middle">now (${escapeHtml(options.now)})</text>`,
    `</g>`,
  );

  lines.forEach((l, i) => {
    const top = TOP + i * ROW_H;
    const mid = top + ROW_H / 2;
    const x1 = x(day(l.released));
    const x2 = x(l.end ? day(l.end) : openEnd);
    out.push(`<g class="row line-${classOf(l.status)}" font-size="12" fill="currentColor">`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${num(mid + 4)}" text-anchor="end">${escapeHtml(l.label)}</text>`);
    out.push(`<rect class="bar" x="${num(x1)}" y="${num(mid - BAR_H / 2)}" width="${num(Math.max(x2 - x1, 1))}" height="${BAR_H}" fill="currentColor"/>`);
    if (!l.end) {
      // An end that is not a date yet: a dashed tail, then an arrow.
      out.push(`<path class="open-end" d="M${num(x2)} ${num(mid)} h14 m-5 -5 l5 5 l-5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>`);
    }
    out.push(`<text class="line-status" x="${WIDTH - VALUE_W + 24}" y="${num(mid + 4)}">${escapeHtml(l.statusText)}</text>`);
    out.push(`</g>`);
  });

  out.push(`</svg>`);
  return out.join('');
}

/** The timeline's rows from the support table's rows, with the status in a few words. */
export function timelineOf(rows: readonly Pick<SupportRow, 'package' | 'line' | 'released' | 'status' | 'statusLabel' | 'endDate'>[]): TimelineLine[] {
  return rows.map((r) => ({
    label: `${r.package} ${r.line}`,
    released: r.released,
    end: r.endDate,
    status: r.status,
    statusText:
      r.status === 'end-of-life'
        ? `${r.statusLabel}, ended ${r.endDate ?? ''}`.trim()
        : r.endDate
          ? `${r.statusLabel}, until ${r.endDate}`
          : `${r.statusLabel}, no end date yet`,
  }));
}
