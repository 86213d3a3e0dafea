/** Dates as Bulletin writes them: UTC, ISO 8601, never the machine's zone or locale. */

const DAY_MS = 86_400_000;

/** Parses BULLETIN_NOW (RFC 3339 time or Unix seconds); undefined or empty means the given clock time. */
export function parseNow(value: string | undefined, clock: Date): Date {
  if (value === undefined || value.trim() === '') return clock;
  const v = value.trim();
  if (/^\d+$/.test(v)) return new Date(Number(v) * 1000);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (!rfc3339.test(v) || Number.isNaN(d.getTime())) {
    throw new Error(
      `BULLETIN_NOW is "${value}", which is neither an RFC 3339 time with offset (2026-09-01T12:00:00Z) nor Unix seconds; set it to one of those or unset it to use the clock`,
    );
  }
  return d;
}

/** `2026-09-01`: the UTC calendar day of an instant. */
export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `1 September 2026`: a day for readers, in English, in UTC. */
export function formatLongDate(d: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** `2026-09-01T12:00:00Z`: an instant without milliseconds. */
export function formatDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Whole days from `a` to `b` (negative when b is earlier), rounded down. */
export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY_MS);
}

/** The instant `days` calendar days after `d`. */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** The day of the week (0 Sunday .. 6 Saturday) of an instant, in a time zone. */
function weekdayIn(d: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(d);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/** Working days (Monday to Friday in `timeZone`) that start after `from` and end by `to`. */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  let count = 0;
  for (let t = from.getTime() + DAY_MS; t <= to.getTime(); t += DAY_MS) {
    const wd = weekdayIn(new Date(t), timeZone);
    if (wd >= 1 && wd <= 5) count++;
  }
  return count;
}
