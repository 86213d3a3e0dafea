/**
 * An advisory's affected versions (OSV `affected[].ranges` and `versions`): checked for
 * mistakes, evaluated for one version with OSV's algorithm, and laid over the project's
 * release lines (which lines are affected, and where each is fixed).
 *
 * Only SEMVER ranges are read; ECOSYSTEM and GIT ranges are left to their schema, since their
 * order is not SemVer's (a GIT range needs the commit graph). The project's own packages use
 * SEMVER ranges, so that is what the release-line view needs.
 *
 * Prereleases. OSV orders SEMVER versions by SemVer precedence (semver.org, item 11), where
 * `1.0.0-rc.1 < 1.0.0`. `semver.compare` is exactly that order, so events are evaluated with
 * `compare` and never with `satisfies`: without `includePrerelease`, `satisfies` says that no
 * prerelease lies in `>=0.9.0 <1.0.0`. Line ranges are the other trap: with `includePrerelease`,
 * `2.0.0-rc.1` satisfies `>=1.0.0 <2.0.0` and would land in line "1". So a version belongs to
 * the line whose range holds its release (`2.0.0-rc.1` -> `2.0.0` -> line "2"), tested without
 * `includePrerelease`. A line's releases are its stable versions up to `latest`, plus, while
 * `latest` is itself a prerelease, the prereleases leading up to it: once `1.0.0` has shipped,
 * nobody is counted as running line "1" on `1.0.0-rc.1`.
 */
// One module per function, not semver's index: the browser bundle of the version lookup carries only these.
import coerce from 'semver/functions/coerce.js';
import compare from 'semver/functions/compare.js';
import inc from 'semver/functions/inc.js';
import parse from 'semver/functions/parse.js';
import Range from 'semver/classes/range.js';
import SemVer from 'semver/classes/semver.js';

/** One OSV event: exactly one of its fields is set. */
export interface RangeEvent {
  /** First affected version; "0" means before every version. */
  introduced?: string;
  /** First version with the fix. */
  fixed?: string;
  /** Last affected version, where the fix is not known. */
  last_affected?: string;
  /** Upper bound of the range (exclusive); "*" means none. */
  limit?: string;
}

/** One OSV range: a timeline of events in one version order. */
export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  events: RangeEvent[];
}

/** What an OSV `affected` entry says about versions. */
export interface AffectedSpec {
  ranges: OsvRange[];
  /** Affected versions listed one by one. */
  versions: string[];
}

/** A mistake in an AffectedSpec, for the maintainer. */
export interface RangeProblem {
  /** Where, relative to the AffectedSpec: `['ranges', 0, 'events', 1, 'fixed']`. */
  path: (string | number)[];
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** A release line as this module needs it. */
export interface LineInput {
  name: string;
  /** The SEMVER range the line covers, e.g. `>=0.12.0 <0.13.0`. */
  range: string;
  /** The line's newest released version. */
  latest: string;
  /** Versions announced but not released yet (an embargoed fix ships with its advisory). */
  planned?: string[];
}

/** Whether a line is affected and where it is fixed. */
export type LineState =
  /** No release of the line (up to `latest`) is affected. */
  | { line: string; state: 'not-affected' }
  /** Some release of the line is affected and `fixedIn`, a version of this line, fixes it. */
  | { line: string; state: 'fixed'; fixedIn: string; planned: boolean }
  /** Affected with no fix in this line; `lastAffected` when a `last_affected` event of the line bounds it. */
  | { line: string; state: 'affected'; lastAffected?: string };

type Path = (string | number)[];
type EventKind = keyof RangeEvent;
const KINDS: EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

/** "0" as an introduced version: nothing sorts before 0.0.0-0. */
const BEFORE_ALL = new SemVer('0.0.0-0');

/** An event with a usable version; `version` is null for a `limit` of "*" (no limit). */
interface Bound {
  kind: EventKind;
  text: string;
  version: SemVer | null;
  path: Path;
}

/** Either a usable event, or what is wrong with it (`kind` when the event has one). */
type ReadEvent = { ok: true; bound: Bound } | { ok: false; kind?: EventKind; problem: RangeProblem };

/** A version written exactly as SemVer 2.0 says (no "v", no spaces), else null. */
function strictVersion(text: string): SemVer | null {
  const version = typeof text === 'string' ? parse(text) : null;
  if (version === null) return null;
  const written = version.build.length > 0 ? `${version.version}+${version.build.join('.')}` : version.version;
  return written === text ? version : null;
}

/** An event as the maintainer wrote it, for messages: `"fixed: 2.4"`. */
function named(kind: EventKind, text: string): string {
  return `"${kind}: ${String(text)}"`;
}

/**
 * Why a version string is not valid, and how to write it. (Its message is the one the version
 * lookup's bundle carries for evaluation errors; `checkedVersion` words it for the maintainer.)
 */
function invalidVersion(text: string, kind: EventKind | 'versions', path: Path): RangeProblem {
  if (text === '0' && kind !== 'introduced') {
    return { path, message: `"0" is only allowed as "introduced"`, fix: `"0" means "before every version"; write the ${kind === 'versions' ? 'affected' : `"${kind}"`} version itself, e.g. 1.0.1` };
  }
  const message = `${JSON.stringify(String(text))} is not a valid SEMVER version`;
  const trimmed = String(text).trim();
  if (/^v\d/.test(trimmed) && strictVersion(trimmed.slice(1))) return { path, message, fix: `write it without the "v": ${trimmed.slice(1)}` };
  if (trimmed !== text && strictVersion(trimmed)) return { path, message, fix: `remove the spaces: ${trimmed}` };
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { path, message, fix: `write the full version, e.g. ${coerce(trimmed)?.version ?? '1.0.0'}` };
  return { path, message, fix: `write a version such as 1.4.2 or 2.0.0-rc.1 (see https://semver.org)` };
}

/** A version that is not valid, as `check` reports it: naming the event (`"fixed: 2.4" is not a valid SemVer version`). */
function checkedVersion(text: string, kind: EventKind | 'versions', path: Path): RangeProblem {
  const { fix } = invalidVersion(text, kind, path);
  if (text === '0' && kind !== 'introduced') return { path, message: `"0" is only allowed as "introduced", not as ${kind === 'versions' ? 'a listed version' : `"${kind}"`}`, fix };
  return { path, message: `${kind === 'versions' ? `the listed version ${JSON.stringify(String(text))}` : named(kind, text)} is not a valid SemVer version`, fix };
}

/** Reads one event of a SEMVER range: its one kind and its version. */
function readEvent(event: RangeEvent, path: Path): ReadEvent {
  const kinds = KINDS.filter((k) => event[k] !== undefined);
  const [kind] = kinds;
  if (kind === undefined) {
    return { ok: false, problem: { path, message: 'the event names no version', fix: 'write one of introduced, fixed, last_affected or limit, with its version' } };
  }
  if (kinds.length > 1) {
    const named = kinds.map((k) => `"${k}"`).join(' and ');
    const split = kinds.map((k) => `{ ${k}: "${String(event[k])}" }`).join(' then ');
    return { ok: false, problem: { path, message: `the event has ${kinds.length === 2 ? 'both ' : ''}${named}`, fix: `give each its own event: ${split}` } };
  }
  const text = event[kind] ?? '';
  const at = [...path, kind];
  if (kind === 'introduced' && text === '0') return { ok: true, bound: { kind, text, version: BEFORE_ALL, path: at } };
  if (kind === 'limit' && text === '*') return { ok: true, bound: { kind, text, version: null, path: at } };
  const version = strictVersion(text);
  if (version === null) return { ok: false, kind, problem: invalidVersion(text, kind, at) };
  return { ok: true, bound: { kind, text, version, path: at } };
}

/**
 * The intervals of a SEMVER range (an `introduced` and the events up to the next one) ordered by
 * their `introduced` version, as OSV's evaluation reads them: OSV does not require a database to
 * list intervals in order, and the Kubernetes feed does not. Each interval's own events keep their
 * order, so a mistake inside one is still reported; unchanged when a version is not valid.
 */
export function sortEvents<E extends RangeEvent>(events: readonly E[]): E[] {
  const start = (e: E): SemVer | null => (e.introduced === '0' ? BEFORE_ALL : e.introduced === undefined ? null : strictVersion(e.introduced));
  const intervals: { from: SemVer; events: E[] }[] = [];
  for (const e of events) {
    if (e.introduced !== undefined) {
      const from = start(e);
      if (!from) return [...events];
      intervals.push({ from, events: [e] });
    } else if (intervals.length) intervals[intervals.length - 1]!.events.push(e);
    else return [...events];
  }
  return intervals.sort((a, b) => compare(a.from, b.from)).flatMap((x) => x.events);
}

/** The release lines a package's SEMVER versions are checked against (the project's own packages). */
export interface LinesOf {
  /** The package, as named in messages. */
  package: string;
  lines: readonly LineInput[];
}

/**
 * Checks SEMVER ranges and versions for validity and consistency (valid semver, introduced first,
 * fixed/last_affected after introduced, events in order, no fixed and last_affected in the same
 * interval, "0" allowed as introduced). With the package's release lines, a `fixed` or
 * `last_affected` version in no line is reported as that, and never also as out of order.
 */
export function checkAffected(spec: AffectedSpec, lines?: LinesOf): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const read = lines && { package: lines.package, lines: lines.lines.map(readLine) };
  spec.ranges.forEach((range, i) => {
    if (range.type === 'SEMVER') problems.push(...checkRange(range, ['ranges', i, 'events'], read));
  });
  spec.versions.forEach((text, k) => {
    if (strictVersion(text) === null) problems.push(checkedVersion(text, 'versions', ['versions', k]));
  });
  return problems;
}

/** A version that falls in none of the package's release lines. */
function outsideLines(bound: Bound, lines: { package: string; lines: Line[] }): RangeProblem {
  return { path: bound.path, message: `${named(bound.kind, bound.text)} falls in no release line of ${lines.package} in releases.yaml`, fix: 'correct the version, or add its line to releases.yaml' };
}

/** All problems of one SEMVER range: each event, then their order, then their sequence. */
function checkRange(range: OsvRange, path: Path, lines?: { package: string; lines: Line[] }): RangeProblem[] {
  if (range.events.length === 0) {
    return [{ path, message: 'the range has no events', fix: 'start it with { introduced: "<first affected version>" } ("0" if every earlier version is affected), then { fixed: "<first fixed version>" }' }];
  }
  const problems: RangeProblem[] = [];
  /** The events other than limits, in written order; null where an event cannot be read. */
  const written: (Bound | null)[] = [];
  const timeline: { kind: EventKind; text: string; path: Path }[] = [];
  let limits = 0;
  range.events.forEach((event, j) => {
    const read = readEvent(event, [...path, j]);
    if (read.ok) {
      if (read.bound.kind !== 'limit') written.push(read.bound);
    } else {
      // An event with one kind failed on its version: say which event.
      problems.push(read.kind !== undefined ? checkedVersion(event[read.kind] ?? '', read.kind, read.problem.path) : read.problem);
      if (read.kind !== 'limit') written.push(null);
    }
    const kind = read.ok ? read.bound.kind : read.kind;
    if (kind === 'limit') limits += 1;
    else if (kind !== undefined) timeline.push(read.ok ? read.bound : { kind, text: event[kind] ?? '', path: [...path, j, kind] });
  });
  const inLine = (b: Bound) => !lines || b.version === null || b.version === BEFORE_ALL || lines.lines.some((l) => holds(l, b.version!));
  // A fix (or last affected version) in no release line is the mistake itself: said once, and its neighbours not compared with it.
  const outside = new Set(written.filter((b): b is Bound => b !== null && b.kind !== 'introduced' && !inLine(b)));
  for (const b of outside) problems.push(outsideLines(b, lines!));
  const order = checkOrder(written, outside, (b) => (inLine(b) ? undefined : outsideLines(b, lines!)));
  problems.push(...order);
  // Until every event has one kind and the events are in order, the sequence says nothing new.
  if (order.length === 0 && timeline.length + limits === range.events.length) problems.push(...checkSequence(timeline, path));
  return problems;
}

/**
 * Version order between neighbouring events as written: each after the one before it. An event
 * that cannot be read, or is already reported as in no release line, is compared with nothing;
 * where one of two events out of order is an `introduced` in no release line, that is the
 * problem reported (`outside` says so), not the order.
 */
function checkOrder(written: readonly (Bound | null)[], skip: ReadonlySet<Bound>, outside: (b: Bound) => RangeProblem | undefined): RangeProblem[] {
  const problems: RangeProblem[] = [];
  written.forEach((cur, j) => {
    const prev = written[j - 1];
    if (!prev || !cur || skip.has(prev) || skip.has(cur) || cur.version === null || prev.version === null) return;
    const c = compare(cur.version, prev.version);
    if (c < 0) {
      const stray = [prev, cur].map(outside).filter((p) => p !== undefined);
      if (stray.length === 1) {
        problems.push(stray[0]!);
        return;
      }
      const closer = prev.kind === 'last_affected' || cur.kind === 'last_affected' ? 'last_affected' : 'fixed';
      problems.push({
        path: cur.path,
        message: `${named(cur.kind, cur.text)} is lower than ${named(prev.kind, prev.text)} before it`,
        fix: `if one of ${prev.text} and ${cur.text} is mistyped, correct it; otherwise put events in version order: introduced, then ${closer}`,
      });
    } else if (c === 0 && cur.kind === prev.kind) {
      problems.push({ path: cur.path, message: `${named(cur.kind, cur.text)} is listed twice`, fix: 'remove one of them' });
    } else if (c === 0 && prev.kind === 'introduced' && cur.kind === 'fixed') {
      problems.push({ path: cur.path, message: `${named('fixed', cur.text)} is the same version as ${named('introduced', prev.text)}, so no version is affected`, fix: '"fixed" is the first version without the flaw, so it must be newer than "introduced"' });
    } else if (c === 0 && cur.kind === 'introduced') {
      problems.push({ path: cur.path, message: `${named('introduced', cur.text)} is the same version as the ${named(prev.kind, prev.text)} before it`, fix: 'start the new interval at a later version, or remove both events to join the two intervals' });
    }
  });
  return problems;
}

/** The shape of the timeline: introduced, then one closing event, then introduced again. */
function checkSequence(timeline: { kind: EventKind; text: string; path: Path }[], path: Path): RangeProblem[] {
  const first = timeline[0];
  if (first === undefined) {
    return [{ path, message: 'the range has no "introduced" event', fix: 'add { introduced: "<first affected version>" }, or "0" if every earlier version is affected' }];
  }
  const problems: RangeProblem[] = [];
  const closer = timeline.some((e) => e.kind === 'last_affected') ? 'last_affected' : 'fixed';
  let mixed = false;
  timeline.forEach((cur, j) => {
    const prev = timeline[j - 1];
    const other = timeline.slice(0, j).find((e) => e.kind !== cur.kind && e.kind !== 'introduced');
    if (prev === undefined) {
      if (cur.kind !== 'introduced') {
        problems.push({ path: cur.path, message: `the range starts with ${named(cur.kind, cur.text)} instead of "introduced"`, fix: `add { introduced: "<first affected version>" } before it, or { introduced: "0" } if every version before ${cur.text} is affected` });
      }
    } else if (cur.kind === 'introduced' && prev.kind === 'introduced') {
      problems.push({ path: cur.path, message: `${named('introduced', cur.text)} follows ${named('introduced', prev.text)} with no "${closer}" between them`, fix: `add the "${closer}" that ends the interval from ${prev.text}, or remove one "introduced"` });
    } else if (cur.kind !== 'introduced' && prev.kind !== 'introduced' && cur.kind !== prev.kind) {
      mixed = true;
      problems.push({ path: cur.path, message: `${named(cur.kind, cur.text)} and ${named(prev.kind, prev.text)} both end the same interval`, fix: 'keep one of them: "fixed" (the first version without the flaw) where it is known' });
    } else if (cur.kind !== 'introduced' && prev.kind !== 'introduced') {
      problems.push({ path: cur.path, message: `${named(cur.kind, cur.text)} follows ${named(prev.kind, prev.text)} with no "introduced" between them`, fix: `if versions between them are affected, add the "introduced" that starts that interval before ${cur.text}; otherwise remove ${named(cur.kind, cur.text)}` });
    } else if (cur.kind !== 'introduced' && other !== undefined && !mixed) {
      // The OSV schema allows "fixed" or "last_affected" in a range, not both.
      mixed = true;
      problems.push({ path: cur.path, message: `${named(cur.kind, cur.text)} is in the same range as ${named(other.kind, other.text)}`, fix: `a range has either "fixed" or "last_affected" events, not both: move the interval ending at ${cur.text} into a range of its own` });
    }
  });
  return problems;
}

/** A SEMVER range ready to evaluate: closing/opening events in version order, and its limits. */
interface Timeline {
  bounds: (Bound & { version: SemVer })[];
  limits: (SemVer | null)[];
}

/** The spec ready to evaluate, or an error: evaluation never guesses around a bad version. */
interface Compiled {
  timelines: Timeline[];
  listed: SemVer[];
}

/** Reads the spec for evaluation; throws on what checkAffected reports as invalid. */
function compile(spec: AffectedSpec): Compiled {
  const fail = (problem: RangeProblem): never => {
    throw new Error(`cannot evaluate affected versions: ${problem.path.join('.')}: ${problem.message} (run checkAffected first)`);
  };
  const timelines = spec.ranges.flatMap((range, i): Timeline[] => {
    if (range.type !== 'SEMVER') return [];
    const read = range.events.map((event, j) => readEvent(event, ['ranges', i, 'events', j]));
    const bounds = read.map((r) => (r.ok ? r.bound : fail(r.problem)));
    const events = bounds.filter((b): b is Bound & { version: SemVer } => b.kind !== 'limit' && b.version !== null);
    // OSV sorts events by version; the sort is stable, so ties keep their written order.
    events.sort((a, b) => compare(a.version, b.version));
    return [{ bounds: events, limits: bounds.filter((b) => b.kind === 'limit').map((b) => b.version) }];
  });
  const listed = spec.versions.map((text, k) => strictVersion(text) ?? fail(invalidVersion(text, 'versions', ['versions', k])));
  return { timelines, listed };
}

/** OSV's evaluation: listed in `versions`, or inside one SEMVER range (before its limits, then the event walk). */
function affects(spec: Compiled, v: SemVer): boolean {
  if (spec.listed.some((listed) => compare(v, listed) === 0)) return true;
  return spec.timelines.some(({ bounds, limits }) => {
    if (limits.length > 0 && !limits.some((limit) => limit === null || compare(v, limit) < 0)) return false;
    let affected = false;
    for (const { kind, version } of bounds) {
      if (kind === 'introduced' && compare(v, version) >= 0) affected = true;
      else if (kind === 'fixed' && compare(v, version) >= 0) affected = false;
      else if (kind === 'last_affected' && compare(v, version) > 0) affected = false;
    }
    return affected;
  });
}

/** Whether one version is affected by the spec (OSV evaluation semantics for SEMVER ranges, plus explicit versions). */
export function isAffected(version: string, spec: AffectedSpec): boolean {
  const v = strictVersion(version);
  if (v === null) throw new Error(`cannot evaluate affected versions: ${JSON.stringify(version)} is not a valid SEMVER version`);
  return affects(compile(spec), v);
}

/** A release line read for comparisons. */
interface Line {
  name: string;
  range: Range;
  /** Release -> whether the range holds it, as asked so far. */
  within: Map<string, boolean>;
  latest: SemVer;
  latestText: string;
  planned: SemVer[];
  /** The release `latest` leads up to, while `latest` is a prerelease. */
  upcoming: string | null;
}

/** The release a version is or leads up to: 2.0.0-rc.1 -> 2.0.0. */
function releaseOf(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

// Lines are read once per input object: every advisory of a build is evaluated against the same lines.
const readLines = new WeakMap<LineInput, Line>();

/** Reads a line once (see `readLineOnce`); throws on a bad range or version (the releases check reports those). */
function readLine(input: LineInput): Line {
  let line = readLines.get(input);
  if (!line) readLines.set(input, (line = readLineOnce(input)));
  return line;
}

/** Reads a line; throws on a bad range or version. */
function readLineOnce(input: LineInput): Line {
  const bad = (what: string): never => {
    throw new Error(`release line "${input.name}": ${what} (check releases.yaml first)`);
  };
  let range: Range;
  try {
    range = new Range(input.range);
  } catch {
    return bad(`${JSON.stringify(input.range)} is not a valid SEMVER range`);
  }
  // As lenient as the releases check (semver.valid): a "v" or spaces there are not this module's to refuse.
  const version = (text: string): SemVer => parse(text) ?? bad(`${JSON.stringify(text)} is not a valid SEMVER version`);
  const latest = version(input.latest);
  return {
    name: input.name,
    range,
    within: new Map(),
    latest,
    latestText: input.latest,
    planned: (input.planned ?? []).map(version),
    upcoming: latest.prerelease.length > 0 ? releaseOf(latest) : null,
  };
}

/** Whether a version falls in the line (by its release, see the module comment). */
function holds(line: Line, v: SemVer): boolean {
  const release = releaseOf(v);
  let answer = line.within.get(release);
  if (answer === undefined) line.within.set(release, (answer = line.range.test(release)));
  return answer;
}

/** Whether a version is one of the line's releases (see the module comment). */
function isRelease(line: Line, v: SemVer): boolean {
  if (!holds(line, v) || compare(v, line.latest) > 0) return false;
  return v.prerelease.length === 0 || releaseOf(v) === line.upcoming;
}

/**
 * A finite set of versions enough to answer "is some release of the line affected (above a
 * floor)?". Both "affected" and "a release of the line" change only at versions that the spec
 * or the line names (events, listed versions, range comparators, latest, the floor, itself an
 * event); between two of them both stay the same, and the lowest release there is the named
 * version itself, its release, the version just after it (the next patch, or `x-pre.0` after a
 * prerelease), or the first prerelease leading up to `latest`. ranges.test.ts checks this set
 * against a brute-force search.
 */
function probes(spec: Compiled, line: Line): SemVer[] {
  const seeds: SemVer[] = [
    line.latest,
    ...line.range.set.flat().flatMap((c) => (c.semver instanceof SemVer ? [c.semver] : [])),
    ...spec.timelines.flatMap((t) => [...t.bounds.map((b) => b.version), ...t.limits.filter((l) => l !== null)]),
    ...spec.listed,
  ];
  const texts = new Set(['0.0.0', ...(line.upcoming ? [`${line.upcoming}-0`] : [])]);
  for (const v of seeds) {
    texts.add(v.version).add(releaseOf(v));
    texts.add(v.prerelease.length > 0 ? `${v.version}.0` : (inc(v.version, 'patch') ?? v.version));
  }
  return [...texts].map(probeVersion);
}

// Probe versions recur across every advisory and line of a build: each is parsed once (SemVer
// objects are not changed by compare or by this module). Bounded, so a long-lived process stays small.
const probeVersions = new Map<string, SemVer>();

/** A probe's SemVer, parsed once. */
function probeVersion(text: string): SemVer {
  let v = probeVersions.get(text);
  if (!v) {
    if (probeVersions.size >= 100_000) probeVersions.clear();
    probeVersions.set(text, (v = new SemVer(text)));
  }
  return v;
}

/** The state of one line. */
function stateOf(spec: Compiled, line: Line): LineState {
  const candidates = probes(spec, line).filter((v) => isRelease(line, v) && affects(spec, v));
  const affectedAfter = (floor: SemVer): boolean => candidates.some((v) => compare(v, floor) > 0);
  if (candidates.length === 0) return { line: line.name, state: 'not-affected' };
  const ofLine = (kind: EventKind) =>
    spec.timelines
      .flatMap((t) => t.bounds)
      .filter((b) => b.kind === kind && holds(line, b.version))
      .sort((a, b) => compare(a.version, b.version));
  // The lowest fix of the line after which no release of the line is affected again.
  const fix = ofLine('fixed').find((b) => !affects(spec, b.version) && !affectedAfter(b.version));
  if (fix) {
    const planned = compare(fix.version, line.latest) > 0 && line.planned.some((p) => compare(p, fix.version) === 0);
    return { line: line.name, state: 'fixed', fixedIn: fix.text, planned };
  }
  const last = ofLine('last_affected').find((b) => !affectedAfter(b.version));
  return last ? { line: line.name, state: 'affected', lastAffected: last.text } : { line: line.name, state: 'affected' };
}

/** Computes, per release line, whether it is affected and in which version of the line it is fixed. */
export function lineStates(spec: AffectedSpec, lines: LineInput[]): LineState[] {
  const compiled = compile(spec);
  return lines.map((input) => stateOf(compiled, readLine(input)));
}

/** The default SEMVER range a line name covers: "0.12" -> ">=0.12.0 <0.13.0", "2" -> ">=2.0.0 <3.0.0", "2.1" -> ">=2.1.0 <2.2.0" (for 0.x lines the minor, for >=1 lines the named precision). */
export function defaultLineRange(name: string): string {
  const match = /^(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/.exec(name);
  if (match === null) throw new Error(`release line "${name}" is not named like "2" or "0.12", so it needs an explicit range`);
  const major = Number(match[1]);
  if (match[2] === undefined) return `>=${major}.0.0 <${major + 1}.0.0`;
  const minor = Number(match[2]);
  return `>=${major}.${minor}.0 <${major}.${minor + 1}.0`;
}

/** Fix versions named in the spec that are newer than the newest release of the line they fall in and not planned: each a problem (SPEC: check errors on a fix version newer than its line's newest release unless planned). */
export function unreleasedFixes(spec: AffectedSpec, lines: LineInput[]): RangeProblem[] {
  const read = lines.map(readLine);
  const problems: RangeProblem[] = [];
  spec.ranges.forEach((range, i) => {
    if (range.type !== 'SEMVER') return;
    range.events.forEach((event, j) => {
      // A bad event is checkAffected's to report; here it is skipped.
      const r = readEvent(event, ['ranges', i, 'events', j]);
      if (!r.ok || r.bound.kind !== 'fixed' || r.bound.version === null) return;
      const { text, version, path } = r.bound;
      for (const line of read) {
        if (!holds(line, version) || compare(version, line.latest) <= 0) continue;
        if (line.planned.some((p) => compare(p, version) === 0)) continue;
        problems.push({
          path,
          message: `${named('fixed', text)} is not released yet: the newest release of line ${line.name} is ${line.latestText}`,
          fix: `release ${text} first, or list it as planned in line ${line.name} of releases.yaml if it ships with this advisory`,
        });
      }
    });
  });
  return problems;
}

/** The name of the line a version falls in (by its release, see the module comment), or undefined; throws on a version that is not strict SemVer. */
export function lineOfVersion(version: string, lines: readonly Pick<LineInput, 'name' | 'range'>[]): string | undefined {
  const v = strictVersion(version);
  if (v === null) throw new Error(`${JSON.stringify(version)} is not a valid SEMVER version`);
  return lines.find((l) => new Range(l.range).test(releaseOf(v)))?.name;
}

/** The version a reader typed, as strict SemVer: trimmed, a leading "v" dropped ("v0.11.4" -> "0.11.4"); null when it is not a version. */
export function readTypedVersion(text: string): string | null {
  const trimmed = text.trim().replace(/^v(?=\d)/i, '');
  return strictVersion(trimmed) === null ? null : trimmed;
}
