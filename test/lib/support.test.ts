import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { defaultRangeOf, toReleaseLine } from '../../src/lib/policy/releases.ts';
import {
  describeLinesEnd,
  isReleased,
  statusLabel,
  supportedWindows,
  supportWindows,
  type ReleaseLine,
  type SupportStatus,
  type SupportWindow,
} from '../../src/lib/policy/support.ts';
import { releasesSchema } from '../../src/schemas/releases.ts';

// The bundled example (content/releases.yaml), copied so that editing the example does not move
// these expectations. 0.11 has an explicit eol that extends it, 0.12 one that ends it early.
const EXAMPLE_RELEASES = `
lines:
  - { name: "0.10", package: lanternfish, released: 2025-01-15, latest: 0.10.9 }
  - { name: "0.11", package: lanternfish, released: 2025-07-01, latest: 0.11.6, eol: 2026-07-31 }
  - { name: "0.12", package: lanternfish, released: 2026-01-20, latest: 0.12.4, eol: 2026-09-30 }
  - { name: "0.13", package: lanternfish, released: 2026-06-01, latest: 0.13.2 }
  - { name: "0.14", package: lanternfish, released: 2026-12-01, latest: 0.14.0 }
  - { name: "1.4", package: lanternfish-cli, released: 2025-05-01, latest: 1.4.3 }
  - { name: "2.0", package: lanternfish-cli, released: 2026-04-01, latest: 2.0.1 }
`;

/** Release lines from releases.yaml text, the way the build reads them. */
function linesFrom(yaml: string): ReleaseLine[] {
  return releasesSchema.parse(YAML.parse(yaml)).lines.map(toReleaseLine);
}

const EXAMPLE = linesFrom(EXAMPLE_RELEASES);
/** The example with its explicit ends removed: the latest-N rule alone. */
const EXAMPLE_RULE_ONLY = EXAMPLE.map(({ eol: _eol, ...l }) => l);

/** A synthetic line; the range is written out so the test does not lean on defaultRangeOf. */
function line(pkg: string, name: string, range: string, released: string, eol?: string): ReleaseLine {
  return {
    package: pkg,
    name,
    released: new Date(`${released}T00:00:00Z`),
    latest: '0.0.0',
    range,
    eol: eol === undefined ? undefined : new Date(`${eol}T00:00:00Z`),
    planned: [],
  };
}

/**
 * One window as a row: [line, status, end, explicit, days left or null]. `end` is the end day
 * (YYYY-MM-DD) or `+K after X`: support ends once K more lines after X have shipped.
 */
type Row = [line: string, status: SupportStatus, end: string, explicit: boolean, daysLeft: number | null];

function rowOf(w: SupportWindow): Row {
  const end = w.end.kind === 'date' ? w.end.date.toISOString().slice(0, 10) : w.end.kind === 'lines' ? `+${w.end.count} after ${w.end.after}` : 'unannounced';
  return [w.line.name, w.status, end, w.explicit, w.daysLeft ?? null];
}

/** Rows grouped by package: the order of packages is not the rule's business, lines within one are newest first. */
function byPackage(windows: SupportWindow[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const w of windows) (out[w.line.package] ??= []).push(rowOf(w));
  return out;
}

const at = (iso: string) => new Date(iso);
const policy = (latestLines: number, endingSoonDays = 60) => () => ({ latestLines, ownEndDates: false, endingSoonDays });

// lanternfish-cli has 1.4 (2025-05-01) and 2.0 (2026-04-01) and no explicit ends.
const CLI_N2: Row[] = [
  ['2.0', 'supported', '+2 after 2.0', false, null],
  ['1.4', 'supported', '+1 after 2.0', false, null],
];

describe('the bundled example, N = 2, ending soon at 60 days', () => {
  it.each<[string, string, Row[]]>([
    [
      // 0.13 is still planned. 0.11 ends 60 days and 1 second later: more than 60 days away.
      // Days left count calendar days to the end day, so 2026-05-31 -> 2026-09-30 is 122.
      'the second before 0.13 ships',
      '2026-05-31T23:59:59Z',
      [
        ['0.12', 'supported', '2026-09-30', true, 122],
        ['0.11', 'supported', '2026-07-31', true, 61],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      // 0.13 is visible on its day; 0.11 is now exactly 60 days from its end.
      'the day 0.13 ships',
      '2026-06-01T00:00:00Z',
      [
        ['0.13', 'supported', '+2 after 0.13', false, null],
        ['0.12', 'supported', '2026-09-30', true, 121],
        ['0.11', 'ending-soon', '2026-07-31', true, 60],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      // The example's own "now". 0.12 ends inside the window, 0.11 was extended beyond it and
      // has ended, 0.10 dropped out the day 0.12 (its 2nd newer line) shipped.
      'the example now (midday 1 September)',
      '2026-09-01T12:00:00Z',
      [
        ['0.13', 'supported', '+2 after 0.13', false, null],
        ['0.12', 'ending-soon', '2026-09-30', true, 29],
        ['0.11', 'end-of-life', '2026-07-31', true, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      'the day 0.12 reaches its explicit end',
      '2026-09-30T00:00:00Z',
      [
        ['0.13', 'supported', '+2 after 0.13', false, null],
        ['0.12', 'end-of-life', '2026-09-30', true, null],
        ['0.11', 'end-of-life', '2026-07-31', true, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      'the second before 0.14 ships',
      '2026-11-30T23:59:59Z',
      [
        ['0.13', 'supported', '+2 after 0.13', false, null],
        ['0.12', 'end-of-life', '2026-09-30', true, null],
        ['0.11', 'end-of-life', '2026-07-31', true, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      // 0.10's end stays the day 0.12 shipped (0.12 is 0.10's 2nd newer line).
      'the day 0.14 ships',
      '2026-12-01T00:00:00Z',
      [
        ['0.14', 'supported', '+2 after 0.14', false, null],
        ['0.13', 'supported', '+1 after 0.14', false, null],
        ['0.12', 'end-of-life', '2026-09-30', true, null],
        ['0.11', 'end-of-life', '2026-07-31', true, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
  ])('%s (%s)', (_title, now, lanternfish) => {
    expect(byPackage(supportWindows(EXAMPLE, policy(2), at(now)))).toEqual({ lanternfish, 'lanternfish-cli': CLI_N2 });
  });
});

describe('the bundled example with other N', () => {
  it.each<[string, number, string, Record<string, Row[]>]>([
    [
      // 0.12 is kept beyond N=1 by its eol; 0.10's 1st newer line is 0.11.
      'N = 1 on the day 0.13 ships',
      1,
      '2026-06-01T00:00:00Z',
      {
        lanternfish: [
          ['0.13', 'supported', '+1 after 0.13', false, null],
          ['0.12', 'supported', '2026-09-30', true, 121],
          ['0.11', 'ending-soon', '2026-07-31', true, 60],
          ['0.10', 'end-of-life', '2025-07-01', false, null],
        ],
        'lanternfish-cli': [
          ['2.0', 'supported', '+1 after 2.0', false, null],
          ['1.4', 'end-of-life', '2026-04-01', false, null],
        ],
      },
    ],
    [
      // The oldest line in the window (0.10) drops out the day 0.13 ships.
      'N = 3 on the day 0.13 ships',
      3,
      '2026-06-01T00:00:00Z',
      {
        lanternfish: [
          ['0.13', 'supported', '+3 after 0.13', false, null],
          ['0.12', 'supported', '2026-09-30', true, 121],
          ['0.11', 'ending-soon', '2026-07-31', true, 60],
          ['0.10', 'end-of-life', '2026-06-01', false, null],
        ],
        'lanternfish-cli': [
          ['2.0', 'supported', '+3 after 2.0', false, null],
          ['1.4', 'supported', '+2 after 2.0', false, null],
        ],
      },
    ],
    [
      // 0.11 is inside the latest 3 but its explicit end has passed: the eol wins.
      'N = 3 on 1 September',
      3,
      '2026-09-01T00:00:00Z',
      {
        lanternfish: [
          ['0.13', 'supported', '+3 after 0.13', false, null],
          ['0.12', 'ending-soon', '2026-09-30', true, 29],
          ['0.11', 'end-of-life', '2026-07-31', true, null],
          ['0.10', 'end-of-life', '2026-06-01', false, null],
        ],
        'lanternfish-cli': [
          ['2.0', 'supported', '+3 after 2.0', false, null],
          ['1.4', 'supported', '+2 after 2.0', false, null],
        ],
      },
    ],
  ])('%s', (_title, n, now, expected) => {
    expect(byPackage(supportWindows(EXAMPLE, policy(n), at(now)))).toEqual(expected);
  });
});

describe('the latest-N rule alone (the example without explicit ends)', () => {
  it.each<[string, number, string, Row[]]>([
    [
      'N = 2, the second before 0.13 ships',
      2,
      '2026-05-31T23:59:59Z',
      [
        ['0.12', 'supported', '+2 after 0.12', false, null],
        ['0.11', 'supported', '+1 after 0.12', false, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      // The day 0.13 ships, 0.11 (the oldest in the window) ends that very day.
      'N = 2, the day 0.13 ships',
      2,
      '2026-06-01T00:00:00Z',
      [
        ['0.13', 'supported', '+2 after 0.13', false, null],
        ['0.12', 'supported', '+1 after 0.13', false, null],
        ['0.11', 'end-of-life', '2026-06-01', false, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      'N = 2, the day 0.14 ships',
      2,
      '2026-12-01T00:00:00Z',
      [
        ['0.14', 'supported', '+2 after 0.14', false, null],
        ['0.13', 'supported', '+1 after 0.14', false, null],
        ['0.12', 'end-of-life', '2026-12-01', false, null],
        ['0.11', 'end-of-life', '2026-06-01', false, null],
        ['0.10', 'end-of-life', '2026-01-20', false, null],
      ],
    ],
    [
      'N = 1, the day 0.13 ships',
      1,
      '2026-06-01T00:00:00Z',
      [
        ['0.13', 'supported', '+1 after 0.13', false, null],
        ['0.12', 'end-of-life', '2026-06-01', false, null],
        ['0.11', 'end-of-life', '2026-01-20', false, null],
        ['0.10', 'end-of-life', '2025-07-01', false, null],
      ],
    ],
    [
      'N = 3, the day 0.13 ships',
      3,
      '2026-06-01T00:00:00Z',
      [
        ['0.13', 'supported', '+3 after 0.13', false, null],
        ['0.12', 'supported', '+2 after 0.13', false, null],
        ['0.11', 'supported', '+1 after 0.13', false, null],
        ['0.10', 'end-of-life', '2026-06-01', false, null],
      ],
    ],
    [
      'N = 3, the day 0.14 ships',
      3,
      '2026-12-01T00:00:00Z',
      [
        ['0.14', 'supported', '+3 after 0.14', false, null],
        ['0.13', 'supported', '+2 after 0.14', false, null],
        ['0.12', 'supported', '+1 after 0.14', false, null],
        ['0.11', 'end-of-life', '2026-12-01', false, null],
        ['0.10', 'end-of-life', '2026-06-01', false, null],
      ],
    ],
  ])('%s', (_title, n, now, lanternfish) => {
    expect(byPackage(supportWindows(EXAMPLE_RULE_ONLY, policy(n), at(now))).lanternfish).toEqual(lanternfish);
  });
});

describe('ordering and counting', () => {
  it.each<[string, ReleaseLine[], number, string, Record<string, Row[]>]>([
    [
      // Numerically 0.10 > 0.9, though "0.10" < "0.9" as text.
      'by version, not by name as text',
      [line('p', '0.10', '>=0.10.0 <0.11.0', '2024-06-01'), line('p', '0.9', '>=0.9.0 <0.10.0', '2024-01-01')],
      1,
      '2025-01-01T00:00:00Z',
      {
        p: [
          ['0.10', 'supported', '+1 after 0.10', false, null],
          ['0.9', 'end-of-life', '2024-06-01', false, null],
        ],
      },
    ],
    [
      'whole-major lines in any input order',
      [
        line('p', '2', '>=2.0.0 <3.0.0', '2025-01-01'),
        line('p', '10', '>=10.0.0 <11.0.0', '2025-06-01'),
        line('p', '1', '>=1.0.0 <2.0.0', '2024-01-01'),
      ],
      2,
      '2026-01-01T00:00:00Z',
      {
        p: [
          ['10', 'supported', '+2 after 10', false, null],
          ['2', 'supported', '+1 after 10', false, null],
          ['1', 'end-of-life', '2025-06-01', false, null],
        ],
      },
    ],
    [
      'by the range a line covers when its name is not a version',
      [line('p', 'current', '>=2.0.0 <3.0.0', '2025-01-01'), line('p', 'legacy', '>=1.0.0 <2.0.0', '2025-03-01')],
      2,
      '2026-01-01T00:00:00Z',
      {
        p: [
          ['current', 'supported', '+2 after current', false, null],
          ['legacy', 'supported', '+1 after current', false, null],
        ],
      },
    ],
    [
      // Lines are counted per package: b's only line is supported whatever a has.
      'several packages, interleaved',
      [
        line('a', '1.0', '>=1.0.0 <1.1.0', '2025-01-01'),
        line('b', '3.0', '>=3.0.0 <3.1.0', '2025-02-01'),
        line('a', '1.1', '>=1.1.0 <1.2.0', '2025-03-01'),
        line('c', '1.0', '>=1.0.0 <1.1.0', '2025-04-01'),
        line('a', '1.2', '>=1.2.0 <1.3.0', '2025-05-01'),
        line('c', '1.1', '>=1.1.0 <1.2.0', '2025-06-01'),
      ],
      1,
      '2026-01-01T00:00:00Z',
      {
        a: [
          ['1.2', 'supported', '+1 after 1.2', false, null],
          ['1.1', 'end-of-life', '2025-05-01', false, null],
          ['1.0', 'end-of-life', '2025-03-01', false, null],
        ],
        b: [['3.0', 'supported', '+1 after 3.0', false, null]],
        c: [
          ['1.1', 'supported', '+1 after 1.1', false, null],
          ['1.0', 'end-of-life', '2025-06-01', false, null],
        ],
      },
    ],
    [
      // A package whose only line is planned has no window; a planned line does not count.
      'a package with only planned lines',
      [line('a', '1.0', '>=1.0.0 <1.1.0', '2025-01-01'), line('a', '1.1', '>=1.1.0 <1.2.0', '2026-02-01'), line('b', '1.0', '>=1.0.0 <1.1.0', '2026-03-01')],
      1,
      '2026-01-31T23:59:59Z',
      { a: [['1.0', 'supported', '+1 after 1.0', false, null]] },
    ],
    [
      // 1.9 is a maintenance line that shipped after 2.0. The window is ordered by version
      // ([2.0, 1.9, 1.8]), but 1.8 had only one newer line until 1.9 shipped: it left the
      // latest 2 on 2026-02-01, the day its 2nd newer line shipped, not on 2.0's day.
      'a maintenance line shipped after a newer line',
      [
        line('p', '1.8', '>=1.8.0 <1.9.0', '2025-06-01'),
        line('p', '2.0', '>=2.0.0 <2.1.0', '2026-01-01'),
        line('p', '1.9', '>=1.9.0 <1.10.0', '2026-02-01'),
      ],
      2,
      '2026-03-01T00:00:00Z',
      {
        p: [
          ['2.0', 'supported', '+2 after 2.0', false, null],
          ['1.9', 'supported', '+1 after 2.0', false, null],
          ['1.8', 'end-of-life', '2026-02-01', false, null],
        ],
      },
    ],
    [
      'the same lines before the maintenance line ships',
      [
        line('p', '1.8', '>=1.8.0 <1.9.0', '2025-06-01'),
        line('p', '2.0', '>=2.0.0 <2.1.0', '2026-01-01'),
        line('p', '1.9', '>=1.9.0 <1.10.0', '2026-02-01'),
      ],
      2,
      '2026-01-15T00:00:00Z',
      {
        p: [
          ['2.0', 'supported', '+2 after 2.0', false, null],
          ['1.8', 'supported', '+1 after 2.0', false, null],
        ],
      },
    ],
  ])('%s', (_title, lines, n, now, expected) => {
    expect(byPackage(supportWindows(lines, policy(n), at(now)))).toEqual(expected);
  });
});

describe('explicit end: the ending-soon threshold', () => {
  // One line ending 2026-09-30 (00:00:00Z). "Ending soon" when the end is at most
  // endingSoonDays away; days left count a part day as a day (calendar days for a whole-day now).
  const ending = [line('p', '1.0', '>=1.0.0 <1.1.0', '2026-01-01', '2026-09-30')];

  it.each<[string, number, SupportStatus, number | null]>([
    ['2026-07-31T00:00:00Z', 60, 'supported', 61],
    ['2026-07-31T23:59:59Z', 60, 'supported', 61],
    ['2026-08-01T00:00:00Z', 60, 'ending-soon', 60],
    ['2026-08-01T00:00:01Z', 60, 'ending-soon', 60],
    ['2026-09-29T00:00:00Z', 60, 'ending-soon', 1],
    ['2026-09-29T23:59:59Z', 60, 'ending-soon', 1],
    ['2026-09-30T00:00:00Z', 60, 'end-of-life', null],
    ['2026-10-15T00:00:00Z', 60, 'end-of-life', null],
    ['2026-08-30T00:00:00Z', 30, 'supported', 31],
    ['2026-08-31T00:00:00Z', 30, 'ending-soon', 30],
    ['2026-09-29T00:00:00Z', 0, 'supported', 1],
    ['2026-09-29T12:00:00Z', 0, 'supported', 1],
  ])('at %s with endingSoonDays %i: %s, days left %s', (now, soon, status, daysLeft) => {
    const [w] = supportWindows(ending, policy(1, soon), at(now));
    expect(w).toMatchObject({ status, explicit: true, end: { kind: 'date', date: at('2026-09-30T00:00:00Z') } });
    expect(w?.daysLeft ?? null).toBe(daysLeft);
  });

  it.each<[string, string | undefined, SupportStatus]>([
    // An eol extends a line the rule has dropped (1.0 is outside N = 1) ...
    ['extends beyond N', '2026-12-31', 'supported'],
    // ... or ends one the rule would keep.
    ['ends inside N', '2026-03-01', 'end-of-life'],
    ['no eol: the rule alone', undefined, 'end-of-life'],
  ])('%s', (_title, eol, status) => {
    const lines = [line('p', '1.0', '>=1.0.0 <1.1.0', '2025-01-01', eol), line('p', '1.1', '>=1.1.0 <1.2.0', '2026-01-01')];
    const [, old] = supportWindows(lines, policy(1), at('2026-06-01T00:00:00Z'));
    expect(old?.line.name).toBe('1.0');
    expect(old?.status).toBe(status);
    expect(old?.explicit).toBe(eol !== undefined);
  });
});

describe('isReleased', () => {
  const l = line('p', '1.0', '>=1.0.0 <1.1.0', '2026-06-01');
  it.each<[string, boolean]>([
    ['2026-05-31T23:59:59.999Z', false],
    ['2026-06-01T00:00:00.000Z', true],
    ['2026-06-01T00:00:00.001Z', true],
    ['2027-01-01T00:00:00.000Z', true],
  ])('at %s: %s', (now, released) => {
    expect(isReleased(l, at(now))).toBe(released);
  });
});

describe('supportedWindows', () => {
  it('keeps supported and ending-soon lines, newest first', () => {
    const windows = supportWindows(EXAMPLE, policy(2), at('2026-09-01T12:00:00Z'));
    expect(supportedWindows(windows).map((w) => `${w.line.package}@${w.line.name}`)).toEqual([
      'lanternfish@0.13',
      'lanternfish@0.12',
      'lanternfish-cli@2.0',
      'lanternfish-cli@1.4',
    ]);
  });
});

describe('words', () => {
  it.each<[SupportStatus, string]>([
    ['supported', 'Supported'],
    ['ending-soon', 'Ending soon'],
    ['end-of-life', 'End of life'],
  ])('statusLabel(%s) = %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  it.each<[string, number, string]>([
    ['0.13', 1, 'when the line after 0.13 ships'],
    ['0.13', 2, 'when 2 more lines after 0.13 have shipped'],
    ['2.0', 3, 'when 3 more lines after 2.0 have shipped'],
  ])('describeLinesEnd(after %s, count %i)', (after, count, text) => {
    expect(describeLinesEnd({ after, count })).toBe(text);
  });
});

describe('release lines as the support rule reads them', () => {
  it.each<[string, string | undefined]>([
    ['0.12', '>=0.12.0 <0.13.0'],
    ['0.9', '>=0.9.0 <0.10.0'],
    ['0.10', '>=0.10.0 <0.11.0'],
    ['1.4', '>=1.4.0 <1.5.0'],
    ['10.0', '>=10.0.0 <10.1.0'],
    ['2', '>=2.0.0 <3.0.0'],
    ['0', '>=0.0.0 <1.0.0'],
    ['1.2.3', undefined],
    ['v1.2', undefined],
    ['legacy', undefined],
    ['', undefined],
  ])('defaultRangeOf(%j) = %j', (name, range) => {
    expect(defaultRangeOf(name)).toBe(range);
  });

  it.each<[string, Record<string, unknown>, ReleaseLine]>([
    [
      'a line with an explicit end',
      { name: '0.12', package: 'lanternfish', released: '2026-01-20', latest: '0.12.4', eol: '2026-09-30' },
      {
        package: 'lanternfish',
        name: '0.12',
        released: at('2026-01-20T00:00:00Z'),
        latest: '0.12.4',
        range: '>=0.12.0 <0.13.0',
        eol: at('2026-09-30T00:00:00Z'),
        planned: [],
      },
    ],
    [
      'a named line with its own range and planned releases',
      {
        name: 'lts',
        package: 'p',
        released: '2025-01-01',
        latest: '1.9.3',
        range: '>=1.9.0 <2.0.0',
        planned: [{ version: '1.9.4', date: '2026-10-01' }, { version: '1.9.5' }],
      },
      {
        package: 'p',
        name: 'lts',
        released: at('2025-01-01T00:00:00Z'),
        latest: '1.9.3',
        range: '>=1.9.0 <2.0.0',
        eol: undefined,
        planned: [
          { version: '1.9.4', date: at('2026-10-01T00:00:00Z') },
          { version: '1.9.5', date: undefined },
        ],
      },
    ],
  ])('toReleaseLine: %s', (_title, input, expected) => {
    const parsed = releasesSchema.parse({ lines: [input] }).lines[0];
    if (!parsed) throw new Error('no line parsed');
    expect(toReleaseLine(parsed)).toStrictEqual(expected);
  });
});
