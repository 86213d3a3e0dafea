/** Dates as Bulletin writes them: UTC, ISO 8601, never the machine's zone or locale. */

const DAY_MS = 86_400_000;

/** Whether year, month and day name a real calendar day (no 2026-02-30). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function unreadableNow(value: string): Error {
  return new Error(
    `BULLETIN_NOW is "${value}", which is neither an RFC 3339 time with offset (2026-09-01T12:00:00Z) nor Unix seconds; set it to one of those or unset it to use the clock`,
  );
}

/** Parses BULLETIN_NOW (RFC 3339 time or Unix seconds); undefined or empty means the given clock time. */
export function parseNow(value: string | undefined, clock: Date): Date {
  if (value === undefined || value.trim() === '') return clock;
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const d = new Date(Number(v) * 1000);
    if (Number.isNaN(d.getTime())) throw unreadableNow(value);
    return d;
  }
  const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/i;
  const m = rfc3339.exec(v);
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) || Number.isNaN(d.getTime())) {
    throw unreadableNow(value);
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

/** Whole days from `a` until `b`, a part day counting as a day (for "N days left"). */
export function daysUntil(a: Date, b: Date): number {
  return Math.ceil((b.getTime() - a.getTime()) / DAY_MS);
}

/** The wall-clock date and time of an instant in a time zone, as numbers. */
function wallClock(d: Date, timeZone: string): { y: number; m: number; d: number; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/**
 * Working days (Monday to Friday in `timeZone`) that have elapsed from `from` to `to`: the
 * count of k >= 1 where the same wall-clock time k calendar days after `from` has come by `to`
 * and falls on a weekday. Friday 09:00 to Monday 09:00 is one. Stepping by calendar day, not by
 * 24 hours, keeps daylight-saving changes out of the count.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = wallClock(from, timeZone);
  const b = wallClock(to, timeZone);
  const end = `${Date.UTC(b.y, b.m - 1, b.d)}`.padStart(16, '0') + b.time;
  let count = 0;
  for (let k = 1; ; k++) {
    const day = new Date(Date.UTC(a.y, a.m - 1, a.d + k));
    const at = `${day.getTime()}`.padStart(16, '0') + a.time;
    if (at > end) return count;
    const wd = day.getUTCDay();
    if (wd >= 1 && wd <= 5) count++;
  }
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
