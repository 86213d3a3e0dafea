/**
 * Version ranges. Every expected value below was worked out by hand from OSV's evaluation
 * algorithm (https://ossf.github.io/osv-schema/#evaluation): walk the events in version order;
 * `introduced` <= v makes v affected, `fixed` <= v or `last_affected` < v makes it unaffected;
 * a range with `limit` events only holds versions below one of them; `versions` lists more.
 * Rows named "OSV example" are the schema's own examples.
 */
import { compare, parse, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';
import {
  checkAffected,
  defaultLineRange,
  isAffected,
  lineStates,
  sortEvents,
  unreleasedFixes,
  type AffectedSpec,
  type LineInput,
  type LineState,
  type OsvRange,
  type RangeEvent,
  type RangeProblem,
} from '../../src/lib/advisory/ranges.ts';

/** One SEMVER range with these events. */
const semver = (...events: RangeEvent[]): AffectedSpec => ({ ranges: [{ type: 'SEMVER', events }], versions: [] });
/** Several SEMVER ranges. */
const ranges = (...all: RangeEvent[][]): AffectedSpec => ({ ranges: all.map((events): OsvRange => ({ type: 'SEMVER', events })), versions: [] });
const listed = (...versions: string[]): AffectedSpec => ({ ranges: [], versions });

describe('isAffected', () => {
  const unfixed = semver({ introduced: '0' });
  const fixed = semver({ introduced: '0' }, { fixed: '1.0.2' });
  const twoIntervals = semver({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' });
  const lastAffected = semver({ introduced: '0' }, { last_affected: '2.1.214' });
  const limited = semver({ introduced: '1.0.0' }, { limit: '2.0.0' });
  const starLimit = semver({ introduced: '1.0.0' }, { limit: '*' });
  const fromRc = semver({ introduced: '1.0.0-rc.1' }, { fixed: '1.0.1' });
  const twoRanges = ranges([{ introduced: '1.0.0' }, { fixed: '1.1.0' }], [{ introduced: '2.0.0' }, { last_affected: '2.0.3' }]);
  const unsorted = semver({ fixed: '1.0.2' }, { introduced: '1.0.0' });
  const ecosystem: AffectedSpec = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], versions: [] };

  it.each<[string, AffectedSpec, string, boolean]>([
    ['OSV example: unfixed, any version', unfixed, '10.0.0', true],
    ['unfixed: "0" is before 0.0.0', unfixed, '0.0.0', true],
    ['unfixed: "0" is before the lowest prerelease', unfixed, '0.0.0-0', true],
    ['OSV example: fixed, before the fix', fixed, '1.0.1', true],
    ['fixed: the fix itself', fixed, '1.0.2', false],
    ['fixed: after the fix', fixed, '1.0.3', false],
    ['fixed: a prerelease of the fix comes before it', fixed, '1.0.2-rc.1', true],
    ['OSV example: two intervals, before the first', twoIntervals, '0.9.0', false],
    ['two intervals, first introduced', twoIntervals, '1.0.0', true],
    ['two intervals, first fix', twoIntervals, '1.0.2', false],
    ['two intervals, between them', twoIntervals, '2.5.0', false],
    ['two intervals, prerelease before the second', twoIntervals, '3.0.0-rc.1', false],
    ['two intervals, second introduced', twoIntervals, '3.0.0', true],
    ['two intervals, inside the second', twoIntervals, '3.2.4', true],
    ['two intervals, second fix', twoIntervals, '3.2.5', false],
    ['last_affected: the version itself', lastAffected, '2.1.214', true],
    ['last_affected: the next version', lastAffected, '2.1.215', false],
    ['last_affected: a prerelease after it', lastAffected, '2.1.215-rc.1', false],
    ['limit: below it', limited, '1.5.0', true],
    ['limit: the limit itself', limited, '2.0.0', false],
    ['limit: below introduced', limited, '0.9.0', false],
    ['limit "*" is no limit', starLimit, '9.0.0', true],
    ['prerelease introduced: an earlier prerelease ("beta" < "rc.1")', fromRc, '1.0.0-beta', false],
    ['prerelease introduced: itself', fromRc, '1.0.0-rc.1', true],
    ['prerelease introduced: a later prerelease', fromRc, '1.0.0-rc.2', true],
    ['prerelease introduced: the release', fromRc, '1.0.0', true],
    ['two ranges: the first fix', twoRanges, '1.1.0', false],
    ['two ranges: last_affected of the second', twoRanges, '2.0.3', true],
    ['two ranges: after both', twoRanges, '2.0.4', false],
    ['events are sorted before the walk, as OSV does', unsorted, '1.0.1', true],
    ['listed version', listed('1.2.3'), '1.2.3', true],
    ['listed version: build metadata is ignored', listed('1.2.3'), '1.2.3+build.5', true],
    ['listed version: another version', listed('1.2.3'), '1.2.4', false],
    ['listed versions add to ranges', { ...fixed, versions: ['1.0.5'] }, '1.0.5', true],
    ['ECOSYSTEM ranges are not evaluated', ecosystem, '1.0.0', false],
  ])('%s: %s -> %s', (_name, spec, version, expected) => {
    expect(isAffected(version, spec)).toBe(expected);
  });

  it('refuses a version that is not SEMVER', () => {
    expect(() => isAffected('1.2', fixed)).toThrow('"1.2" is not a valid SEMVER version');
  });

  it('refuses to evaluate a spec with a bad version instead of guessing', () => {
    expect(() => isAffected('1.0.0', semver({ introduced: '0' }, { fixed: '1.2' }))).toThrow(
      'ranges.0.events.1.fixed: "1.2" is not a valid SEMVER version (run checkAffected first)',
    );
  });
});

describe('checkAffected', () => {
  it.each<[string, AffectedSpec]>([
    ['unfixed since "0"', semver({ introduced: '0' })],
    ['one interval', semver({ introduced: '0' }, { fixed: '1.0.2' })],
    ['two intervals', semver({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' })],
    ['a single affected version', semver({ introduced: '1.0.0' }, { last_affected: '1.0.0' })],
    ['last_affected intervals', semver({ introduced: '1.0.0' }, { last_affected: '1.0.4' }, { introduced: '1.2.0' }, { last_affected: '1.2.1' })],
    ['fixed and last_affected in separate ranges', ranges([{ introduced: '0' }, { fixed: '1.0.2' }], [{ introduced: '2.0.0' }, { last_affected: '2.0.1' }])],
    ['limit events anywhere', semver({ limit: '3.0.0' }, { introduced: '1.0.0' }, { limit: '*' })],
    ['prereleases and build metadata', semver({ introduced: '1.0.0-alpha.1' }, { fixed: '1.0.0-rc.2+build.7' })],
    ['listed versions', listed('1.2.3', '2.0.0-rc.1')],
    ['GIT and ECOSYSTEM ranges are left to their schema', { ranges: [{ type: 'GIT', events: [{ introduced: 'abc' }] }, { type: 'ECOSYSTEM', events: [{ fixed: 'x' }] }], versions: [] }],
  ])('accepts %s', (_name, spec) => {
    expect(checkAffected(spec)).toEqual([]);
  });

  const at = (j: number, key?: string): (string | number)[] => (key ? ['ranges', 0, 'events', j, key] : ['ranges', 0, 'events', j]);

  it.each<[string, AffectedSpec, RangeProblem[]]>([
    [
      'a version without its patch',
      semver({ introduced: '0.12.0' }, { fixed: '0.12' }),
      [{ path: at(1, 'fixed'), message: '"fixed: 0.12" is not a valid SemVer version', fix: 'write the full version, e.g. 0.12.0' }],
    ],
    [
      'a leading "v"',
      semver({ introduced: 'v1.2.3' }),
      [{ path: at(0, 'introduced'), message: '"introduced: v1.2.3" is not a valid SemVer version', fix: 'write it without the "v": 1.2.3' }],
    ],
    [
      'spaces around a version',
      semver({ introduced: ' 1.2.3' }),
      [{ path: at(0, 'introduced'), message: '"introduced:  1.2.3" is not a valid SemVer version', fix: 'remove the spaces: 1.2.3' }],
    ],
    [
      'a word instead of a version',
      semver({ introduced: '0' }, { fixed: 'latest' }),
      [{ path: at(1, 'fixed'), message: '"fixed: latest" is not a valid SemVer version', fix: 'write a version such as 1.4.2 or 2.0.0-rc.1 (see https://semver.org)' }],
    ],
    [
      '"0" as a fix',
      semver({ introduced: '0' }, { fixed: '0' }),
      [{ path: at(1, 'fixed'), message: '"0" is only allowed as "introduced", not as "fixed"', fix: '"0" means "before every version"; write the "fixed" version itself, e.g. 1.0.1' }],
    ],
    [
      'a bad limit',
      semver({ introduced: '0' }, { limit: 'never' }),
      [{ path: at(1, 'limit'), message: '"limit: never" is not a valid SemVer version', fix: 'write a version such as 1.4.2 or 2.0.0-rc.1 (see https://semver.org)' }],
    ],
    [
      'fixed before introduced',
      semver({ introduced: '0.12.5' }, { fixed: '0.12.3' }),
      [{ path: at(1, 'fixed'), message: '"fixed: 0.12.3" is lower than "introduced: 0.12.5" before it', fix: 'if one of 0.12.5 and 0.12.3 is mistyped, correct it; otherwise put events in version order: introduced, then fixed' }],
    ],
    [
      'last_affected before introduced',
      semver({ introduced: '2.0.0' }, { last_affected: '1.9.9' }),
      [{ path: at(1, 'last_affected'), message: '"last_affected: 1.9.9" is lower than "introduced: 2.0.0" before it', fix: 'if one of 2.0.0 and 1.9.9 is mistyped, correct it; otherwise put events in version order: introduced, then last_affected' }],
    ],
    [
      'intervals out of order',
      semver({ introduced: '2.0.0' }, { fixed: '2.0.3' }, { introduced: '1.0.0' }, { fixed: '1.0.4' }),
      [{ path: at(2, 'introduced'), message: '"introduced: 1.0.0" is lower than "fixed: 2.0.3" before it', fix: 'if one of 2.0.3 and 1.0.0 is mistyped, correct it; otherwise put events in version order: introduced, then fixed' }],
    ],
    [
      '"0" after other events',
      semver({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '0' }),
      [{ path: at(2, 'introduced'), message: '"introduced: 0" is lower than "fixed: 1.0.2" before it', fix: 'if one of 1.0.2 and 0 is mistyped, correct it; otherwise put events in version order: introduced, then fixed' }],
    ],
    [
      'fixed in the version that introduced it',
      semver({ introduced: '1.0.0' }, { fixed: '1.0.0' }),
      [{ path: at(1, 'fixed'), message: '"fixed: 1.0.0" is the same version as "introduced: 1.0.0", so no version is affected', fix: '"fixed" is the first version without the flaw, so it must be newer than "introduced"' }],
    ],
    [
      'introduced again in the fix version',
      semver({ introduced: '1.0.0' }, { fixed: '1.1.0' }, { introduced: '1.1.0' }),
      [{ path: at(2, 'introduced'), message: '"introduced: 1.1.0" is the same version as the "fixed: 1.1.0" before it', fix: 'start the new interval at a later version, or remove both events to join the two intervals' }],
    ],
    [
      'the same event twice',
      semver({ introduced: '1.0.0' }, { introduced: '1.0.0' }),
      [{ path: at(1, 'introduced'), message: '"introduced: 1.0.0" is listed twice', fix: 'remove one of them' }],
    ],
    [
      'a range that starts with its fix',
      semver({ fixed: '1.0.2' }),
      [{ path: at(0, 'fixed'), message: 'the range starts with "fixed: 1.0.2" instead of "introduced"', fix: 'add { introduced: "<first affected version>" } before it, or { introduced: "0" } if every version before 1.0.2 is affected' }],
    ],
    [
      'two introduced in a row',
      semver({ introduced: '1.0.0' }, { introduced: '2.0.0' }, { fixed: '2.0.1' }),
      [{ path: at(1, 'introduced'), message: '"introduced: 2.0.0" follows "introduced: 1.0.0" with no "fixed" between them', fix: 'add the "fixed" that ends the interval from 1.0.0, or remove one "introduced"' }],
    ],
    [
      'two fixes in a row (the 1.3 releases before 1.3.2 would count as unaffected)',
      semver({ introduced: '0' }, { fixed: '1.2.5' }, { fixed: '1.3.2' }),
      [{ path: at(2, 'fixed'), message: '"fixed: 1.3.2" follows "fixed: 1.2.5" with no "introduced" between them', fix: 'if versions between them are affected, add the "introduced" that starts that interval before 1.3.2; otherwise remove "fixed: 1.3.2"' }],
    ],
    [
      'fixed and last_affected in the same interval',
      semver({ introduced: '1.0.0' }, { last_affected: '1.0.1' }, { fixed: '1.0.2' }),
      [{ path: at(2, 'fixed'), message: '"fixed: 1.0.2" and "last_affected: 1.0.1" both end the same interval', fix: 'keep one of them: "fixed" (the first version without the flaw) where it is known' }],
    ],
    [
      'fixed and last_affected in one range (the OSV schema forbids it)',
      semver({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '1.4.0' }, { last_affected: '1.4.3' }),
      [{ path: at(3, 'last_affected'), message: '"last_affected: 1.4.3" is in the same range as "fixed: 1.0.2"', fix: 'a range has either "fixed" or "last_affected" events, not both: move the interval ending at 1.4.3 into a range of its own' }],
    ],
    [
      'two versions in one event',
      semver({ introduced: '1.0.0', fixed: '1.0.2' }),
      [{ path: at(0), message: 'the event has both "introduced" and "fixed"', fix: 'give each its own event: { introduced: "1.0.0" } then { fixed: "1.0.2" }' }],
    ],
    [
      'an empty event',
      semver({ introduced: '0' }, {}),
      [{ path: at(1), message: 'the event names no version', fix: 'write one of introduced, fixed, last_affected or limit, with its version' }],
    ],
    [
      'no events',
      semver(),
      [{ path: ['ranges', 0, 'events'], message: 'the range has no events', fix: 'start it with { introduced: "<first affected version>" } ("0" if every earlier version is affected), then { fixed: "<first fixed version>" }' }],
    ],
    [
      'only a limit',
      semver({ limit: '2.0.0' }),
      [{ path: ['ranges', 0, 'events'], message: 'the range has no "introduced" event', fix: 'add { introduced: "<first affected version>" }, or "0" if every earlier version is affected' }],
    ],
    [
      'a listed version without its patch',
      listed('1.2.3', '1.2'),
      [{ path: ['versions', 1], message: 'the listed version \"1.2\" is not a valid SemVer version', fix: 'write the full version, e.g. 1.2.0' }],
    ],
    [
      '"0" as a listed version',
      listed('0'),
      [{ path: ['versions', 0], message: '"0" is only allowed as "introduced", not as a listed version', fix: '"0" means "before every version"; write the affected version itself, e.g. 1.0.1' }],
    ],
  ])('reports %s', (_name, spec, expected) => {
    expect(checkAffected(spec)).toEqual(expected);
  });

  it('reports every problem of every range in one run', () => {
    const spec: AffectedSpec = {
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0.12' }, { fixed: '0.12.3' }] },
        { type: 'SEMVER', events: [{ introduced: '1.0.5' }, { fixed: '1.0.1' }] },
      ],
      versions: ['v2.0.0'],
    };
    expect(checkAffected(spec).map((p) => p.path)).toEqual([
      ['ranges', 0, 'events', 0, 'introduced'],
      ['ranges', 1, 'events', 1, 'fixed'],
      ['versions', 0],
    ]);
  });
});

describe('defaultLineRange', () => {
  it.each([
    ['0.12', '>=0.12.0 <0.13.0'],
    ['0.0', '>=0.0.0 <0.1.0'],
    ['0', '>=0.0.0 <1.0.0'],
    ['2', '>=2.0.0 <3.0.0'],
    ['2.1', '>=2.1.0 <2.2.0'],
    ['10.9', '>=10.9.0 <10.10.0'],
  ])('%s -> %s', (name, range) => {
    expect(defaultLineRange(name)).toBe(range);
  });

  it.each(['v2', '1.x', '1.2.3', '', '01', '2.', ' 2'])('refuses %j', (name) => {
    expect(() => defaultLineRange(name)).toThrow(`release line "${name}" is not named like "2" or "0.12", so it needs an explicit range`);
  });
});

/** The release lines the state tables run against. */
const line = (name: string, latest: string, planned?: string[]): LineInput => ({ name, range: defaultLineRange(name), latest, ...(planned ? { planned } : {}) });
const LINES: LineInput[] = [
  line('0.11', '0.11.9'),
  line('0.12', '0.12.4', ['0.12.5']),
  line('1', '1.3.0', ['1.3.1']),
  line('2', '2.0.0-rc.2'), // only prereleases so far
];

describe('checkAffected with the package\'s release lines: the message names the version that is wrong', () => {
  const at = (j: number, key: string): (string | number)[] => ['ranges', 0, 'events', j, key];
  const nowhere = (j: number, kind: string, version: string): RangeProblem => ({ path: at(j, kind), message: `"${kind}: ${version}" falls in no release line of lanternfish in releases.yaml`, fix: 'correct the version, or add its line to releases.yaml' });
  it.each<[string, AffectedSpec, RangeProblem[]]>([
    ['ranges in lines, in order', semver({ introduced: '0.11.0' }, { fixed: '0.11.9' }, { introduced: '0.12.0' }, { fixed: '0.12.4' }, { introduced: '1.0.0' }, { fixed: '1.3.1' }), []],
    ['"introduced: 0"', semver({ introduced: '0' }, { fixed: '0.11.2' }), []],
    ['an introduced before every line (older releases are not lines any more)', semver({ introduced: '0.9.0' }, { fixed: '0.11.2' }), []],
    // A typo in a fix of the first interval (0.21.3 for 0.12.3): the order was right, the version is not.
    ['a mistyped fix before the next interval', semver({ introduced: '0.12.0' }, { fixed: '0.21.3' }, { introduced: '0.12.5' }, { fixed: '1.0.1' }), [nowhere(1, 'fixed', '0.21.3')]],
    ['a mistyped last_affected', semver({ introduced: '0.11.0' }, { last_affected: '3.1.0' }), [nowhere(1, 'last_affected', '3.1.0')]],
    // A typo in an introduced version (3.0.0 for 1.0.0) that puts it above its fix.
    ['a mistyped introduced above its fix', semver({ introduced: '0.12.0' }, { fixed: '0.12.3' }, { introduced: '3.0.0' }, { fixed: '1.0.1' }), [nowhere(2, 'introduced', '3.0.0')]],
    // Both versions in lines: which one is wrong cannot be told, so the order is reported, naming both.
    [
      'an order that really is wrong',
      semver({ introduced: '0.12.3' }, { fixed: '0.12.1' }),
      [{ path: at(1, 'fixed'), message: '"fixed: 0.12.1" is lower than "introduced: 0.12.3" before it', fix: 'if one of 0.12.3 and 0.12.1 is mistyped, correct it; otherwise put events in version order: introduced, then fixed' }],
    ],
    // A version that is not SemVer is reported once; its neighbours are not compared across it.
    ['a version that is not SemVer between two in order', semver({ introduced: '0.12.0' }, { fixed: '0.12' }, { introduced: '1.0.0' }, { fixed: '1.0.1' }), [{ path: at(1, 'fixed'), message: '"fixed: 0.12" is not a valid SemVer version', fix: 'write the full version, e.g. 0.12.0' }]],
  ])('%s', (_name, spec, expected) => {
    expect(checkAffected(spec, { package: 'lanternfish', lines: LINES })).toEqual(expected);
  });

  it('an interval whose introduced is not SemVer: the intervals around it are not compared across it (another project\'s package, listed unsorted)', () => {
    const events = [{ introduced: '2.0.0' }, { fixed: '2.0.3' }, { introduced: '1.0' }, { fixed: '1.0.4' }];
    expect(checkAffected({ ranges: [{ type: 'SEMVER', events: sortEvents(events) }], versions: [] })).toEqual([
      { path: at(2, 'introduced'), message: '"introduced: 1.0" is not a valid SemVer version', fix: 'write the full version, e.g. 1.0.0' },
    ]);
  });
});

describe('lineStates', () => {
  const no = (name: string): LineState => ({ line: name, state: 'not-affected' });
  const open = (name: string, lastAffected?: string): LineState => (lastAffected ? { line: name, state: 'affected', lastAffected } : { line: name, state: 'affected' });
  const fix = (name: string, fixedIn: string, planned = false): LineState => ({ line: name, state: 'fixed', fixedIn, planned });

  // Columns: 0.11 (latest 0.11.9), 0.12 (latest 0.12.4, 0.12.5 planned), 1 (latest 1.3.0, 1.3.1 planned), 2 (latest 2.0.0-rc.2).
  const table: [string, AffectedSpec, LineState[]][] = [
    ['unfixed since the beginning', semver({ introduced: '0' }), [open('0.11'), open('0.12'), open('1'), open('2')]],
    ['fixed in a planned release of 0.12; newer lines never had it', semver({ introduced: '0' }, { fixed: '0.12.5' }), [open('0.11'), fix('0.12', '0.12.5', true), no('1'), no('2')]],
    [
      'one interval per line, each fixed in its own line',
      semver({ introduced: '0.11.0' }, { fixed: '0.11.8' }, { introduced: '0.12.0' }, { fixed: '0.12.3' }, { introduced: '1.0.0' }, { fixed: '1.3.1' }),
      [fix('0.11', '0.11.8'), fix('0.12', '0.12.3'), fix('1', '1.3.1', true), no('2')],
    ],
    [
      'introduced in an older line, fixed only in a newer one (1.0.0-rc.* do not count once 1.0.0 shipped)',
      semver({ introduced: '0.11.5' }, { fixed: '1.0.0' }),
      [open('0.11'), open('0.12'), no('1'), no('2')],
    ],
    ['introduced after the newest 0.12 release: 0.12 is not affected yet', semver({ introduced: '0.12.5' }), [no('0.11'), no('0.12'), open('1'), open('2')]],
    ['an interval wholly after the newest release', semver({ introduced: '0.12.5' }, { fixed: '0.12.6' }), [no('0.11'), no('0.12'), no('1'), no('2')]],
    ['last_affected inside a line', semver({ introduced: '0.12.0' }, { last_affected: '0.12.2' }), [no('0.11'), open('0.12', '0.12.2'), no('1'), no('2')]],
    ['last_affected in a newer line bounds only that line', semver({ introduced: '0' }, { last_affected: '1.2.0' }), [open('0.11'), open('0.12'), open('1', '1.2.0'), no('2')]],
    ['listed versions, one of them not released yet', listed('0.12.2', '1.4.0'), [no('0.11'), open('0.12'), no('1'), no('2')]],
    ['a regression after the fix leaves the line affected', semver({ introduced: '0' }, { fixed: '0.12.1' }, { introduced: '0.12.3' }), [open('0.11'), open('0.12'), open('1'), open('2')]],
    [
      'a regression fixed again by a planned release',
      semver({ introduced: '0' }, { fixed: '0.12.1' }, { introduced: '0.12.3' }, { fixed: '0.12.5' }),
      [open('0.11'), fix('0.12', '0.12.5', true), no('1'), no('2')],
    ],
    [
      'a later interval not released yet does not move the fix',
      semver({ introduced: '0' }, { fixed: '0.12.3' }, { introduced: '0.12.8' }, { fixed: '0.12.9' }),
      [open('0.11'), fix('0.12', '0.12.3'), no('1'), no('2')],
    ],
    [
      'prereleases stay in the line of their release (2.0.0-rc.1 is not in line 1)',
      semver({ introduced: '2.0.0-rc.1' }, { fixed: '2.0.0-rc.2' }),
      [no('0.11'), no('0.12'), no('1'), fix('2', '2.0.0-rc.2')],
    ],
    ['prereleases of a shipped release are not releases of the line', semver({ introduced: '1.0.0-rc.1' }, { fixed: '1.0.0' }), [no('0.11'), no('0.12'), no('1'), no('2')]],
    ['a listed prerelease of a shipped release', listed('1.0.0-rc.1'), [no('0.11'), no('0.12'), no('1'), no('2')]],
    ['a listed prerelease leading up to latest', listed('2.0.0-beta.1'), [no('0.11'), no('0.12'), no('1'), open('2')]],
    [
      'last_affected does not bound the line when another range covers the next release',
      ranges([{ introduced: '0' }, { last_affected: '0.12.1' }], [{ introduced: '0.12.0' }, { limit: '0.12.3' }]),
      [open('0.11'), open('0.12'), no('1'), no('2')],
    ],
    ['a fix in an early prerelease of a prerelease-only line', semver({ introduced: '0' }, { fixed: '2.0.0-alpha.1' }), [open('0.11'), open('0.12'), open('1'), fix('2', '2.0.0-alpha.1')]],
    ['a fix in an unreleased, unplanned prerelease', semver({ introduced: '0' }, { fixed: '2.0.0-rc.3' }), [open('0.11'), open('0.12'), open('1'), fix('2', '2.0.0-rc.3')]],
    ['a fix after latest that is not planned', semver({ introduced: '0.12.0' }, { fixed: '0.12.6' }), [no('0.11'), fix('0.12', '0.12.6'), no('1'), no('2')]],
    [
      'fixed in one range, last_affected in another',
      ranges([{ introduced: '0.11.0' }, { fixed: '0.11.3' }], [{ introduced: '1.1.0' }, { last_affected: '1.2.0' }]),
      [fix('0.11', '0.11.3'), no('0.12'), open('1', '1.2.0'), no('2')],
    ],
    ['a limit ends the range', semver({ introduced: '0' }, { limit: '1.0.0' }), [open('0.11'), open('0.12'), no('1'), no('2')]],
    ['ECOSYSTEM ranges are not read', { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], versions: [] }, [no('0.11'), no('0.12'), no('1'), no('2')]],
  ];

  it.each(table)('%s', (_name, spec, expected) => {
    expect(lineStates(spec, LINES)).toEqual(expected);
  });

  it.each(table)('%s: agrees with isAffected on the fix and on latest', (_name, spec, expected) => {
    for (const [i, state] of expected.entries()) {
      const input = LINES[i];
      if (input === undefined) throw new Error('table and lines differ');
      if (state.state === 'fixed') expect(isAffected(state.fixedIn, spec)).toBe(false);
      // A line whose newest release is affected is never "not affected".
      if (isAffected(input.latest, spec)) expect(state.state).not.toBe('not-affected');
    }
  });

  it('agrees with a brute-force search over a dense version grid (200 generated specs)', () => {
    // Spec versions come from a coarse grid; the search runs over a finer one (more patches,
    // more prereleases), so it also looks between the versions the specs name.
    const coarse = ['0.11.0', '0.11.5', '0.11.9', '0.12.0', '0.12.2', '0.12.4', '0.12.5', '1.0.0-rc.1', '1.0.0', '1.3.0', '1.3.1', '2.0.0-rc.1', '2.0.0-rc.2', '2.0.0-rc.3', '2.0.0'];
    const fine = ['0.11', '0.12', '0.13', '1.0', '1.3', '1.4', '2.0', '2.1'].flatMap((minor) =>
      [0, 1, 2, 3, 4, 5, 6, 9, 10].flatMap((patch) => ['', '-0', '-alpha', '-rc.1', '-rc.1.0', '-rc.2', '-rc.3'].map((pre) => `${minor}.${patch}${pre}`)),
    );
    expect(coarse.filter((v) => !fine.includes(v))).toEqual([]);
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (): string => coarse[random(coarse.length)] ?? '0';
    const releaseOf = (v: string): string => v.split('-')[0] ?? v;
    const isRelease = (l: LineInput, v: string): boolean =>
      satisfies(releaseOf(v), l.range) && compare(v, l.latest) <= 0 && (parse(v)?.prerelease.length === 0 || releaseOf(v) === releaseOf(l.latest));
    for (let n = 0; n < 200; n++) {
      const spec: AffectedSpec = { ranges: [], versions: random(4) === 0 ? [pick()] : [] };
      for (let r = random(3) + 1; r > 0; r--) {
        const points = [...new Set(Array.from({ length: random(6) + 1 }, pick))].sort(compare);
        const closer = random(3) === 0 ? 'last_affected' : 'fixed';
        const events = points.map((v, k): RangeEvent => (k % 2 === 0 ? { introduced: v } : { [closer]: v }));
        if (random(3) === 0 && events[0]) events[0] = { introduced: '0' };
        spec.ranges.push({ type: 'SEMVER', events });
      }
      const states = lineStates(spec, LINES);
      const everywhere = fine.filter((v) => isAffected(v, spec));
      LINES.forEach((l, i) => {
        const state = states[i];
        const affected = everywhere.filter((v) => isRelease(l, v));
        const context = JSON.stringify({ spec, line: l.name, state, affected });
        expect(state?.state === 'not-affected', context).toBe(affected.length === 0);
        if (state?.state === 'fixed') {
          expect(isAffected(state.fixedIn, spec), context).toBe(false);
          expect(affected.filter((v) => compare(v, state.fixedIn) > 0), context).toEqual([]);
        }
        if (state?.state === 'affected' && state.lastAffected) expect(affected.filter((v) => compare(v, state.lastAffected ?? '0.0.0') > 0), context).toEqual([]);
      });
    }
  });

  it('refuses a line whose range or latest is not SEMVER', () => {
    expect(() => lineStates(semver({ introduced: '0' }), [{ name: 'x', range: 'soon', latest: '1.0.0' }])).toThrow('release line "x": "soon" is not a valid SEMVER range');
    expect(() => lineStates(semver({ introduced: '0' }), [{ name: '1', range: '>=1.0.0 <2.0.0', latest: '1.2' }])).toThrow('release line "1": "1.2" is not a valid SEMVER version');
  });

  it('refuses a spec with a bad version', () => {
    expect(() => lineStates(semver({ introduced: 'soon' }), LINES)).toThrow('run checkAffected first');
  });
});

describe('unreleasedFixes', () => {
  const unreleased = (path: (string | number)[], version: string, name: string, latest: string): RangeProblem => ({
    path,
    message: `"fixed: ${version}" is not released yet: the newest release of line ${name} is ${latest}`,
    fix: `release ${version} first, or list it as planned in line ${name} of releases.yaml if it ships with this advisory`,
  });

  it.each<[string, AffectedSpec, RangeProblem[]]>([
    ['a fix listed as planned', semver({ introduced: '0' }, { fixed: '0.12.5' }), []],
    ['a released fix', semver({ introduced: '0' }, { fixed: '0.12.3' }), []],
    ['a fix equal to latest', semver({ introduced: '0' }, { fixed: '0.12.4' }), []],
    ['a fix newer than latest, not planned', semver({ introduced: '0' }, { fixed: '0.12.6' }), [unreleased(['ranges', 0, 'events', 1, 'fixed'], '0.12.6', '0.12', '0.12.4')]],
    ['a fix in no known line', semver({ introduced: '0' }, { fixed: '5.0.0' }), []],
    ['a prerelease fix after the prerelease latest', semver({ introduced: '0' }, { fixed: '2.0.0-rc.3' }), [unreleased(['ranges', 0, 'events', 1, 'fixed'], '2.0.0-rc.3', '2', '2.0.0-rc.2')]],
    ['the release after a prerelease latest', semver({ introduced: '0' }, { fixed: '2.0.0' }), [unreleased(['ranges', 0, 'events', 1, 'fixed'], '2.0.0', '2', '2.0.0-rc.2')]],
    [
      'backports: each fix judged in its own line',
      semver({ introduced: '0.11.0' }, { fixed: '0.11.10' }, { introduced: '0.12.0' }, { fixed: '0.12.5' }, { introduced: '1.0.0' }, { fixed: '1.3.2' }),
      [unreleased(['ranges', 0, 'events', 1, 'fixed'], '0.11.10', '0.11', '0.11.9'), unreleased(['ranges', 0, 'events', 5, 'fixed'], '1.3.2', '1', '1.3.0')],
    ],
    ['a fix in a second range', ranges([{ introduced: '0' }, { fixed: '0.11.2' }], [{ introduced: '1.0.0' }, { fixed: '1.3.9' }]), [unreleased(['ranges', 1, 'events', 1, 'fixed'], '1.3.9', '1', '1.3.0')]],
    ['last_affected is not a fix', semver({ introduced: '0' }, { last_affected: '0.12.9' }), []],
    ['a bad version is left to checkAffected', semver({ introduced: '0' }, { fixed: '0.12' }), []],
  ])('%s', (_name, spec, expected) => {
    expect(unreleasedFixes(spec, LINES)).toEqual(expected);
  });
});

describe('sortEvents (intervals in version order, as OSV evaluates them)', () => {
  it.each([
    { name: 'already in order', events: [{ introduced: '0' }, { fixed: '1.0.1' }], sorted: [{ introduced: '0' }, { fixed: '1.0.1' }] },
    {
      name: 'intervals out of order (the Kubernetes feed)',
      events: [{ introduced: '1.28.0' }, { fixed: '1.28.7' }, { introduced: '0' }, { fixed: '1.27.10' }],
      sorted: [{ introduced: '0' }, { fixed: '1.27.10' }, { introduced: '1.28.0' }, { fixed: '1.28.7' }],
    },
    { name: 'a mistake inside an interval stays for the check', events: [{ introduced: '5.0.0' }, { fixed: '4.0.0' }], sorted: [{ introduced: '5.0.0' }, { fixed: '4.0.0' }] },
    { name: 'an invalid version: unchanged', events: [{ introduced: '2.0' }, { fixed: '2.1' }, { introduced: '0' }], sorted: [{ introduced: '2.0' }, { fixed: '2.1' }, { introduced: '0' }] },
    { name: 'no introduced first: unchanged', events: [{ fixed: '1.0.0' }, { introduced: '0' }], sorted: [{ fixed: '1.0.0' }, { introduced: '0' }] },
  ])('$name', ({ events, sorted }) => {
    expect(sortEvents(events)).toEqual(sorted);
  });
});
