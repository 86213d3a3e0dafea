import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, formatDateTime, formatLongDate, parseNow, workingDaysBetween } from '../../src/lib/common/dates.ts';

const at = (iso: string) => new Date(iso);
// A fixed "clock" for the cases that fall back to it; nothing here reads the real one.
const CLOCK = at('2030-01-02T03:04:05Z');

/** The message parseNow gives for a value it cannot read. */
const unreadable = (value: string) =>
  `BULLETIN_NOW is "${value}", which is neither an RFC 3339 time with offset (2026-09-01T12:00:00Z) nor Unix seconds; set it to one of those or unset it to use the clock`;

describe('parseNow', () => {
  it.each<[string, string]>([
    ['2026-09-01T12:00:00Z', '2026-09-01T12:00:00.000Z'],
    ['2026-09-01T14:00:00+02:00', '2026-09-01T12:00:00.000Z'],
    ['2026-09-01T07:30:00-04:30', '2026-09-01T12:00:00.000Z'],
    ['2026-09-02T02:00:00+14:00', '2026-09-01T12:00:00.000Z'],
    ['2026-09-01T12:00:00+00:00', '2026-09-01T12:00:00.000Z'],
    ['2026-09-01T12:00:00.5Z', '2026-09-01T12:00:00.500Z'],
    ['2026-09-01T12:00:00.123Z', '2026-09-01T12:00:00.123Z'],
    // RFC 3339 (section 5.6) allows lower-case t and z, and a space for T.
    ['2026-09-01t12:00:00z', '2026-09-01T12:00:00.000Z'],
    ['2026-09-01 12:00:00Z', '2026-09-01T12:00:00.000Z'],
    // Unix seconds: 20 697 days from 1970-01-01 to 2026-09-01, times 86 400, plus 12 hours.
    ['1788264000', '2026-09-01T12:00:00.000Z'],
    ['1788220800', '2026-09-01T00:00:00.000Z'],
    ['0', '1970-01-01T00:00:00.000Z'],
    // A bare date means 00:00:00Z of that day.
    ['2026-09-01', '2026-09-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['  2026-09-01T12:00:00Z\n', '2026-09-01T12:00:00.000Z'],
  ])('%j is %s', (value, iso) => {
    expect(parseNow(value, CLOCK).toISOString()).toBe(iso);
  });

  it.each<[string, string | undefined]>([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '  \t'],
  ])('%s means the clock it is given', (_title, value) => {
    expect(parseNow(value, CLOCK)).toBe(CLOCK);
  });

  it.each<[string, string]>([
    ['a word', 'tomorrow'],
    ['a time without an offset (it would depend on the machine zone)', '2026-09-01T12:00:00'],
    ['an offset without a colon', '2026-09-01T12:00:00+0200'],
    ['a day-first date', '01/09/2026'],
    ['negative seconds', '-1'],
    ['fractional seconds', '1788264000.5'],
    ['seconds in exponent form', '1.7e9'],
    ['month 13', '2026-13-01'],
    // Not real calendar days or times: JavaScript's Date rolls these over to another day.
    ['30 February', '2026-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['31 September with a time', '2026-09-31T00:00:00Z'],
    ['hour 24', '2026-09-01T24:00:00Z'],
    // Beyond the last instant a Date can hold (8.64e15 ms): it must not become an Invalid Date.
    ['seconds out of range', '99999999999999'],
  ])('rejects %s (%j), naming BULLETIN_NOW', (_title, value) => {
    expect(() => parseNow(value, CLOCK)).toThrow(new Error(unreadable(value)));
  });

  it('says what is wrong and what to do', () => {
    expect(() => parseNow('next tuesday', CLOCK)).toThrowErrorMatchingInlineSnapshot(
      `[Error: BULLETIN_NOW is "next tuesday", which is neither an RFC 3339 time with offset (2026-09-01T12:00:00Z) nor Unix seconds; set it to one of those or unset it to use the clock]`,
    );
  });
});

describe('formatting, whatever the machine time zone', () => {
  // The process zone is switched for each block; the guard proves the switch took effect, so
  // the format cases really run in a zone where the local day differs from the UTC day.
  const saved = process.env.TZ;
  describe.each<[string, number]>([
    ['UTC', 0],
    ['Pacific/Kiritimati', -840],
    ['America/Los_Angeles', 420],
  ])('TZ=%s', (tz, offsetMinutes) => {
    beforeAll(() => {
      process.env.TZ = tz;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('runs in that zone', () => {
      expect(at('2026-09-01T12:00:00Z').getTimezoneOffset()).toBe(offsetMinutes);
    });

    it.each<[string, string, string, string]>([
      ['2026-09-01T12:00:00Z', '2026-09-01', '2026-09-01T12:00:00Z', '1 September 2026'],
      ['2026-09-01T00:00:00Z', '2026-09-01', '2026-09-01T00:00:00Z', '1 September 2026'],
      ['2026-09-01T23:59:59Z', '2026-09-01', '2026-09-01T23:59:59Z', '1 September 2026'],
      // Milliseconds are dropped, not rounded.
      ['2026-01-05T00:00:00.999Z', '2026-01-05', '2026-01-05T00:00:00Z', '5 January 2026'],
      // An instant written with an offset is shown in UTC: 23:30 at -02:00 is 01:30Z the next day.
      ['2026-12-31T23:30:00-02:00', '2027-01-01', '2027-01-01T01:30:00Z', '1 January 2027'],
      ['1999-12-31T23:59:59Z', '1999-12-31', '1999-12-31T23:59:59Z', '31 December 1999'],
      ['2024-02-29T10:00:00Z', '2024-02-29', '2024-02-29T10:00:00Z', '29 February 2024'],
    ])('%s', (iso, date, dateTime, longDate) => {
      const d = at(iso);
      expect([formatDate(d), formatDateTime(d), formatLongDate(d)]).toEqual([date, dateTime, longDate]);
    });
  });
});

describe('daysBetween and addDays', () => {
  it.each<[string, string, number]>([
    ['2026-09-01T00:00:00Z', '2026-09-30T00:00:00Z', 29],
    ['2026-09-01T12:00:00Z', '2026-09-30T00:00:00Z', 28],
    ['2026-09-01T00:00:00Z', '2026-09-01T23:59:59Z', 0],
    ['2026-06-01T00:00:00Z', '2026-07-31T00:00:00Z', 60],
    ['2026-12-31T00:00:00Z', '2027-01-01T00:00:00Z', 1],
    ['2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z', 2],
    // Negative when b is earlier, rounded down: half a day back is -1.
    ['2026-09-30T00:00:00Z', '2026-09-01T00:00:00Z', -29],
    ['2026-09-01T12:00:00Z', '2026-09-01T00:00:00Z', -1],
  ])('from %s to %s: %i', (a, b, days) => {
    expect(daysBetween(at(a), at(b))).toBe(days);
  });

  it.each<[string, number, string]>([
    ['2026-09-01T12:00:00Z', 29, '2026-09-30T12:00:00.000Z'],
    ['2026-09-01T00:00:00Z', -1, '2026-08-31T00:00:00.000Z'],
    ['2026-12-31T00:00:00Z', 1, '2027-01-01T00:00:00.000Z'],
    ['2024-02-28T00:00:00Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2026-09-01T00:00:00Z', 0, '2026-09-01T00:00:00.000Z'],
  ])('%s plus %i days', (iso, days, expected) => {
    expect(addDays(at(iso), days).toISOString()).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  // A working day counts once `to` has reached the same clock time on it that `from` had
  // (Friday 09:00 to Monday 09:00 is one working day: Monday), Monday to Friday in the zone.
  // 2026-09-01 is a Tuesday; in September Auckland is UTC+12, Los Angeles UTC-7, Lisbon UTC+1.
  it.each<[string, string, string, string, number]>([
    ['Monday to Friday', 'UTC', '2026-08-31T09:00:00Z', '2026-09-04T09:00:00Z', 4],
    ['Friday to Monday, across the weekend', 'UTC', '2026-09-04T09:00:00Z', '2026-09-07T09:00:00Z', 1],
    ['Friday to a second before Monday comes round', 'UTC', '2026-09-04T09:00:00Z', '2026-09-07T08:59:59Z', 0],
    ['Saturday to Sunday', 'UTC', '2026-09-05T09:00:00Z', '2026-09-06T09:00:00Z', 0],
    ['Friday to Friday', 'UTC', '2026-09-04T09:00:00Z', '2026-09-11T09:00:00Z', 5],
    ['two weeks from a Wednesday', 'UTC', '2026-09-02T09:00:00Z', '2026-09-16T09:00:00Z', 10],
    ['the same instant', 'UTC', '2026-09-02T09:00:00Z', '2026-09-02T09:00:00Z', 0],
    ['to before from', 'UTC', '2026-09-09T09:00:00Z', '2026-09-02T09:00:00Z', 0],
    // Fri 20:00Z is Sat 08:00 in Auckland: Sun, Mon, Tue 08:00 come round; Mon and Tue count.
    ['Auckland, a UTC Friday evening that is Saturday there', 'Pacific/Auckland', '2026-09-04T20:00:00Z', '2026-09-07T20:00:00Z', 2],
    ['the same instants in UTC', 'UTC', '2026-09-04T20:00:00Z', '2026-09-07T20:00:00Z', 1],
    // Sat 03:00Z is Fri 20:00 in Los Angeles: Sat, Sun, Mon 20:00 come round; only Mon counts.
    ['Los Angeles, a UTC Saturday that is still Friday there', 'America/Los_Angeles', '2026-09-05T03:00:00Z', '2026-09-08T03:00:00Z', 1],
    ['the same instants in UTC', 'UTC', '2026-09-05T03:00:00Z', '2026-09-08T03:00:00Z', 2],
    ['Lisbon, Friday 09:00 to Wednesday 09:00', 'Europe/Lisbon', '2026-09-04T08:00:00Z', '2026-09-09T08:00:00Z', 3],
    // Lisbon moves to summer time on Sunday 2026-03-29 (01:00Z). From Friday 23:30 (UTC+0) to
    // Monday 00:45 (UTC+1): Saturday 23:30 and Sunday 23:30 have come round, Monday 23:30 has
    // not, and no whole Monday lies in between either: no working day.
    ['Lisbon, across the spring clock change', 'Europe/Lisbon', '2026-03-27T23:30:00Z', '2026-03-29T23:45:00Z', 0],
  ])('%s (%s)', (_title, tz, from, to, days) => {
    expect(workingDaysBetween(at(from), at(to), tz)).toBe(days);
  });
});
